#pragma once
// One buffer's editor: Tidal highlighting, line numbers, bracket matching,
// auto-indent, comment toggling, completion and hover help. What the engine makes
// of the code is drawn over the text without ever touching the document: the
// flash of what was evaluated, an error's underline and message, and the
// characters whose events are sounding right now.
#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextCursor>
#include <QTimer>

#include <utility>
#include <vector>

#include "settings/theme.hpp"

class QCompleter;
class QStringListModel;

namespace seiche::ui {

class Keymap;
class TidalHighlighter;
class Vocabulary;

class CodeEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    CodeEditor(const Vocabulary& vocabulary, QWidget* parent = nullptr);

    void setKeymap(const Keymap* keymap) { keymap_ = keymap; }
    void setTheme(const Theme& theme);
    void setEditorFont(const QFont& font);
    void refreshCompletions();  // after sounds were loaded

    // Feedback from evaluation, in document positions.
    void flash(int start, int end, bool error);
    void showError(int position, const QString& message);
    void clearError();
    bool hasError() const { return errorPosition_ >= 0; }
    QString errorMessage() const { return errorMessage_; }
    // Ranges [start, end) whose events sound now; cheap when nothing changed.
    void setActiveRanges(std::vector<std::pair<int, int>> ranges);
    const std::vector<std::pair<int, int>>& activeRanges() const { return active_; }

    // Editing commands that need no engine.
    void toggleComment();
    void zoom(int steps);  // 0 resets
    void showCompletions();
    int fontPointSize() const;

    int lineNumberAreaWidth() const;
    void paintLineNumbers(QPaintEvent* event);

Q_SIGNALS:
    void commandRequested(const QString& command);  // a bound key this editor does not handle itself

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateSelections();
    void cursorMoved();
    void matchBrackets(bool force = false);
    int matchingBracket(int at) const;  // -1 if none within reach
    QRect lineStrip(const QTextBlock& block) const;  // the block's line across the viewport
    void insertCompletion(const QString& word);
    QString wordBeforeCursor() const;
    void newlineWithIndent();
    QRect lineRect(int position) const;

    const Vocabulary& vocabulary_;
    const Keymap* keymap_ = nullptr;
    TidalHighlighter* highlighter_ = nullptr;
    QWidget* lineNumbers_ = nullptr;
    QCompleter* completer_ = nullptr;
    QStringListModel* completionModel_ = nullptr;
    Theme theme_;
    int baseFontSize_ = 14;

    QList<QTextEdit::ExtraSelection> bracketSelections_;
    QTextCursor currentLine_;  // where the current-line background was last drawn; follows edits
    std::vector<std::pair<int, int>> active_;
    int errorPosition_ = -1;
    QString errorMessage_;
    struct Flash {
        int start = 0, end = 0;
        bool error = false;
        QElapsedTimer clock;
    } flash_;
    QTimer flashTimer_;
};

}  // namespace seiche::ui
