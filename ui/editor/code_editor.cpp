#include "editor/code_editor.hpp"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStringListModel>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolTip>
#include <QtMath>

#include "editor/tidal_highlighter.hpp"
#include "editor/vocabulary.hpp"
#include "settings/keymap.hpp"

namespace seiche::ui {

namespace {

constexpr int kFlashMs = 320;
constexpr int kBracketScanLimit = 20000;  // characters: a keystroke never scans a whole long buffer

class LineNumberArea : public QWidget {
public:
    explicit LineNumberArea(CodeEditor* editor) : QWidget(editor), editor_(editor) {
        // It fills what it paints: the editor and the scroll bar beneath are not repainted with it.
        setAttribute(Qt::WA_OpaquePaintEvent);
    }
    QSize sizeHint() const override { return {editor_->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent* event) override { editor_->paintLineNumbers(event); }

private:
    CodeEditor* editor_;
};

QChar partner(QChar c) {
    switch (c.unicode()) {
    case '(': return QLatin1Char(')');
    case '[': return QLatin1Char(']');
    case '{': return QLatin1Char('}');
    case '<': return QLatin1Char('>');
    case ')': return QLatin1Char('(');
    case ']': return QLatin1Char('[');
    case '}': return QLatin1Char('{');
    case '>': return QLatin1Char('<');
    default: return {};
    }
}

// QPlainTextDocumentLayout repaints the whole viewport for any change it sees as
// spanning more than one block ("optimization potential", says Qt's source), and
// it sees every keystroke so: it reaches the last block touched through
// from + charsRemoved + charsAdded, and QSyntaxHighlighter marks the line it
// recoloured dirty as (position, length, length), which ends in the next line.
// Here the blocks in that range are laid out again and repainted, and only they,
// as long as no line was added or removed and none changed height (then nothing
// else moved); otherwise the base class repaints everything, as it did.
// A laid-out line also keeps its shaped glyphs: Qt frees them after layout by
// default, and every repaint of the line would shape it again (some 30 bytes a
// character; past a megabyte of text only the lines being edited keep them).
class EditorLayout : public QPlainTextDocumentLayout {
public:
    using QPlainTextDocumentLayout::QPlainTextDocumentLayout;

protected:
    void documentChanged(int from, int removed, int added) override {
        QTextDocument* doc = document();
        const QTextBlock first = doc->findBlock(from);
        const QTextBlock last = doc->findBlock(std::max(0, from + removed + added - 1));
        if (last.blockNumber() - first.blockNumber() < kLocalBlocks || doc->characterCount() <= kCachedChars)
            for (QTextBlock b = first; b.isValid(); b = b.next()) {
                b.layout()->setCacheEnabled(true);
                if (b == last) break;
            }
        const bool sameLines = doc->blockCount() == blocks_;
        blocks_ = doc->blockCount();
        if (!sameLines || first == last || !first.isValid() || !last.isValid() ||
            last.blockNumber() - first.blockNumber() >= kLocalBlocks) {
            QPlainTextDocumentLayout::documentChanged(from, removed, added);
            return;
        }
        std::vector<std::pair<QTextBlock, qreal>> heights;
        for (QTextBlock b = first; b.isValid(); b = b.next()) {
            heights.emplace_back(b, blockBoundingRect(b).height());
            if (b == last) break;
        }
        const QSizeF size = documentSize();
        {
            // Its layout work, without the repaint of everything.
            const QSignalBlocker quiet(this);
            QPlainTextDocumentLayout::documentChanged(from, removed, added);
        }
        if (documentSize() != size) Q_EMIT documentSizeChanged(documentSize());
        for (const auto& [block, height] : heights)
            if (blockBoundingRect(block).height() != height) {
                requestUpdate();  // the lines below moved
                return;
            }
        for (const auto& [block, height] : heights) Q_EMIT updateBlock(block);
    }

private:
    static constexpr int kLocalBlocks = 8;
    static constexpr int kCachedChars = 1 << 20;
    int blocks_ = 1;
};

bool opens(QChar c) { return c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{') || c == QLatin1Char('<'); }

}  // namespace

CodeEditor::CodeEditor(const Vocabulary& vocabulary, QWidget* parent)
    : QPlainTextEdit(parent), vocabulary_(vocabulary) {
    // Its layout repaints the line a keystroke changed, not the whole view.
    auto* text = new QTextDocument(this);
    text->setDocumentLayout(new EditorLayout(text));
    setDocument(text);
    text->setDefaultFont(font());
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(false);
    setCenterOnScroll(false);
    highlighter_ = new TidalHighlighter(document(), vocabulary_);
    lineNumbers_ = new LineNumberArea(this);

    completionModel_ = new QStringListModel(this);
    completer_ = new QCompleter(completionModel_, this);
    completer_->setWidget(this);
    completer_->setCompletionMode(QCompleter::PopupCompletion);
    completer_->setCaseSensitivity(Qt::CaseSensitive);
    completer_->setModelSorting(QCompleter::CaseSensitivelySortedModel);
    connect(completer_, qOverload<const QString&>(&QCompleter::activated), this, &CodeEditor::insertCompletion);
    refreshCompletions();

    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(lineNumberAreaWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect& rect, int dy) {
        if (dy) lineNumbers_->scroll(0, dy);
        else lineNumbers_->update(0, rect.y(), lineNumbers_->width(), rect.height());
    });
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeEditor::cursorMoved);
    // The error mark follows its text while lines above it are edited.
    connect(document(), &QTextDocument::contentsChange, this, [this](int position, int removed, int added) {
        if (errorPosition_ >= 0 && position < errorPosition_)
            errorPosition_ = std::max(position, errorPosition_ + added - removed);
    });
    flashTimer_.setInterval(16);
    connect(&flashTimer_, &QTimer::timeout, this, [this] {
        if (flash_.clock.elapsed() > kFlashMs) flashTimer_.stop();
        viewport()->update();
    });
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
    setTheme(loadTheme(QStringLiteral("dark")));
}

void CodeEditor::setTheme(const Theme& theme) {
    theme_ = theme;
    setPalette(theme.palette());
    highlighter_->setTheme(theme);
    matchBrackets(true);
    viewport()->update();
    lineNumbers_->update();
}

void CodeEditor::setEditorFont(const QFont& font) {
    setFont(font);
    baseFontSize_ = font.pointSize() > 0 ? font.pointSize() : 14;
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

int CodeEditor::fontPointSize() const { return font().pointSize(); }

void CodeEditor::zoom(int steps) {
    QFont f = font();
    const int size = steps == 0 ? baseFontSize_ : std::clamp(f.pointSize() + steps, 6, 96);
    f.setPointSize(size);
    setFont(f);
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void CodeEditor::refreshCompletions() { completionModel_->setStringList(vocabulary_.completions()); }

int CodeEditor::lineNumberAreaWidth() const {
    int digits = 2;
    for (int n = std::max(1, blockCount()); n >= 10; n /= 10) ++digits;
    return 8 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits;
}

void CodeEditor::resizeEvent(QResizeEvent* event) {
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    lineNumbers_->setGeometry(QRect(r.left(), r.top(), lineNumberAreaWidth(), r.height()));
}

void CodeEditor::paintLineNumbers(QPaintEvent* event) {
    QPainter painter(lineNumbers_);
    painter.fillRect(event->rect(), theme_.gutter);
    painter.setFont(font());
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int current = textCursor().blockNumber();
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible() && top + height >= event->rect().top()) {
            painter.setPen(block.blockNumber() == current ? theme_.foreground : theme_.gutterText);
            painter.drawText(0, top, lineNumbers_->width() - 4, fontMetrics().height(), Qt::AlignRight,
                             QString::number(block.blockNumber() + 1));
        }
        top += height;
        block = block.next();
    }
}

bool CodeEditor::event(QEvent* e) {
    if (e->type() == QEvent::ShortcutOverride && keymap_) {
        // Bound keys are ours even where the text control would take them (Shift+Enter
        // inserts a line separator, Escape closes a popup...): accepted here, they
        // arrive as a key press and no window shortcut runs twice.
        auto* key = static_cast<QKeyEvent*>(e);
        if (!keymap_->commandFor(key).isEmpty()) {
            e->accept();
            return true;
        }
    }
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        QTextCursor c = cursorForPosition(help->pos() - QPoint(viewportMargins().left(), 0));
        c.select(QTextCursor::WordUnderCursor);
        if (const WordHelp* word = vocabulary_.find(c.selectedText())) {
            QToolTip::showText(help->globalPos(),
                               QStringLiteral("<b>%1</b> :: %2<br>%3<br><code>%4</code>")
                                   .arg(word->name.toHtmlEscaped(), word->signature.toHtmlEscaped(),
                                        word->doc.toHtmlEscaped(), word->example.toHtmlEscaped()),
                               this);
        } else if (hasError() && lineRect(errorPosition_).contains(help->pos())) {
            QToolTip::showText(help->globalPos(), errorMessage_, this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QPlainTextEdit::event(e);
}

void CodeEditor::keyPressEvent(QKeyEvent* event) {
    if (completer_->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Tab:
        case Qt::Key_Escape:
            if (event->modifiers() == Qt::NoModifier) {
                event->ignore();  // the completer's popup takes these
                return;
            }
            break;
        default: break;
        }
    }
    const QString command = keymap_ ? keymap_->commandFor(event) : QString();
    if (!command.isEmpty()) {
        completer_->popup()->hide();
        if (command == QLatin1String("toggle-comment")) toggleComment();
        else if (command == QLatin1String("complete")) showCompletions();
        else if (command == QLatin1String("zoom-in")) zoom(+1);
        else if (command == QLatin1String("zoom-out")) zoom(-1);
        else if (command == QLatin1String("zoom-reset")) zoom(0);
        else Q_EMIT commandRequested(command);
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && event->modifiers() == Qt::NoModifier) {
        newlineWithIndent();
        return;
    }
    if (event->key() == Qt::Key_Tab && event->modifiers() == Qt::NoModifier) {
        insertPlainText(QStringLiteral("  "));
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
    // Completion pops up by itself once a word has three letters.
    const QString prefix = wordBeforeCursor();
    if (prefix.size() >= 3 && !event->text().isEmpty() && event->text()[0].isLetterOrNumber()) {
        showCompletions();
    } else if (completer_->popup()->isVisible() && prefix.isEmpty()) {
        completer_->popup()->hide();
    } else if (completer_->popup()->isVisible()) {
        completer_->setCompletionPrefix(prefix);
    }
}

void CodeEditor::newlineWithIndent() {
    QTextCursor c = textCursor();
    const QString line = c.block().text();
    int indent = 0;
    while (indent < line.size() && line[indent] == QLatin1Char(' ')) ++indent;
    const QString before = line.left(c.positionInBlock()).trimmed();
    if (before.endsWith(QLatin1Char('$')) || before.endsWith(QLatin1Char('(')) || before.endsWith(QLatin1Char('[')) ||
        before.endsWith(QLatin1String(" do")) || before == QLatin1String("do"))
        indent += 2;
    c.insertText(QLatin1Char('\n') + QString(indent, QLatin1Char(' ')));
    setTextCursor(c);
}

QString CodeEditor::wordBeforeCursor() const {
    const QTextCursor c = textCursor();
    const QString line = c.block().text();
    int i = c.positionInBlock();
    const int end = i;
    while (i > 0 && (line[i - 1].isLetterOrNumber() || line[i - 1] == QLatin1Char('_') || line[i - 1] == QLatin1Char(':')))
        --i;
    return line.mid(i, end - i);
}

void CodeEditor::showCompletions() {
    const QString prefix = wordBeforeCursor();
    completer_->setCompletionPrefix(prefix);
    if (completer_->completionCount() == 0 ||
        (completer_->completionCount() == 1 && completer_->currentCompletion() == prefix)) {
        completer_->popup()->hide();
        return;
    }
    completer_->popup()->setCurrentIndex(completer_->completionModel()->index(0, 0));
    QRect r = cursorRect();
    r.translate(viewportMargins().left(), 0);
    r.setWidth(completer_->popup()->sizeHintForColumn(0) + completer_->popup()->verticalScrollBar()->sizeHint().width() + 16);
    completer_->complete(r);
}

void CodeEditor::insertCompletion(const QString& word) {
    QTextCursor c = textCursor();
    const int prefix = static_cast<int>(completer_->completionPrefix().size());
    c.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, prefix);
    c.insertText(word);
    setTextCursor(c);
}

void CodeEditor::toggleComment() {
    QTextCursor c = textCursor();
    QTextBlock first = document()->findBlock(std::min(c.selectionStart(), c.selectionEnd()));
    QTextBlock last = document()->findBlock(std::max(c.selectionStart(), c.selectionEnd()));
    // If a selection ends at the very start of a line, that line is not part of it.
    if (c.hasSelection() && last != first && std::max(c.selectionStart(), c.selectionEnd()) == last.position())
        last = last.previous();
    bool allCommented = true;
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        if (!b.text().trimmed().isEmpty() && !b.text().trimmed().startsWith(QLatin1String("--"))) allCommented = false;
        if (b == last) break;
    }
    QTextCursor edit(document());
    edit.beginEditBlock();  // one undo step
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        const QString text = b.text();
        int indent = 0;
        while (indent < text.size() && text[indent] == QLatin1Char(' ')) ++indent;
        if (allCommented && text.mid(indent, 2) == QLatin1String("--")) {
            edit.setPosition(b.position() + indent);
            edit.setPosition(b.position() + indent + (text.mid(indent, 3) == QLatin1String("-- ") ? 3 : 2),
                             QTextCursor::KeepAnchor);
            edit.removeSelectedText();
        } else if (!allCommented && !text.trimmed().isEmpty()) {
            edit.setPosition(b.position() + indent);
            edit.insertText(QStringLiteral("-- "));
        }
        if (b == last) break;
    }
    edit.endEditBlock();
}

QRect CodeEditor::lineStrip(const QTextBlock& block) const {
    if (!block.isValid()) return {};
    const QRectF r = blockBoundingGeometry(block).translated(contentOffset());
    return QRect(0, qFloor(r.top()), viewport()->width(), qCeil(r.bottom()) - qFloor(r.top()));
}

void CodeEditor::cursorMoved() {
    // The current line's background and number are drawn by this editor: when the
    // cursor changes lines, the old line and the new are repainted, nothing else.
    const QTextBlock now = textCursor().block();
    if (now != currentLine_.block()) {
        for (const QTextBlock& b : {currentLine_.block(), now}) {
            const QRect strip = lineStrip(b);
            if (strip.isEmpty()) continue;
            viewport()->update(strip);
            lineNumbers_->update(0, strip.y(), lineNumbers_->width(), strip.height());
        }
    }
    currentLine_ = QTextCursor(now);
    matchBrackets();
}

int CodeEditor::matchingBracket(int at) const {
    // Block by block, never the whole text: a keystroke stays cheap in a long buffer.
    QTextBlock block = document()->findBlock(at);
    QString text = block.text();
    int i = at - block.position();
    const QChar c = text[i], p = partner(c);
    const int step = opens(c) ? 1 : -1;
    int depth = 0;
    for (int n = 0; n < kBracketScanLimit; ++n) {
        if (i < 0 || i >= text.size()) {  // the line break between blocks counts as one character
            block = step > 0 ? block.next() : block.previous();
            if (!block.isValid()) return -1;
            text = block.text();
            i = step > 0 ? 0 : static_cast<int>(text.size()) - 1;
            continue;
        }
        if (text[i] == c) ++depth;
        else if (text[i] == p && --depth == 0) return block.position() + i;
        i += step;
    }
    return -1;
}

void CodeEditor::matchBrackets(bool force) {
    const QTextCursor cursor = textCursor();
    const QString line = cursor.block().text();
    const int inBlock = cursor.positionInBlock();
    int at = -1;
    if (inBlock < line.size() && !partner(line[inBlock]).isNull()) at = cursor.position();
    else if (inBlock > 0 && !partner(line[inBlock - 1]).isNull()) at = cursor.position() - 1;
    const int match = at >= 0 ? matchingBracket(at) : -1;
    // Typing where the marks stay as they are leaves the selections (and the screen) alone.
    const auto marks = [](const QTextEdit::ExtraSelection& s, int i) {
        return s.cursor.selectionStart() == i && s.cursor.selectionEnd() == i + 1;
    };
    const bool same = at < 0 ? bracketSelections_.isEmpty()
                             : bracketSelections_.size() == 2 && marks(bracketSelections_[0], at) &&
                                   marks(bracketSelections_[1], match < 0 ? at : match);
    if (same && !force) return;
    bracketSelections_.clear();
    if (at >= 0) {
        for (int i : {at, match}) {  // an unmatched bracket is marked alone, in the error colour
            QTextEdit::ExtraSelection s;
            s.cursor = QTextCursor(document());
            s.cursor.setPosition(i < 0 ? at : i);
            s.cursor.setPosition((i < 0 ? at : i) + 1, QTextCursor::KeepAnchor);
            s.format.setBackground(i < 0 ? theme_.error : theme_.bracket);
            bracketSelections_ << s;
        }
    }
    updateSelections();
}

void CodeEditor::updateSelections() {
    // The current line is not among them: a full-width selection that moves with
    // the cursor would be redrawn (as clipped text) on every keystroke; paintEvent
    // fills its background instead.
    QList<QTextEdit::ExtraSelection> all;
    for (const auto& [start, end] : active_) {
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(document());
        s.cursor.setPosition(start);
        s.cursor.setPosition(end, QTextCursor::KeepAnchor);
        s.format.setBackground(theme_.active);
        s.format.setForeground(theme_.background);
        all << s;
    }
    all << bracketSelections_;
    if (errorPosition_ >= 0) {
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(document());
        s.cursor.setPosition(std::min(errorPosition_, document()->characterCount() - 1));
        s.cursor.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
        if (!s.cursor.hasSelection()) s.cursor.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor);
        s.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        s.format.setUnderlineColor(theme_.error);
        all << s;
    }
    setExtraSelections(all);
}

