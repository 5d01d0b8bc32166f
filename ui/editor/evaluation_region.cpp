#include "editor/evaluation_region.hpp"

#include <QTextBlock>
#include <QTextDocument>

namespace seiche::ui {

namespace {
bool blank(const QTextBlock& b) { return b.text().trimmed().isEmpty(); }
}  // namespace

EvaluationRegion evaluationRegion(const QTextDocument& document, int cursorPosition, EvaluationScope scope) {
    QTextBlock first = document.findBlock(cursorPosition), last = first;
    if (!first.isValid()) return {};
    if (scope == EvaluationScope::Buffer) {
        first = document.firstBlock();
        last = document.lastBlock();
    } else if (scope == EvaluationScope::Block) {
        if (blank(first)) return {first.position(), first.position(), first.blockNumber() + 1, {}};
        while (first.previous().isValid() && !blank(first.previous())) first = first.previous();
        while (last.next().isValid() && !blank(last.next())) last = last.next();
    }
    EvaluationRegion region;
    region.start = first.position();
    region.end = last.position() + last.length() - 1;  // without the block's separator
    region.firstLine = first.blockNumber() + 1;
    QStringList lines;
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        lines << b.text();
        if (b == last) break;
    }
    region.code = lines.join(QLatin1Char('\n'));
    return region;
}

QString scopeName(EvaluationScope scope) {
    switch (scope) {
    case EvaluationScope::Block: return QStringLiteral("block");
    case EvaluationScope::Line: return QStringLiteral("line");
    case EvaluationScope::Buffer: return QStringLiteral("buffer");
    }
    return {};
}

}  // namespace seiche::ui
