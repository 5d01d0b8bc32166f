#include "app/stage.hpp"

#include <QApplication>
#include <QCoreApplication>
#include <QDateTime>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QKeyEvent>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <cstdio>

#include "app/performance.hpp"
#include "app/resources.hpp"
#include "app/session_keeper.hpp"
#include "editor/code_editor.hpp"
#include "editor/editor_tabs.hpp"
#include "editor/find_bar.hpp"
#include "panels/channel_strip.hpp"
#include "panels/console_panel.hpp"
#include "panels/reference_panel.hpp"
#include "panels/transport_bar.hpp"
#include "session/store_location.hpp"
#include "settings/settings_dialog.hpp"

namespace seiche::ui {

namespace {
constexpr int kStageZoom = 6;  // points added to the editor's font in stage mode
}

Stage::Stage(QObject* parent) : QObject(parent) {
    ensureResources();
    settings_ = AppSettings::load();
    keymap_ = Keymap::load(settings_.keymap);
    theme_ = loadTheme(settings_.theme);
}

Stage::~Stage() {
    if (performance_) performance_->frameTimer().stop();
    engine_.stop();
}

void Stage::attach(const Panels& panels) {
    panels_ = panels;
    performance_ = std::make_unique<Performance>(engine_, *panels.tabs, *panels.console, *panels.transport, *panels.channels);
    keeper_ = std::make_unique<SessionKeeper>(*panels.tabs, &engine_);
    performance_->setSessionKeeper(keeper_.get());

    connect(panels.tabs, &EditorTabs::commandRequested, this, [this](const QString& c) { run(c); });
    connect(panels.tabs, &QTabWidget::currentChanged, this, [this] { panels_.find->setEditor(panels_.tabs->current()); });
    connect(panels.transport, &TransportBar::cpsEdited, this, [this](double cps) { performance_->setCps(cps); });
    connect(panels.transport, &TransportBar::hushClicked, this, [this] { performance_->hush(); });
    connect(panels.transport, &TransportBar::recordToggled, this, &Stage::toggleRecording);
    // The switches are statements, evaluated and journaled as if typed: a restore brings
    // back a muted channel muted.
    connect(panels.channels, &ChannelStrip::muteToggled, this, [this](int c, bool on) {
        performance_->evaluateCode(QStringLiteral("%1 %2").arg(on ? QStringLiteral("mute") : QStringLiteral("unmute")).arg(c),
                                   QStringLiteral("switch"));
    });
    connect(panels.channels, &ChannelStrip::soloToggled, this, [this](int c, bool on) {
        performance_->evaluateCode(QStringLiteral("%1 %2").arg(on ? QStringLiteral("solo") : QStringLiteral("unsolo")).arg(c),
                                   QStringLiteral("switch"));
    });
    connect(panels.tabs, &EditorTabs::closeRequested, this, [this](int index) {
        panels_.tabs->setCurrentIndex(index);
        run(QStringLiteral("close-buffer"));
    });
    connect(panels.reference, &ReferencePanel::insertRequested, this, [this](const QString& code) {
        if (CodeEditor* editor = panels_.tabs->current()) {
            QTextCursor c = editor->textCursor();
            c.movePosition(QTextCursor::EndOfBlock);
            c.insertText(QStringLiteral("\n\n") + code);
            editor->setTextCursor(c);
            editor->setFocus();
        }
    });
    connect(panels.reference, &ReferencePanel::auditionRequested, this, [this](const QString& code) { performance_->audition(code); });
    connect(&engine_, &EngineBridge::message, this,
            [this](const QString& text) { panels_.console->post(ConsolePanel::Kind::Info, text); });
    connect(&engine_, &EngineBridge::audioApplied, this, [this](const QString& why) {
        if (!why.isEmpty()) {
            panels_.console->post(ConsolePanel::Kind::Error, tr("audio: %1 (still playing on what it had)").arg(why));
            settings_.audio = audioBefore_;  // what is really playing is what is saved
            settings_.save();
        }
        Q_EMIT audioApplied(why);
    });
    applyLook();
}

void Stage::applyLook() {
    qApp->setPalette(theme_.palette());
    qApp->setStyleSheet(theme_.styleSheet());
    panels_.tabs->setTheme(theme_);
    panels_.tabs->setKeymap(&keymap_);
    panels_.tabs->setEditorFont(settings_.font());
    panels_.console->setTheme(theme_);
    panels_.transport->setTheme(theme_);
    panels_.channels->setTheme(theme_);
}

void Stage::start(const StartOptions& options) {
    options_ = options;
    if (!options.theme.isEmpty()) {
        QString error;
        theme_ = loadTheme(options.theme, &error);
        if (!error.isEmpty()) panels_.console->post(ConsolePanel::Kind::Error, error);
        applyLook();
    }
    const QString database = !options.database.isEmpty()
                                 ? options.database
                                 : QString::fromStdString(session::storePath(std::nullopt).string());
    session::createParentDirectory(database.toStdString());
    if (const QString why = keeper_->open(database); !why.isEmpty())
        panels_.console->post(ConsolePanel::Kind::Error,
                              tr("The session journal cannot be kept (%1): save your buffers by hand.").arg(why));

    AudioSettings audio = settings_.audio;
    if (options.noDevice) audio.noDevice = true;
    audio::SoundSources sounds;
    sounds.systemFolders = !options.kitOnly;
    for (const auto& folder : settings_.sampleFolders) sounds.folders.emplace_back(folder.toStdString());
    engine_.start(audio, sounds);
    performance_->frameTimer().start();

    for (const QString& file : options.files)
        if (const QString why = panels_.tabs->openFile(file); !why.isEmpty())
            panels_.console->post(ConsolePanel::Kind::Error, why);
    if (options.demo) {
        QFile demo(QStringLiteral(":/demo.tidal"));
        demo.open(QIODevice::ReadOnly);
        CodeEditor* editor = panels_.tabs->newBuffer(QString::fromUtf8(demo.readAll()), QStringLiteral("demo.tidal"));
        performance_->evaluateIn(editor, EvaluationScope::Buffer);
    }
    if (panels_.tabs->count() == 0) panels_.tabs->newBuffer();
    panels_.find->setEditor(panels_.tabs->current());
    keeper_->snapshotAll();

    connect(&soundPoll_, &QTimer::timeout, this, &Stage::refreshSounds);
    soundPoll_.setInterval(1000);
    watchSounds();

    QTimer::singleShot(0, this, [this, options] {
        offerRestore(options.restore);
        if (!options.typeFile.isEmpty()) {
            QFile file(options.typeFile);
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "seiche: cannot read %s\n", qPrintable(options.typeFile));
            } else {
                typeIntoEditor(QString::fromUtf8(file.readAll()), options.evaluateTyped);
            }
        }
        if (!options.screenshot.isEmpty()) {
            QTimer::singleShot(options.afterMs, this, [this, options] {
                const bool saved = panels_.window->grab().save(options.screenshot);
                std::fprintf(saved ? stdout : stderr, saved ? "seiche: saved %s\n" : "seiche: cannot save %s\n",
                             qPrintable(options.screenshot));
                std::fflush(stdout);
                quit();
                QCoreApplication::exit(saved ? 0 : 1);
            });
        }
        Q_EMIT started();
    });
}

