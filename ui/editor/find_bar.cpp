#include "editor/find_bar.hpp"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTextDocument>

#include "editor/code_editor.hpp"

namespace seiche::ui {

FindBar::FindBar(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    auto* findRow = new QHBoxLayout;
    find_ = new QLineEdit(this);
    find_->setPlaceholderText(tr("Find"));
    caseSensitive_ = new QCheckBox(tr("Aa"), this);
    caseSensitive_->setToolTip(tr("Match case"));
    auto* next = new QPushButton(tr("Next"), this);
    auto* previous = new QPushButton(tr("Previous"), this);
    auto* close = new QPushButton(tr("×"), this);
    status_ = new QLabel(this);
    findRow->addWidget(find_, 1);
    findRow->addWidget(caseSensitive_);
    findRow->addWidget(previous);
    findRow->addWidget(next);
    findRow->addWidget(status_);
    findRow->addWidget(close);
    layout->addLayout(findRow);

    replaceRow_ = new QWidget(this);
    auto* replaceRow = new QHBoxLayout(replaceRow_);
    replaceRow->setContentsMargins(0, 0, 0, 0);
    replace_ = new QLineEdit(replaceRow_);
    replace_->setPlaceholderText(tr("Replace with"));
    auto* replaceOne = new QPushButton(tr("Replace"), replaceRow_);
    auto* replaceAllButton = new QPushButton(tr("Replace all"), replaceRow_);
    replaceRow->addWidget(replace_, 1);
    replaceRow->addWidget(replaceOne);
    replaceRow->addWidget(replaceAllButton);
    layout->addWidget(replaceRow_);

    connect(find_, &QLineEdit::returnPressed, this, [this] { findNext(); });
    connect(next, &QPushButton::clicked, this, [this] { findNext(); });
    connect(previous, &QPushButton::clicked, this, [this] { findNext(true); });
    connect(close, &QPushButton::clicked, this, [this] {
        hide();
        if (editor_) editor_->setFocus();
    });
    connect(replaceOne, &QPushButton::clicked, this, [this] {
        if (!editor_) return;
        QTextCursor c = editor_->textCursor();
        if (c.hasSelection() && c.selectedText().compare(find_->text(), caseSensitive_->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive) == 0)
            c.insertText(replace_->text());
        findNext();
    });
    connect(replaceAllButton, &QPushButton::clicked, this, [this] { replaceAll(); });
    hide();
}

void FindBar::open(bool replace) {
    replaceRow_->setVisible(replace);
    show();
    if (editor_ && editor_->textCursor().hasSelection()) find_->setText(editor_->textCursor().selectedText());
    find_->setFocus();
    find_->selectAll();
}

bool FindBar::findNext(bool backwards) {
    if (!editor_ || find_->text().isEmpty()) return false;
    QTextDocument::FindFlags flags;
    if (backwards) flags |= QTextDocument::FindBackward;
    if (caseSensitive_->isChecked()) flags |= QTextDocument::FindCaseSensitively;
    if (editor_->find(find_->text(), flags)) {
        status_->clear();
        return true;
    }
    // Wrap around once.
    QTextCursor c = editor_->textCursor();
    c.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
    editor_->setTextCursor(c);
    const bool found = editor_->find(find_->text(), flags);
    status_->setText(found ? tr("wrapped") : tr("not found"));
    return found;
}

int FindBar::replaceAll() {
    if (!editor_ || find_->text().isEmpty()) return 0;
    QTextDocument::FindFlags flags;
    if (caseSensitive_->isChecked()) flags |= QTextDocument::FindCaseSensitively;
    QTextDocument* document = editor_->document();
    QTextCursor edit(document);
    edit.beginEditBlock();  // one undo step for all of them
    int count = 0;
    QTextCursor at = document->find(find_->text(), 0, flags);
    while (!at.isNull()) {
        at.insertText(replace_->text());
        ++count;
        at = document->find(find_->text(), at.position(), flags);
    }
    edit.endEditBlock();
    status_->setText(tr("%n replaced", nullptr, count));
    return count;
}

void FindBar::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        hide();
        if (editor_) editor_->setFocus();
        return;
    }
    QWidget::keyPressEvent(event);
}

}  // namespace seiche::ui
