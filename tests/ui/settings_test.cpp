// Settings apply while the music plays, and persist; recording failures show at once.
#include <QComboBox>
#include <QDir>
#include <algorithm>
#include <QLabel>
#include <QProcess>
#include <QToolButton>

#include "app/session_keeper.hpp"
#include "engine/engine_bridge.hpp"
#include "panels/console_panel.hpp"
#include "panels/transport_bar.hpp"
#include "settings/settings_dialog.hpp"
#include "ui/ui_test_support.hpp"

using namespace seiche::ui;

class SettingsTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
    Stage& stage() { return window_->stage(); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        testing::isolate(dir_);
    }
    void init() { window_ = testing::startWindow(testing::quietStart(dir_)); }
    void cleanup() {
        stage().quit();
        window_.reset();
    }

    void themeFontAndKeysApplyLiveAndPersist() {
        AppSettings s = stage().settings();
        s.theme = QStringLiteral("high-contrast");
        s.fontSize = 22;
        s.keymap = QStringLiteral("sonic-pi");
        QCOMPARE(stage().applySettings(s), QString());
        CodeEditor* editor = window_->panels().tabs->current();
        QCOMPARE(editor->palette().color(QPalette::Base), QColor(QStringLiteral("#000000")));
        QCOMPARE(editor->font().pointSize(), 22);
        QCOMPARE(stage().keymap().commandFor(QKeySequence(QStringLiteral("Alt+R"))), QStringLiteral("evaluate-buffer"));
        // Written to the config file and read back by a fresh load.
        const AppSettings loaded = AppSettings::load();
        QCOMPARE(loaded.theme, QStringLiteral("high-contrast"));
        QCOMPARE(loaded.fontSize, 22);
        QCOMPARE(loaded.keymap, QStringLiteral("sonic-pi"));
        s.theme = QStringLiteral("no-such-theme");
        QVERIFY(stage().applySettings(s).contains(QStringLiteral("no-such-theme")));
        // Falls back to the dark theme rather than leaving the editor without colours.
        QCOMPARE(editor->palette().color(QPalette::Base), loadTheme(QStringLiteral("dark")).background);
        AppSettings reset;
        stage().applySettings(reset);
    }

    void aNewBufferSizeKeepsTheClockRunning() {
        CodeEditor* editor = window_->panels().tabs->current();
        editor->setPlainText(QStringLiteral("d1 $ s \"bd*8\""));
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QTest::qWait(300);
        const int64_t before = stage().engine().snapshot().frame;
        QVERIFY(before > 0);
        AppSettings s = stage().settings();
        s.audio.bufferFrames = 512;
        QCOMPARE(testing::applyAudio(stage(), s), QString());
        QCOMPARE(stage().engine().audio().bufferFrames, 512u);
        QTest::qWait(300);
        // The same clock, moving on, and d1 still playing on it.
        QVERIFY(stage().engine().snapshot().frame > before);
        std::vector<seiche::audio::PlayedEvent> played;
        const int64_t now = stage().engine().snapshot().frame;
        QTest::qWait(300);
        stage().engine().playedBetween(now, stage().engine().snapshot().frame, played);
        QVERIFY(!played.empty());
    }

    void aDeviceThatWillNotOpenLeavesTheMusicWhereItWas() {
        CodeEditor* editor = window_->panels().tabs->current();
        editor->setPlainText(QStringLiteral("d1 $ s \"bd*8\""));
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        AppSettings s = stage().settings();
        const AudioSettings before = stage().engine().audio();
        s.audio.noDevice = false;
        s.audio.api = seiche::audio::AudioApi::Alsa;
        s.audio.device = 99;  // no such device
        const QString why = testing::applyAudio(stage(), s);
        QVERIFY2(!why.isEmpty(), "a device that does not exist was accepted");
        QVERIFY(window_->panels().console->lastLine().contains(QStringLiteral("still playing")));
        QVERIFY(stage().engine().audio() == before);
        // The choice that failed is neither kept nor saved.
        QVERIFY(stage().settings().audio.device != std::optional<int>(99));
        QVERIFY(AppSettings::load().audio.device != std::optional<int>(99));
        const int64_t frame = stage().engine().snapshot().frame;
        QTest::qWait(200);
        QVERIFY(stage().engine().snapshot().frame > frame);
        QCOMPARE(stage().engine().playingChannels(), std::vector<int>{1});
    }

    void aNewSampleRateRestartsTheEngineWithTheSameCode() {
        CodeEditor* editor = window_->panels().tabs->current();
        editor->setPlainText(QStringLiteral("d2 $ s \"hh*8\""));
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QTest::qWait(400);
        const double cycleBefore = stage().engine().snapshot().cycle;
        QVERIFY(cycleBefore > 0.1);
        AppSettings s = stage().settings();
        s.audio.sampleRate = 44100;
        s.audio.noDevice = true;
        QCOMPARE(testing::applyAudio(stage(), s), QString());
        QCOMPARE(stage().engine().snapshot().sampleRate, 44100.0);
        // The music carries on from where it was, not from cycle 0.
        QVERIFY2(stage().engine().snapshot().cycle >= cycleBefore, qPrintable(QString::number(stage().engine().snapshot().cycle)));
        QCOMPARE(stage().engine().playingChannels(), std::vector<int>{2});
        std::vector<seiche::audio::PlayedEvent> played;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     played.clear();
                                     const int64_t f = stage().engine().snapshot().frame;
                                     stage().engine().playedBetween(0, f + 1, played);
                                     return !played.empty();
                                 }()),
                                 5000);
        QCOMPARE(played.front().channel, 2);
    }

    void aNewSampleFolderPlaysAndCompletes() {
        // A folder of the performer's own: one sub-folder, one sound, made with sox.
        const QString folder = dir_.path() + QStringLiteral("/mysamples");
        QVERIFY(QDir().mkpath(folder + QStringLiteral("/zap")));
        QProcess sox;
        sox.start(QStringLiteral("sox"), {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("48000"), folder + QStringLiteral("/zap/zap.wav"),
                                          QStringLiteral("synth"), QStringLiteral("0.2"), QStringLiteral("sine"), QStringLiteral("880")});
        QVERIFY(sox.waitForFinished(20000) && sox.exitCode() == 0);
        AppSettings s = stage().settings();
        s.sampleFolders << folder;
        QCOMPARE(stage().applySettings(s), QString());
        const auto hasZap = [this] {
            const auto names = stage().engine().soundNames();
            return std::find(names.begin(), names.end(), "zap") != names.end();
        };
        QTRY_VERIFY_WITH_TIMEOUT(hasZap(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(stage().vocabulary().sounds().contains(QStringLiteral("zap")), 5000);
        QVERIFY(AppSettings::load().sampleFolders.contains(folder));
        // A folder that is not there is refused with its name; the rest still applies.
        s.sampleFolders << dir_.path() + QStringLiteral("/nowhere");
        QVERIFY(stage().applySettings(s).contains(QStringLiteral("nowhere")));
    }

    void theDialogShowsLatencyAndAppliesThroughTheStage() {
        SettingsDialog dialog(stage().settings());
        dialog.bufferBox()->setCurrentText(QStringLiteral("128"));
        dialog.rateBox()->setCurrentText(QStringLiteral("48000"));
        QVERIFY2(dialog.latencyLabel()->text().contains(QStringLiteral("2.7 ms")), qPrintable(dialog.latencyLabel()->text()));
        dialog.bufferBox()->setCurrentText(QStringLiteral("1024"));
        QVERIFY(dialog.latencyLabel()->text().contains(QStringLiteral("21.3 ms")));
        dialog.themeBox()->setCurrentText(QStringLiteral("light"));
        QCOMPARE(dialog.settings().theme, QStringLiteral("light"));
        QCOMPARE(dialog.settings().audio.bufferFrames, 1024u);
    }

    void recordingWritesAFileAndFailuresShowAtOnce() {
        CodeEditor* editor = window_->panels().tabs->current();
        editor->setPlainText(QStringLiteral("d1 $ s \"bd*4\""));
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        const QString wav = dir_.path() + QStringLiteral("/take.wav");
        QCOMPARE(stage().performance().startRecording(wav), QString());
        QTRY_VERIFY_WITH_TIMEOUT(stage().engine().recordingStatus().frames > 48000, 10000);
        stage().performance().stopRecording();  // the file is finished off the GUI thread
        QTRY_VERIFY_WITH_TIMEOUT(!stage().engine().recordingStatus().active, 10000);
        QVERIFY(QFileInfo(wav).size() > 48000 * 6);
        // sox measures what was written: not silence.
        QProcess sox;
        sox.start(QStringLiteral("sox"), {wav, QStringLiteral("-n"), QStringLiteral("stat")});
        QVERIFY(sox.waitForFinished(20000));
        const QString stat = QString::fromUtf8(sox.readAllStandardError());
        const auto line = stat.split(QLatin1Char('\n')).filter(QStringLiteral("Maximum amplitude")).value(0);
        QVERIFY2(line.section(QLatin1Char(':'), 1).trimmed().toDouble() > 0.05, qPrintable(stat));

        // A folder that cannot be written: the button says so in the same moment.
        QFile plain(dir_.path() + QStringLiteral("/file"));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        // The performer's recordings folder is a path through a plain file: pressing the
        // button says why at once, beside the button, and the button does not stay on.
        AppSettings s = stage().settings();
        s.recordingFolder = dir_.path() + QStringLiteral("/file/takes");
        QCOMPARE(stage().applySettings(s), QString());
        TransportBar* transport = window_->panels().transport;
        transport->recordButton()->click();
        QVERIFY(!transport->recordButton()->isChecked());
        QVERIFY2(transport->recordStatusText().contains(QStringLiteral("Recording failed")), qPrintable(transport->recordStatusText()));
        QVERIFY(window_->panels().console->lastLine().contains(QStringLiteral("Recording failed")));
        s.recordingFolder.clear();
        stage().applySettings(s);

        // The disk fills while recording: said at once, not found later as a short file.
        const QString full = dir_.path() + QStringLiteral("/full.wav");
        QVERIFY(QFile::link(QStringLiteral("/dev/full"), full));
        // libsndfile writes the header at once, so a full disk is usually refused at the
        // start; if the header fits, the first block's write fails while recording.
        const QString why = stage().performance().startRecording(full);
        if (!why.isEmpty()) {
            QVERIFY2(why.contains(QStringLiteral("No space left")), qPrintable(why));
            QVERIFY(window_->panels().console->lastLine().contains(QStringLiteral("Recording failed")));
        } else {
            QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                         stage().performance().tick();
                                         return window_->panels().console->lastLine().contains(QStringLiteral("Recording stopped"));
                                     }()),
                                     10000);
        }
        QVERIFY(!window_->panels().transport->recordButton()->isChecked());
    }
};

QTEST_MAIN(SettingsTest)
#include "settings_test.moc"
