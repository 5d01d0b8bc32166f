#pragma once
// Which code an evaluation key sends, as Tidal's editor plugins decide it: the
// block under the cursor (lines up to the nearest blank line on either side), the
// cursor's line, or the whole buffer.
#include <QString>

class QTextDocument;

namespace seiche::ui {

enum class EvaluationScope { Block, Line, Buffer };

struct EvaluationRegion {
    int start = 0, end = 0;  // document character positions, [start, end)
    int firstLine = 1;       // 1-based line of `start`
    QString code;            // the text, with '\n' between lines
    bool empty() const { return code.trimmed().isEmpty(); }
};

EvaluationRegion evaluationRegion(const QTextDocument& document, int cursorPosition, EvaluationScope scope);
QString scopeName(EvaluationScope scope);  // "block", "line", "buffer"

}  // namespace seiche::ui
