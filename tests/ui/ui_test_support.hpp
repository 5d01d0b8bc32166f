#pragma once
// What every widget test needs: a private config and data folder (so no test reads
// or writes the performer's), and the real main window started on the silent clock.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtGlobal>

#include <memory>

#include "app/main_window.hpp"
#include "app/performance.hpp"
#include "editor/code_editor.hpp"
#include "editor/editor_tabs.hpp"

namespace seiche::ui::testing {

// Points XDG_CONFIG_HOME and SEICHE_DATA_DIR into `dir` for this process and its children.
inline void isolate(const QTemporaryDir& dir) {
    qputenv("XDG_CONFIG_HOME", (dir.path() + QStringLiteral("/config")).toUtf8());
    qputenv("SEICHE_DATA_DIR", (dir.path() + QStringLiteral("/data")).toUtf8());
    qputenv("XDG_DATA_HOME", (dir.path() + QStringLiteral("/share")).toUtf8());
    qputenv("HOME", dir.path().toUtf8());
}

inline StartOptions quietStart(const QTemporaryDir& dir) {
    return quietStartOptions(dir.path() + QStringLiteral("/journal.db"));
}

inline std::unique_ptr<MainWindow> startWindow(const StartOptions& options) {
    auto window = std::make_unique<MainWindow>();
    window->show();
    window->stage().start(options);
    return window;
}

// Applies settings whose audio part changes, and waits for the engine's answer:
// "" when the new device (or clock) plays, else why not.
inline QString applyAudio(Stage& stage, const AppSettings& settings) {
    QSignalSpy applied(&stage, &Stage::audioApplied);
    const QString immediate = stage.applySettings(settings);
    if (!immediate.isEmpty()) return immediate;
    if (!applied.wait(20000)) return QStringLiteral("no answer from the engine in 20 s");
    return applied.front().front().toString();
}

// Types text into the editor as key presses ('\n' is Return, with auto-indent).
inline void type(CodeEditor* editor, const QString& text) {
    for (const QChar c : text) {
        if (c == QLatin1Char('\n')) QTest::keyClick(editor, Qt::Key_Return);
        else QTest::keyClicks(editor, QString(c));
    }
}

}  // namespace seiche::ui::testing
