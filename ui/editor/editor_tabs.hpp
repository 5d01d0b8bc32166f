#pragma once
// The buffers: one CodeEditor per tab, each with a stable id (the journal's name
// for it), a title and, once saved, a file. Saving is on demand; the journal
// keeps everything else.
#include <QFont>
#include <QTabWidget>

#include <map>
#include <vector>

#include "settings/theme.hpp"

namespace seiche::ui {

class CodeEditor;
class Keymap;
class Vocabulary;

struct BufferSnapshot {
    QString id, title, path, text;
    int cursor = 0, order = 0;
};

class EditorTabs : public QTabWidget {
    Q_OBJECT
public:
    EditorTabs(const Vocabulary& vocabulary, QWidget* parent = nullptr);

    CodeEditor* newBuffer(const QString& text = {}, const QString& title = {}, const QString& path = {},
                          const QString& id = {});
    // "" or why not; the file's text becomes a new buffer (or focuses one already open).
    QString openFile(const QString& path);
    QString save(CodeEditor* editor, const QString& path = {});  // "" or why not
    void closeBuffer(CodeEditor* editor);

    CodeEditor* current() const;
    CodeEditor* editorFor(const QString& id) const;
    QString idOf(const CodeEditor* editor) const;
    QString pathOf(const CodeEditor* editor) const;
    std::vector<CodeEditor*> editors() const;
    BufferSnapshot snapshot(const CodeEditor* editor) const;

    void setKeymap(const Keymap* keymap);
    void setTheme(const Theme& theme);
    void setEditorFont(const QFont& font);
    void zoomAll(int steps);
    void refreshCompletions();

Q_SIGNALS:
    void commandRequested(const QString& command);
    void closeRequested(int index);  // a tab's close button: the owner snapshots, then closes
    void bufferEdited(const QString& id);
    void bufferClosed(const QString& id);

private:
    struct Buffer {
        QString id, title, path;
    };
    void updateTitle(CodeEditor* editor);

    const Vocabulary& vocabulary_;
    std::map<const CodeEditor*, Buffer> buffers_;
    int nextId_ = 1;
    const Keymap* keymap_ = nullptr;
    Theme theme_;
    QFont font_;
};

}  // namespace seiche::ui