void CodeEditor::setActiveRanges(std::vector<std::pair<int, int>> ranges) {
    if (ranges == active_) return;
    active_ = std::move(ranges);
    updateSelections();
}

void CodeEditor::flash(int start, int end, bool error) {
    flash_.start = start;
    flash_.end = end;
    flash_.error = error;
    flash_.clock.start();
    flashTimer_.start();
    viewport()->update();
}

void CodeEditor::showError(int position, const QString& message) {
    errorPosition_ = std::clamp(position, 0, std::max(0, document()->characterCount() - 1));
    errorMessage_ = message;
    updateSelections();
    viewport()->update();
}

void CodeEditor::clearError() {
    if (errorPosition_ < 0) return;
    errorPosition_ = -1;
    errorMessage_.clear();
    updateSelections();
    viewport()->update();
}

QRect CodeEditor::lineRect(int position) const {
    const QTextBlock block = document()->findBlock(position);
    if (!block.isValid()) return {};
    return blockBoundingGeometry(block).translated(contentOffset()).toAlignedRect();
}

void CodeEditor::paintEvent(QPaintEvent* event) {
    if (const QRect strip = lineStrip(textCursor().block()).intersected(event->rect()); !strip.isEmpty()) {
        // Under the text, as a full-width extra selection would be, and only where asked.
        QPainter under(viewport());
        under.fillRect(strip, theme_.currentLine);
    }
    QPlainTextEdit::paintEvent(event);
    QPainter painter(viewport());
    if (flash_.clock.isValid() && flash_.clock.elapsed() <= kFlashMs) {
        // Fades out; drawn over the text, so the document never changes.
        QColor colour = flash_.error ? theme_.flashError : theme_.flash;
        colour.setAlphaF(0.45 * (1.0 - double(flash_.clock.elapsed()) / kFlashMs));
        for (QTextBlock b = document()->findBlock(flash_.start); b.isValid() && b.position() <= flash_.end; b = b.next()) {
            const QRectF r = blockBoundingGeometry(b).translated(contentOffset());
            if (r.bottom() < event->rect().top() || r.top() > event->rect().bottom()) continue;
            painter.fillRect(QRectF(0, r.top(), viewport()->width(), r.height()), colour);
        }
    }
    if (errorPosition_ >= 0) {
        // The message sits at the end of its line, where the eye already is.
        const QTextBlock block = document()->findBlock(errorPosition_);
        const QRect line = lineRect(errorPosition_);
        const int x = fontMetrics().horizontalAdvance(block.text()) + 24 + static_cast<int>(contentOffset().x());
        painter.setPen(theme_.error);
        QFont f = font();
        f.setItalic(true);
        painter.setFont(f);
        painter.drawText(QRect(x, line.top(), viewport()->width() - x, line.height()), Qt::AlignVCenter | Qt::AlignLeft,
                         QStringLiteral("← ") + errorMessage_);
    }
}

}  // namespace seiche::ui
