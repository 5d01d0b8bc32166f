#pragma once
// Find and replace for the current buffer, as a bar under the editor (a dialog
// would cover the code the performer is looking for).
#include <QWidget>

class QLineEdit;
class QLabel;
class QCheckBox;

namespace seiche::ui {

class CodeEditor;

class FindBar : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(QWidget* parent = nullptr);
    void setEditor(CodeEditor* editor) { editor_ = editor; }
    void open(bool replace);
    bool findNext(bool backwards = false);
    int replaceAll();
    QLineEdit* findField() const { return find_; }
    QLineEdit* replaceField() const { return replace_; }

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    CodeEditor* editor_ = nullptr;
    QLineEdit* find_ = nullptr;
    QLineEdit* replace_ = nullptr;
    QCheckBox* caseSensitive_ = nullptr;
    QLabel* status_ = nullptr;
    QWidget* replaceRow_ = nullptr;
};

}  // namespace seiche::ui
