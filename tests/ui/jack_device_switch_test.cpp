// The audio device changes while the music plays, through the settings the
// performer applies: from the silent clock to a real JACK server (the dummy
// driver) and back, and the music's clock and d1 carry on across both changes.
#include <QProcess>
#include <QUuid>

#include "audio/engine/device.hpp"
#include "engine/engine_bridge.hpp"
#include "ui/ui_test_support.hpp"

using namespace seiche::ui;

class JackDeviceSwitchTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QProcess jackd_;

    // Onsets d1 played in the next `ms`.
    static int onsets(EngineBridge& engine, int ms) {
        const int64_t from = engine.snapshot().frame;
        QTest::qWait(ms);
        std::vector<seiche::audio::PlayedEvent> played;
        engine.playedBetween(from, engine.snapshot().frame, played);
        int n = 0;
        for (const auto& e : played) n += e.channel == 1 && e.frame >= from;
        return n;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        testing::isolate(dir_);
        const QString name = QStringLiteral("seiche-ui-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        qputenv("JACK_DEFAULT_SERVER", name.toUtf8());
        qputenv("JACK_NO_START_SERVER", "1");
        qputenv("JACK_NO_AUDIO_RESERVATION", "1");
        jackd_.setProcessChannelMode(QProcess::MergedChannels);
        jackd_.start(QStringLiteral("jackd"), {QStringLiteral("-n"), name, QStringLiteral("-d"), QStringLiteral("dummy"),
                                               QStringLiteral("-r"), QStringLiteral("48000"), QStringLiteral("-p"), QStringLiteral("256")});
        QVERIFY2(jackd_.waitForStarted(10000), "jackd missing: scripts/test installs Debian's jackd2");
        bool up = false;
        for (int i = 0; i < 80 && !up && jackd_.state() == QProcess::Running; ++i) {
            const auto listing = seiche::audio::listDevices(seiche::audio::AudioApi::Jack);
            up = !listing.empty() && !listing.front().devices.empty();
            if (!up) QTest::qWait(250);
        }
        QVERIFY2(up, jackd_.readAll().constData());
    }
    void cleanupTestCase() {
        jackd_.terminate();
        if (!jackd_.waitForFinished(10000)) jackd_.kill();
    }

    void toJackAndBackWhilePlaying() {
        auto window = testing::startWindow(testing::quietStart(dir_));
        Stage& stage = window->stage();
        CodeEditor* editor = window->panels().tabs->current();
        editor->setPlainText(QStringLiteral("d1 $ s \"bd*8\""));
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(onsets(stage.engine(), 600) > 0);
        QVERIFY(!stage.engine().snapshot().onDevice);

        AppSettings s = stage.settings();
        s.audio.noDevice = false;
        s.audio.api = seiche::audio::AudioApi::Jack;
        s.audio.sampleRate = 48000;
        s.audio.bufferFrames = 256;
        const int64_t before = stage.engine().snapshot().frame;
        QCOMPARE(testing::applyAudio(stage, s), QString());
        const TransportSnapshot onJack = stage.engine().snapshot();
        QVERIFY(onJack.onDevice);
        QVERIFY2(QString::fromStdString(onJack.deviceName).startsWith(QStringLiteral("jack")), onJack.deviceName.c_str());
        // The same clock, not a new one from zero, and d1 goes on through JACK's callbacks.
        QVERIFY(onJack.frame >= before);
        const uint64_t callbacks = onJack.stats.callbacks;
        QVERIFY(onsets(stage.engine(), 600) > 0);
        QVERIFY(stage.engine().snapshot().stats.callbacks > callbacks);
        QVERIFY(stage.engine().snapshot().frame > onJack.frame);

        s.audio.noDevice = true;
        s.audio.api.reset();
        const int64_t onJackFrame = stage.engine().snapshot().frame;
        QCOMPARE(testing::applyAudio(stage, s), QString());
        QVERIFY(!stage.engine().snapshot().onDevice);
        QVERIFY(stage.engine().snapshot().frame >= onJackFrame);
        QVERIFY(onsets(stage.engine(), 600) > 0);
        stage.quit();
    }
};

QTEST_MAIN(JackDeviceSwitchTest)
#include "jack_device_switch_test.moc"
