#include "panels/console_panel.hpp"

#include <QTime>

namespace seiche::ui {

ConsolePanel::ConsolePanel(QWidget* parent) : QPlainTextEdit(parent) {
    setReadOnly(true);
    setMaximumBlockCount(5000);
    setObjectName(QStringLiteral("console"));
    theme_ = loadTheme(QStringLiteral("dark"));
    setTheme(theme_);
}

void ConsolePanel::setTheme(const Theme& theme) {
    theme_ = theme;
    setPalette(theme.palette());
}

void ConsolePanel::post(Kind kind, const QString& text) {
    last_ = text;
    const QColor colour = kind == Kind::Error ? theme_.error : kind == Kind::Evaluation ? theme_.accent : theme_.panelText;
    appendHtml(QStringLiteral("<span style=\"color:%1\">%2</span> <span style=\"color:%3;white-space:pre\">%4</span>")
                   .arg(theme_.gutterText.name(), QTime::currentTime().toString(QStringLiteral("HH:mm:ss")),
                        colour.name(), text.toHtmlEscaped()));
}

}  // namespace seiche::ui
