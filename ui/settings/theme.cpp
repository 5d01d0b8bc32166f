#include "settings/theme.hpp"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include "app/resources.hpp"

namespace seiche::ui {

namespace {

const QStringList kBuiltinThemes{QStringLiteral("dark"), QStringLiteral("light"), QStringLiteral("high-contrast")};

QString userThemeFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/seiche/themes");
}

QByteArray themeJson(const QString& name, QString* error) {
    ensureResources();
    const QString path = kBuiltinThemes.contains(name) ? QStringLiteral(":/themes/%1.json").arg(name)
                                                       : userThemeFolder() + QLatin1Char('/') + name + QStringLiteral(".json");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = QStringLiteral("theme '%1' not found (%2)").arg(name, path);
        return {};
    }
    return file.readAll();
}

}  // namespace

QPalette Theme::palette() const {
    QPalette p;
    p.setColor(QPalette::Window, panel);
    p.setColor(QPalette::WindowText, panelText);
    p.setColor(QPalette::Base, background);
    p.setColor(QPalette::AlternateBase, currentLine);
    p.setColor(QPalette::Text, foreground);
    p.setColor(QPalette::Button, panel);
    p.setColor(QPalette::ButtonText, panelText);
    p.setColor(QPalette::Highlight, selection);
    p.setColor(QPalette::HighlightedText, selectionText);
    p.setColor(QPalette::ToolTipBase, panel);
    p.setColor(QPalette::ToolTipText, panelText);
    p.setColor(QPalette::PlaceholderText, gutterText);
    p.setColor(QPalette::Link, accent);
    return p;
}

QString Theme::styleSheet() const {
    return QStringLiteral("QToolTip { color: %1; background: %2; border: 1px solid %3; }"
                          "QTabBar::tab:selected { color: %4; }")
        .arg(panelText.name(), panel.name(), accent.name(), accent.name());
}

QStringList themeNames() {
    QStringList names = kBuiltinThemes;
    for (const auto& file : QDir(userThemeFolder()).entryInfoList({QStringLiteral("*.json")}, QDir::Files))
        if (!names.contains(file.baseName())) names << file.baseName();
    return names;
}

Theme loadTheme(const QString& name, QString* error) {
    QByteArray json = themeJson(name, error);
    QJsonParseError parseError{};
    QJsonObject object = QJsonDocument::fromJson(json, &parseError).object();
    if (json.isEmpty() || parseError.error != QJsonParseError::NoError) {
        if (error && !json.isEmpty())
            *error = QStringLiteral("theme '%1': %2 at byte %3").arg(name, parseError.errorString()).arg(parseError.offset);
        object = QJsonDocument::fromJson(themeJson(QStringLiteral("dark"), nullptr)).object();
    }
    // A user theme may name only what it changes: the rest comes from the dark theme.
    const QJsonObject base = QJsonDocument::fromJson(themeJson(QStringLiteral("dark"), nullptr)).object();
    auto colour = [&](const char* key) {
        const QString k = QString::fromLatin1(key);
        QColor c(object.value(k).toString());
        return c.isValid() ? c : QColor(base.value(k).toString());
    };
    Theme t;
    t.name = object.value(QStringLiteral("name")).toString(name);
    t.background = colour("background");
    t.foreground = colour("foreground");
    t.selection = colour("selection");
    t.selectionText = colour("selectionText");
    t.gutter = colour("gutter");
    t.gutterText = colour("gutterText");
    t.currentLine = colour("currentLine");
    t.bracket = colour("bracket");
    t.flash = colour("flash");
    t.flashError = colour("flashError");
    t.error = colour("error");
    t.active = colour("active");
    t.activeOutline = colour("activeOutline");
    t.keyword = colour("keyword");
    t.function = colour("function");
    t.control = colour("control");
    t.string = colour("string");
    t.mini = colour("mini");
    t.number = colour("number");
    t.comment = colour("comment");
    t.op = colour("operator");
    t.channel = colour("channel");
    t.panel = colour("panel");
    t.panelText = colour("panelText");
    t.accent = colour("accent");
    t.meterLow = colour("meterLow");
    t.meterHigh = colour("meterHigh");
    return t;
}

}  // namespace seiche::ui
