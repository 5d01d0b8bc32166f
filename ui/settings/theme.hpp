#pragma once
// Colours as data: a theme is a small JSON file (ui/resources/themes/*.json, or the
// performer's own in the config folder), so a projector-friendly theme is an edit,
// not a rebuild.
#include <QColor>
#include <QPalette>
#include <QString>
#include <QStringList>

namespace seiche::ui {

struct Theme {
    QString name;
    QColor background, foreground, selection, selectionText;
    QColor gutter, gutterText, currentLine, bracket;
    QColor flash, flashError, error, active, activeOutline;
    QColor keyword, function, control, string, mini, number, comment, op, channel;
    QColor panel, panelText, accent, meterLow, meterHigh;

    QPalette palette() const;
    QString styleSheet() const;  // the few rules a palette cannot express
};

// Built-in themes first ("dark", "light", "high-contrast"), then the performer's.
QStringList themeNames();
// Unknown names fall back to "dark"; `error` (if given) says why.
Theme loadTheme(const QString& name, QString* error = nullptr);

}  // namespace seiche::ui
