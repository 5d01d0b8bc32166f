#pragma once
// The language at hand: every function and control, searchable, with its type,
// what it does and an example that can be inserted into the buffer or heard once.
#include <QWidget>

class QLineEdit;
class QListWidget;
class QTextBrowser;

namespace seiche::ui {

class Vocabulary;

class ReferencePanel : public QWidget {
    Q_OBJECT
public:
    ReferencePanel(const Vocabulary& vocabulary, QWidget* parent = nullptr);
    void search(const QString& text);
    QString currentExample() const;

Q_SIGNALS:
    void insertRequested(const QString& code);
    void auditionRequested(const QString& code);

private:
    void showWord(const QString& word);
    const Vocabulary& vocabulary_;
    QLineEdit* search_ = nullptr;
    QListWidget* list_ = nullptr;
    QTextBrowser* detail_ = nullptr;
};

}  // namespace seiche::ui
