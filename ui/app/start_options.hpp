#pragma once
// How the app was asked to start (`seiche --help` lists these).
#include <QString>
#include <QStringList>

#include <optional>

namespace seiche::ui {

struct StartOptions {
    QStringList files;            // opened as buffers
    bool demo = false;            // a demo buffer, playing
    bool noDevice = false;        // the silent clock only
    bool kitOnly = false;         // only the built-in kit (no system sample folders)
    QString restore = QStringLiteral("ask");  // ask | yes | no: a session that did not end cleanly
    QString database;             // the journal's database ("" : the store's usual place)
    QString screenshot;           // save the window to this PNG after `afterMs`, then quit
    int afterMs = 1500;
    QString typeFile;             // type this file's text into the editor (automation)...
    bool evaluateTyped = true;    // ...then evaluate the block it ends in
    QString theme;                // overrides the settings' theme for this run
};

// The silent clock, the built-in kit only, no restore offer, this journal: how tests and
// benchmarks start the app, away from the performer's devices and sessions.
StartOptions quietStartOptions(const QString& database);

// Parses argv (without argv[0]). On a bad option: nullopt, with `error` set.
std::optional<StartOptions> parseStartOptions(const QStringList& args, QString& error);
QString startHelp();

}  // namespace seiche::ui
