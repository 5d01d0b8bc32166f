#include "panels/reference_panel.hpp"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "editor/vocabulary.hpp"

namespace seiche::ui {

ReferencePanel::ReferencePanel(const Vocabulary& vocabulary, QWidget* parent) : QWidget(parent), vocabulary_(vocabulary) {
    setObjectName(QStringLiteral("reference"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    search_ = new QLineEdit(this);
    search_->setPlaceholderText(tr("Search functions and controls"));
    search_->setClearButtonEnabled(true);
    list_ = new QListWidget(this);
    detail_ = new QTextBrowser(this);
    detail_->setMaximumHeight(140);
    auto* buttons = new QHBoxLayout;
    auto* insert = new QPushButton(tr("Insert example"), this);
    auto* audition = new QPushButton(tr("Hear once"), this);
    audition->setToolTip(tr("Plays one cycle of the example without touching d1…d16"));
    buttons->addWidget(insert);
    buttons->addWidget(audition);
    layout->addWidget(search_);
    layout->addWidget(list_, 1);
    layout->addWidget(detail_);
    layout->addLayout(buttons);
    for (const auto& [name, help] : vocabulary_.entries()) list_->addItem(name);
    connect(search_, &QLineEdit::textChanged, this, &ReferencePanel::search);
    connect(list_, &QListWidget::currentTextChanged, this, &ReferencePanel::showWord);
    connect(list_, &QListWidget::itemDoubleClicked, this, [this] { Q_EMIT insertRequested(currentExample()); });
    connect(insert, &QPushButton::clicked, this, [this] {
        if (!currentExample().isEmpty()) Q_EMIT insertRequested(currentExample());
    });
    connect(audition, &QPushButton::clicked, this, [this] {
        if (!currentExample().isEmpty()) Q_EMIT auditionRequested(currentExample());
    });
}

void ReferencePanel::search(const QString& text) {
    if (search_->text() != text) search_->setText(text);
    QListWidgetItem* first = nullptr;
    for (int i = 0; i < list_->count(); ++i) {
        QListWidgetItem* item = list_->item(i);
        const WordHelp* help = vocabulary_.find(item->text());
        const bool match = text.isEmpty() || item->text().contains(text, Qt::CaseInsensitive) ||
                           (help && help->doc.contains(text, Qt::CaseInsensitive));
        item->setHidden(!match);
        if (match && !first) first = item;
    }
    // An exact name goes first in the eye: select it.
    const auto exact = list_->findItems(text, Qt::MatchExactly);
    if (!exact.isEmpty()) first = exact.front();
    if (first) list_->setCurrentItem(first);
}

void ReferencePanel::showWord(const QString& word) {
    const WordHelp* help = vocabulary_.find(word);
    if (!help) {
        detail_->clear();
        return;
    }
    detail_->setHtml(QStringLiteral("<b>%1</b> :: <code>%2</code><p>%3</p><pre>%4</pre>")
                         .arg(help->name.toHtmlEscaped(), help->signature.toHtmlEscaped(), help->doc.toHtmlEscaped(),
                              help->example.toHtmlEscaped()));
}

QString ReferencePanel::currentExample() const {
    const WordHelp* help = list_->currentItem() ? vocabulary_.find(list_->currentItem()->text()) : nullptr;
    return help ? help->example : QString();
}

}  // namespace seiche::ui