void Stage::watchSounds() {
    soundPolls_ = 0;
    refreshSounds();
    soundPoll_.start();
}

void Stage::refreshSounds() {
    // Folders load in the background; their names join completion as they arrive, for
    // half a minute after each change of folders.
    QStringList names;
    for (const auto& name : engine_.soundNames()) names << QString::fromStdString(name);
    if (names != vocabulary_.sounds()) {
        vocabulary_.setSoundNames(names);
        panels_.tabs->refreshCompletions();
    }
    if (++soundPolls_ >= 30) soundPoll_.stop();
}

void Stage::offerRestore(const QString& mode) {
    auto plan = keeper_->unfinished();
    if (!plan || mode == QLatin1String("no")) {
        if (plan) keeper_->decline(*plan);
        return;
    }
    bool restore = mode == QLatin1String("yes");
    if (!restore) {
        QMessageBox box(QMessageBox::Question, tr("Restore the last session?"),
                        tr("Seiche did not close cleanly at %1. Restore its %n buffer(s) as they were, and "
                           "play again the %2 channel(s) that were playing?",
                           nullptr, static_cast<int>(plan->buffers.size()))
                            .arg(QString::fromStdString(plan->lastActivityAt))
                            .arg(plan->playingChannels.size()),
                        QMessageBox::Yes | QMessageBox::No, panels_.window);
        box.setDefaultButton(QMessageBox::Yes);
        restore = box.exec() == QMessageBox::Yes;
    }
    if (restore) {
        keeper_->restore(*plan, *performance_);
        panels_.console->post(ConsolePanel::Kind::Info,
                              tr("Restored %n buffer(s) from the session of %1.", nullptr, static_cast<int>(plan->buffers.size()))
                                  .arg(QString::fromStdString(plan->startedAt)));
    } else {
        keeper_->decline(*plan);
    }
}

