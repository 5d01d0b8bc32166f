#pragma once
// Everything the window does that is not a widget: the engine, the journal, the
// keys, the settings, and the commands the keys and menus name. MainWindow builds
// the panels and hands them here; this class never builds a widget of its own
// except the dialogs a command opens.
#include <QObject>
#include <QTimer>

#include <memory>

#include "app/start_options.hpp"
#include "editor/vocabulary.hpp"
#include "engine/engine_bridge.hpp"
#include "settings/app_settings.hpp"
#include "settings/keymap.hpp"
#include "settings/theme.hpp"

class QMainWindow;
class QDockWidget;

namespace seiche::ui {

class ChannelStrip;
class ConsolePanel;
class EditorTabs;
class FindBar;
class Performance;
class ReferencePanel;
class SessionKeeper;
class TransportBar;

struct Panels {
    QMainWindow* window = nullptr;
    EditorTabs* tabs = nullptr;
    FindBar* find = nullptr;
    ConsolePanel* console = nullptr;
    TransportBar* transport = nullptr;
    ChannelStrip* channels = nullptr;
    ReferencePanel* reference = nullptr;
    QDockWidget* referenceDock = nullptr;
};

class Stage : public QObject {
    Q_OBJECT
public:
    explicit Stage(QObject* parent = nullptr);
    ~Stage() override;

    const Vocabulary& vocabulary() const { return vocabulary_; }
    void attach(const Panels& panels);
    // Opens the journal, starts the engine, opens files or the demo, offers a restore.
    void start(const StartOptions& options);
    // Runs a command by name (a key, a menu); false for an unknown name.
    bool run(const QString& command);
    // "" or why something could not be applied (the rest still is). A new audio setting
    // takes effect a moment later, off the GUI thread: audioApplied() reports it.
    QString applySettings(const AppSettings& settings);
    void quit();  // a clean end: the journal marks the session finished
    // Asks before quitting with buffers that are not saved to files (they stay in the
    // journal either way); false: the performer chose to stay.
    bool confirmQuit();

    EngineBridge& engine() { return engine_; }
    Performance& performance() { return *performance_; }
    SessionKeeper& keeper() { return *keeper_; }
    const AppSettings& settings() const { return settings_; }
    const Keymap& keymap() const { return keymap_; }
    bool stageMode() const { return stageMode_; }

Q_SIGNALS:
    void started();
    void keymapChanged();  // menus show the new keys
    void audioApplied(const QString& reason);  // a new audio setting took effect ("") or not

private:
    void toggleRecording(bool on);
    void toggleStageMode();
    void openFiles();
    void saveCurrent(bool as);
    void openSettings();
    void typeIntoEditor(const QString& text, bool evaluate);
    void offerRestore(const QString& mode);
    void applyLook();
    void watchSounds();    // polls the bank's sound names for a while
    void refreshSounds();

    Vocabulary vocabulary_;
    EngineBridge engine_;
    AppSettings settings_;
    AudioSettings audioBefore_;  // to go back to if a new device will not open
    Keymap keymap_;
    Theme theme_;
    Panels panels_;
    std::unique_ptr<Performance> performance_;
    std::unique_ptr<SessionKeeper> keeper_;
    QTimer soundPoll_;
    int soundPolls_ = 0;
    bool stageMode_ = false;
    QByteArray geometryBeforeStage_;
    StartOptions options_;
};

}  // namespace seiche::ui
