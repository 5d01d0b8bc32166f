#pragma once
// What the performer sets once and expects to find again: audio, sample folders,
// font, theme, keymap. Stored in <config>/seiche/seiche.ini (XDG_CONFIG_HOME);
// every field is applied live, without restarting the app.
#include <QFont>
#include <QString>
#include <QStringList>

#include "engine/engine_bridge.hpp"

namespace seiche::ui {

struct AppSettings {
    AudioSettings audio;
    QStringList sampleFolders;
    QString fontFamily = QStringLiteral("DejaVu Sans Mono");
    int fontSize = 14;
    QString theme = QStringLiteral("dark");
    QString keymap = QStringLiteral("tidal");
    QString recordingFolder;  // "" : ~/Music/seiche
    QString recordingFormat = QStringLiteral("wav");

    QFont font() const;
    static QString file();
    static AppSettings load();
    QString save() const;  // "" or why not
    bool operator==(const AppSettings&) const = default;
};

}  // namespace seiche::ui