void Stage::typeIntoEditor(const QString& text, bool evaluate) {
    CodeEditor* editor = panels_.tabs->current();
    if (!editor) return;
    editor->setFocus();
    for (const QChar c : text) {
        const bool newline = c == QLatin1Char('\n');
        QKeyEvent press(QEvent::KeyPress, newline ? Qt::Key_Return : 0, Qt::NoModifier, newline ? QStringLiteral("\r") : QString(c));
        QKeyEvent release(QEvent::KeyRelease, newline ? Qt::Key_Return : 0, Qt::NoModifier, newline ? QStringLiteral("\r") : QString(c));
        QCoreApplication::sendEvent(editor, &press);
        QCoreApplication::sendEvent(editor, &release);
    }
    if (evaluate) performance_->evaluateIn(editor, EvaluationScope::Block);
    std::printf("seiche: typed %lld characters\n", static_cast<long long>(text.size()));
    std::fflush(stdout);
}

bool Stage::run(const QString& command) {
    CodeEditor* editor = panels_.tabs->current();
    if (command == QLatin1String("evaluate-block")) performance_->evaluate(EvaluationScope::Block);
    else if (command == QLatin1String("evaluate-line")) performance_->evaluate(EvaluationScope::Line);
    else if (command == QLatin1String("evaluate-buffer")) performance_->evaluate(EvaluationScope::Buffer);
    else if (command == QLatin1String("hush")) performance_->hush();
    else if (command == QLatin1String("toggle-comment")) { if (editor) editor->toggleComment(); }
    else if (command == QLatin1String("complete")) { if (editor) editor->showCompletions(); }
    else if (command == QLatin1String("zoom-in")) panels_.tabs->zoomAll(+1);
    else if (command == QLatin1String("zoom-out")) panels_.tabs->zoomAll(-1);
    else if (command == QLatin1String("zoom-reset")) panels_.tabs->zoomAll(0);
    else if (command == QLatin1String("find")) panels_.find->open(false);
    else if (command == QLatin1String("replace")) panels_.find->open(true);
    else if (command == QLatin1String("stage-mode")) toggleStageMode();
    else if (command == QLatin1String("new-buffer")) panels_.tabs->newBuffer();
    else if (command == QLatin1String("open")) openFiles();
    else if (command == QLatin1String("save")) saveCurrent(false);
    else if (command == QLatin1String("save-as")) saveCurrent(true);
    else if (command == QLatin1String("close-buffer")) {
        keeper_->snapshotAll();  // the journal keeps it even after the tab is gone
        panels_.tabs->closeBuffer(editor);
    } else if (command == QLatin1String("next-buffer")) panels_.tabs->setCurrentIndex((panels_.tabs->currentIndex() + 1) % panels_.tabs->count());
    else if (command == QLatin1String("previous-buffer"))
        panels_.tabs->setCurrentIndex((panels_.tabs->currentIndex() + panels_.tabs->count() - 1) % panels_.tabs->count());
    else if (command == QLatin1String("reference")) {
        panels_.referenceDock->show();
        panels_.referenceDock->raise();
        if (editor) {
            QTextCursor c = editor->textCursor();
            c.select(QTextCursor::WordUnderCursor);
            panels_.reference->search(c.selectedText());
        }
    } else if (command == QLatin1String("record")) toggleRecording(!panels_.transport->recordButton()->isChecked());
    else if (command == QLatin1String("settings")) openSettings();
    else return false;
    return true;
}

void Stage::toggleRecording(bool on) {
    if (!on) {
        performance_->stopRecording();
        return;
    }
    const QString folder = settings_.recordingFolder.isEmpty() ? performance_->recordingFolder() : settings_.recordingFolder;
    const QString path = QStringLiteral("%1/seiche-%2.%3")
                             .arg(folder, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")),
                                  settings_.recordingFormat);
    performance_->startRecording(path);
}

void Stage::toggleStageMode() {
    stageMode_ = !stageMode_;
    QMainWindow* w = panels_.window;
    if (stageMode_) {
        geometryBeforeStage_ = w->saveState();
        for (auto* dock : w->findChildren<QDockWidget*>()) dock->hide();
        w->menuBar()->hide();
        panels_.tabs->zoomAll(kStageZoom);
        w->showFullScreen();
    } else {
        w->menuBar()->show();
        w->restoreState(geometryBeforeStage_);
        panels_.tabs->zoomAll(-kStageZoom);
        w->showNormal();
    }
}

