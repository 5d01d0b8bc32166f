// Nothing is lost: the real app, started as a process, is typed into and killed
// with SIGKILL mid-performance; started again, it brings back every buffer as it
// was a second before the kill, and the channels that were playing.
#include <QProcess>
#include <QSignalSpy>
#include <csignal>

#include "app/session_keeper.hpp"
#include "engine/engine_bridge.hpp"
#include "ui/ui_test_support.hpp"

using namespace seiche::ui;

class RestoreTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        testing::isolate(dir_);
    }

    void aKilledPerformanceComesBack() {
        const QString database = dir_.path() + QStringLiteral("/journal.db");
        const QString typed = dir_.path() + QStringLiteral("/typed.tidal");
        // Typed as key presses by the app itself, then evaluated with the block key.
        const QString code = QStringLiteral("d1 $ s \"bd*2 [~ sn]\"\n# speed \"<1 2>\"");
        {
            QFile f(typed);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(code.toUtf8());
        }
        QProcess app;
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        app.start(QStringLiteral(SEICHE_APP), {QStringLiteral("--no-device"), QStringLiteral("--kit-only"), QStringLiteral("--restore"),
                                               QStringLiteral("no"), QStringLiteral("--database"), database,
                                               QStringLiteral("--type-file"), typed});
        QVERIFY2(app.waitForStarted(10000), qPrintable(app.errorString()));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += app.readAllStandardOutput()).contains("seiche: typed"), 20000);
        // The promise: as it was within a second of the kill.
        QTest::qWait(1000);
        QCOMPARE(app.state(), QProcess::Running);
        ::kill(static_cast<pid_t>(app.processId()), SIGKILL);
        QVERIFY(app.waitForFinished(10000));
        QCOMPARE(app.exitStatus(), QProcess::CrashExit);

        StartOptions options = testing::quietStart(dir_);
        options.restore = QStringLiteral("yes");
        options.database = database;
        auto window = testing::startWindow(options);
        QSignalSpy started(&window->stage(), &Stage::started);
        QVERIFY(started.wait(10000));
        // The typed buffer, with the editor's auto-indent, exactly as it was.
        bool found = false;
        for (auto* editor : window->panels().tabs->editors())
            found |= editor->toPlainText() == QStringLiteral("d1 $ s \"bd*2 [~ sn]\"\n# speed \"<1 2>\"");
        QVERIFY2(found, qPrintable(window->panels().tabs->current()->toPlainText()));
        // And d1 plays again.
        QCOMPARE(window->stage().engine().playingChannels(), std::vector<int>{1});
        QVERIFY(QString::fromStdString(window->stage().engine().channelCode()[0]).contains(QStringLiteral("speed")));
        window->stage().quit();
        window.reset();

        // Restored once, never offered again; a clean exit is never offered at all.
        options.restore = QStringLiteral("yes");
        auto again = testing::startWindow(options);
        QVERIFY(!again->stage().keeper().unfinished().has_value());
        QVERIFY(again->stage().engine().playingChannels().empty());
        again->stage().quit();
    }
};

QTEST_MAIN(RestoreTest)
#include "restore_test.moc"
