#include "editor/tidal_highlighter.hpp"

#include "editor/vocabulary.hpp"

namespace seiche::ui {

namespace {

enum BlockState { Normal = 0, InBlockComment = 1 };

bool isWordStart(QChar c) { return c.isLetter() || c == QLatin1Char('_'); }
bool isWordChar(QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('\''); }
bool isOperatorChar(QChar c) { return QStringLiteral("$#|+-*/<>=.~%&!?:^@").contains(c); }

bool isKeyword(const QString& w) {
    static const QSet<QString> keywords{QStringLiteral("let"),  QStringLiteral("in"),    QStringLiteral("where"),
                                        QStringLiteral("do"),   QStringLiteral("if"),    QStringLiteral("then"),
                                        QStringLiteral("else"), QStringLiteral("case"),  QStringLiteral("of"),
                                        QStringLiteral("hush"), QStringLiteral("once"),  QStringLiteral("setcps"),
                                        QStringLiteral("solo"), QStringLiteral("unsolo"), QStringLiteral("mute"),
                                        QStringLiteral("unmute")};
    return keywords.contains(w);
}

bool isChannel(const QString& w) {
    if (w.size() < 2 || w.size() > 3 || w[0] != QLatin1Char('d')) return false;
    bool ok = false;
    const int n = w.mid(1).toInt(&ok);
    return ok && n >= 1 && n <= 16;
}

}  // namespace

TidalHighlighter::TidalHighlighter(QTextDocument* document, const Vocabulary& vocabulary)
    : QSyntaxHighlighter(document) {
    for (const auto& [name, help] : vocabulary.entries()) (help.control ? controls_ : functions_).insert(name);
}

void TidalHighlighter::setTheme(const Theme& theme) {
    auto format = [](QColor colour, bool bold = false, bool italic = false) {
        QTextCharFormat f;
        f.setForeground(colour);
        if (bold) f.setFontWeight(QFont::Bold);
        f.setFontItalic(italic);
        return f;
    };
    keyword_ = format(theme.keyword, true);
    function_ = format(theme.function);
    control_ = format(theme.control);
    string_ = format(theme.string);
    mini_ = format(theme.mini, true);
    number_ = format(theme.number);
    comment_ = format(theme.comment, false, true);
    op_ = format(theme.op);
    channel_ = format(theme.channel, true);
    rehighlight();
}

int TidalHighlighter::highlightMini(const QString& text, int from) {
    int i = from + 1;
    setFormat(from, 1, string_);
    while (i < text.size() && text[i] != QLatin1Char('"')) {
        const QChar c = text[i];
        if (c == QLatin1Char('\\') && i + 1 < text.size()) {
            setFormat(i, 2, string_);
            i += 2;
        } else if (c.isDigit() || (c == QLatin1Char('-') && i + 1 < text.size() && text[i + 1].isDigit())) {
            int j = i + 1;
            while (j < text.size() && (text[j].isDigit() || text[j] == QLatin1Char('.'))) ++j;
            setFormat(i, j - i, number_);
            i = j;
        } else if (QStringLiteral("[]<>{}(),*/!?@~.|:_%").contains(c)) {
            setFormat(i, 1, mini_);
            ++i;
        } else {
            setFormat(i, 1, string_);
            ++i;
        }
    }
    if (i < text.size()) setFormat(i++, 1, string_);
    return i;
}

void TidalHighlighter::highlightBlock(const QString& text) {
    int i = 0;
    setCurrentBlockState(Normal);
    if (previousBlockState() == InBlockComment) {
        const int end = text.indexOf(QStringLiteral("-}"));
        if (end < 0) {
            setFormat(0, text.size(), comment_);
            setCurrentBlockState(InBlockComment);
            return;
        }
        setFormat(0, end + 2, comment_);
        i = end + 2;
    }
    while (i < text.size()) {
        const QChar c = text[i];
        if (c == QLatin1Char('-') && text.mid(i, 2) == QLatin1String("--")) {
            setFormat(i, text.size() - i, comment_);
            return;
        }
        if (c == QLatin1Char('{') && text.mid(i, 2) == QLatin1String("{-")) {
            const int end = text.indexOf(QStringLiteral("-}"), i + 2);
            if (end < 0) {
                setFormat(i, text.size() - i, comment_);
                setCurrentBlockState(InBlockComment);
                return;
            }
            setFormat(i, end + 2 - i, comment_);
            i = end + 2;
        } else if (c == QLatin1Char('"')) {
            i = highlightMini(text, i);
        } else if (c.isDigit()) {
            int j = i + 1;
            while (j < text.size() && (text[j].isDigit() || text[j] == QLatin1Char('.') || text[j] == QLatin1Char('e')))
                ++j;
            setFormat(i, j - i, number_);
            i = j;
        } else if (isWordStart(c)) {
            int j = i + 1;
            while (j < text.size() && isWordChar(text[j])) ++j;
            const QString word = text.mid(i, j - i);
            if (isChannel(word)) setFormat(i, j - i, channel_);
            else if (isKeyword(word)) setFormat(i, j - i, keyword_);
            else if (controls_.contains(word)) setFormat(i, j - i, control_);
            else if (functions_.contains(word)) setFormat(i, j - i, function_);
            i = j;
        } else if (isOperatorChar(c)) {
            int j = i + 1;
            while (j < text.size() && isOperatorChar(text[j])) ++j;
            setFormat(i, j - i, op_);
            i = j;
        } else {
            ++i;
        }
    }
}

}  // namespace seiche::ui
