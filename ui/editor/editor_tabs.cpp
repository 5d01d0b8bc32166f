#include "editor/editor_tabs.hpp"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTabBar>

#include "editor/code_editor.hpp"

namespace seiche::ui {

EditorTabs::EditorTabs(const Vocabulary& vocabulary, QWidget* parent) : QTabWidget(parent), vocabulary_(vocabulary) {
    setTabsClosable(true);
    setMovable(true);
    setDocumentMode(true);
    theme_ = loadTheme(QStringLiteral("dark"));
    connect(this, &QTabWidget::tabCloseRequested, this, &EditorTabs::closeRequested);
}

CodeEditor* EditorTabs::newBuffer(const QString& text, const QString& title, const QString& path, const QString& id) {
    auto* editor = new CodeEditor(vocabulary_, this);
    editor->setKeymap(keymap_);
    editor->setTheme(theme_);
    if (font_.pointSize() > 0) editor->setEditorFont(font_);
    editor->setPlainText(text);
    Buffer buffer;
    buffer.id = id.isEmpty() ? QStringLiteral("b%1").arg(nextId_++) : id;
    buffer.path = path;
    buffer.title = !title.isEmpty() ? title : !path.isEmpty() ? QFileInfo(path).fileName()
                                                              : QStringLiteral("untitled %1").arg(count() + 1);
    buffers_[editor] = buffer;
    // An id from a restored session must not be handed out again.
    if (buffer.id.startsWith(QLatin1Char('b'))) nextId_ = std::max(nextId_, buffer.id.mid(1).toInt() + 1);
    addTab(editor, buffer.title);
    setCurrentWidget(editor);
    connect(editor, &CodeEditor::commandRequested, this, &EditorTabs::commandRequested);
    connect(editor->document(), &QTextDocument::contentsChanged, this, [this, editor] {
        Q_EMIT bufferEdited(buffers_[editor].id);
    });
    connect(editor->document(), &QTextDocument::modificationChanged, this, [this, editor] { updateTitle(editor); });
    return editor;
}

QString EditorTabs::openFile(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (const auto& [editor, buffer] : buffers_)
        if (buffer.path == absolute) {
            setCurrentWidget(const_cast<CodeEditor*>(editor));
            return {};
        }
    QFile file(absolute);
    if (!file.open(QIODevice::ReadOnly)) return tr("cannot open %1: %2").arg(absolute, file.errorString());
    const QByteArray bytes = file.readAll();
    if (bytes.size() > 16 * 1024 * 1024) return tr("%1 is larger than 16 MB; not opened").arg(absolute);
    newBuffer(QString::fromUtf8(bytes), {}, absolute);
    return {};
}

QString EditorTabs::save(CodeEditor* editor, const QString& path) {
    if (!editor) return tr("no buffer");
    Buffer& buffer = buffers_[editor];
    const QString target = path.isEmpty() ? buffer.path : QFileInfo(path).absoluteFilePath();
    if (target.isEmpty()) return tr("this buffer has no file yet: use Save As");
    // QSaveFile writes beside the target and renames: a failed save never truncates the old file.
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly) || file.write(editor->toPlainText().toUtf8()) < 0 || !file.commit())
        return tr("cannot save %1: %2").arg(target, file.errorString());
    buffer.path = target;
    buffer.title = QFileInfo(target).fileName();
    editor->document()->setModified(false);
    updateTitle(editor);
    return {};
}

void EditorTabs::closeBuffer(CodeEditor* editor) {
    if (!editor) return;
    const QString id = buffers_[editor].id;
    buffers_.erase(editor);
    removeTab(indexOf(editor));
    editor->deleteLater();
    Q_EMIT bufferClosed(id);
    if (count() == 0) newBuffer();
}

void EditorTabs::updateTitle(CodeEditor* editor) {
    const int index = indexOf(editor);
    if (index < 0) return;
    const Buffer& buffer = buffers_[editor];
    setTabText(index, editor->document()->isModified() && !buffer.path.isEmpty() ? buffer.title + QStringLiteral(" •")
                                                                                 : buffer.title);
    setTabToolTip(index, buffer.path);
}

CodeEditor* EditorTabs::current() const { return qobject_cast<CodeEditor*>(currentWidget()); }

CodeEditor* EditorTabs::editorFor(const QString& id) const {
    for (const auto& [editor, buffer] : buffers_)
        if (buffer.id == id) return const_cast<CodeEditor*>(editor);
    return nullptr;
}

QString EditorTabs::idOf(const CodeEditor* editor) const {
    auto it = buffers_.find(editor);
    return it == buffers_.end() ? QString() : it->second.id;
}

QString EditorTabs::pathOf(const CodeEditor* editor) const {
    auto it = buffers_.find(editor);
    return it == buffers_.end() ? QString() : it->second.path;
}

std::vector<CodeEditor*> EditorTabs::editors() const {
    std::vector<CodeEditor*> all;
    for (int i = 0; i < count(); ++i) all.push_back(qobject_cast<CodeEditor*>(widget(i)));
    return all;
}

BufferSnapshot EditorTabs::snapshot(const CodeEditor* editor) const {
    BufferSnapshot s;
    auto it = buffers_.find(editor);
    if (it == buffers_.end()) return s;
    s.id = it->second.id;
    s.title = it->second.title;
    s.path = it->second.path;
    s.text = editor->toPlainText();
    s.cursor = editor->textCursor().position();
    s.order = indexOf(const_cast<CodeEditor*>(editor));
    return s;
}

void EditorTabs::setKeymap(const Keymap* keymap) {
    keymap_ = keymap;
    for (auto* e : editors()) e->setKeymap(keymap);
}

void EditorTabs::setTheme(const Theme& theme) {
    theme_ = theme;
    for (auto* e : editors()) e->setTheme(theme);
}

void EditorTabs::setEditorFont(const QFont& font) {
    font_ = font;
    for (auto* e : editors()) e->setEditorFont(font);
}

void EditorTabs::zoomAll(int steps) {
    for (auto* e : editors()) e->zoom(steps);
}

void EditorTabs::refreshCompletions() {
    for (auto* e : editors()) e->refreshCompletions();
}

}  // namespace seiche::ui