void Stage::openFiles() {
    const QStringList files = QFileDialog::getOpenFileNames(panels_.window, tr("Open"), QString(),
                                                            tr("Tidal code (*.tidal *.hs *.txt);;All files (*)"));
    for (const QString& file : files)
        if (const QString why = panels_.tabs->openFile(file); !why.isEmpty()) panels_.console->post(ConsolePanel::Kind::Error, why);
}

void Stage::saveCurrent(bool as) {
    CodeEditor* editor = panels_.tabs->current();
    if (!editor) return;
    QString path;
    if (as || panels_.tabs->pathOf(editor).isEmpty()) {
        path = QFileDialog::getSaveFileName(panels_.window, tr("Save"), QString(), tr("Tidal code (*.tidal)"));
        if (path.isEmpty()) return;
    }
    const QString why = panels_.tabs->save(editor, path);
    panels_.console->post(why.isEmpty() ? ConsolePanel::Kind::Info : ConsolePanel::Kind::Error,
                          why.isEmpty() ? tr("Saved %1").arg(panels_.tabs->pathOf(editor)) : why);
    keeper_->snapshotAll();
}

void Stage::openSettings() {
    auto* dialog = new SettingsDialog(settings_, panels_.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::applyRequested, this, [this, dialog](const AppSettings& s) {
        const QString why = applySettings(s);
        dialog->setStatus(why.isEmpty() ? tr("Applied.") : why, !why.isEmpty());
    });
    connect(this, &Stage::audioApplied, dialog, [dialog](const QString& why) {
        dialog->setStatus(why.isEmpty() ? tr("Audio applied.") : tr("Audio: %1").arg(why), !why.isEmpty());
    });
    dialog->show();
}

QString Stage::applySettings(const AppSettings& next) {
    QStringList problems;
    QString keptTheme;
    if (next.theme != settings_.theme) {
        QString error;
        theme_ = loadTheme(next.theme, &error);
        if (!error.isEmpty()) {
            problems << error;
            keptTheme = theme_.name;  // what is really shown, and what is saved
        }
    }
    if (next.keymap != settings_.keymap) {
        QString error;
        keymap_ = Keymap::load(next.keymap, &error);
        if (!error.isEmpty()) problems << tr("keys: %1").arg(error);
        Q_EMIT keymapChanged();
    }
    const AppSettings previous = settings_;
    settings_ = next;
    if (!keptTheme.isEmpty()) settings_.theme = keptTheme;
    applyLook();
    if (!(next.audio == previous.audio)) {
        AudioSettings audio = next.audio;
        if (options_.noDevice && !audio.api) audio.noDevice = true;
        // The device opens off the GUI thread; audioApplied() says how it went.
        audioBefore_ = previous.audio;
        engine_.applyAudioLater(audio);
    }
    for (const QString& folder : next.sampleFolders)
        if (!previous.sampleFolders.contains(folder))
            if (const std::string why = engine_.addSampleFolder(folder.toStdString()); !why.empty())
                problems << tr("samples: %1").arg(QString::fromStdString(why));
    if (next.sampleFolders != previous.sampleFolders || !(next.audio == previous.audio)) watchSounds();
    if (const QString why = settings_.save(); !why.isEmpty()) problems << why;
    for (const QString& p : problems) panels_.console->post(ConsolePanel::Kind::Error, p);
    return problems.join(QStringLiteral("; "));
}

bool Stage::confirmQuit() {
    int unsaved = 0;
    for (auto* editor : panels_.tabs->editors())
        if (!editor->toPlainText().trimmed().isEmpty() &&
            (panels_.tabs->pathOf(editor).isEmpty() || editor->document()->isModified()))
            ++unsaved;
    if (unsaved == 0) return true;
    keeper_->snapshotAll();
    QMessageBox box(QMessageBox::Question, tr("Quit Seiche?"),
                    tr("%n buffer(s) are not saved to files. They stay in the session journal "
                       "(seiche-cli journal buffers), but will not open by themselves next time.",
                       nullptr, unsaved),
                    QMessageBox::Cancel, panels_.window);
    QPushButton* quit = box.addButton(tr("Quit"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == quit;
}

void Stage::quit() {
    if (performance_) performance_->stopRecording();
    if (keeper_) keeper_->finish();
}

}  // namespace seiche::ui
