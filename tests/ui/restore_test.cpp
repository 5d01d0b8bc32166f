// Nothing is lost: the real app, started as a process, is typed into and killed
// with SIGKILL mid-performance; started again, it brings back every buffer as it
// was before the kill, and the channels that were playing.
#include <QProcess>
#include <QSignalSpy>
#include <csignal>

#include "app/session_keeper.hpp"
#include "panels/console_panel.hpp"
#include "engine/engine_bridge.hpp"
#include "session/journal_reader.hpp"
#include "session/store.hpp"
#include "ui/ui_test_support.hpp"

using namespace seiche::ui;

class RestoreTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    // Starts the real app on `database`, has it type `code` as key presses (and
    // evaluate it, unless `evaluate` is false), waits `msAfterTyping`, kills it with SIGKILL.
    void typeThenKill(const QString& database, const QString& code, bool evaluate, int msAfterTyping) {
        const QString typed = database + QStringLiteral(".tidal");
        QFile f(typed);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(code.toUtf8());
        f.close();
        QStringList args{QStringLiteral("--no-device"), QStringLiteral("--kit-only"), QStringLiteral("--restore"), QStringLiteral("no"),
                         QStringLiteral("--database"), database, QStringLiteral("--type-file"), typed};
        if (!evaluate) args << QStringLiteral("--no-evaluate");
        QProcess app;
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        app.start(QStringLiteral(SEICHE_APP), args);
        QVERIFY2(app.waitForStarted(10000), qPrintable(app.errorString()));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += app.readAllStandardOutput()).contains("seiche: typed"), 20000);
        QTest::qWait(msAfterTyping);
        QCOMPARE(app.state(), QProcess::Running);
        ::kill(static_cast<pid_t>(app.processId()), SIGKILL);
        QVERIFY(app.waitForFinished(10000));
        QCOMPARE(app.exitStatus(), QProcess::CrashExit);
    }

    // The app started again on `database`, answering the restore offer with yes.
    std::unique_ptr<MainWindow> restart(const QString& database) {
        StartOptions options = testing::quietStart(dir_);
        options.restore = QStringLiteral("yes");
        options.database = database;
        auto window = testing::startWindow(options);
        QSignalSpy started(&window->stage(), &Stage::started);
        started.wait(10000);
        return window;
    }

    static bool hasBuffer(MainWindow& window, const QString& text) {
        for (auto* editor : window.panels().tabs->editors())
            if (editor->toPlainText() == text) return true;
        return false;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        testing::isolate(dir_);
    }

    void aKilledPerformanceComesBack() {
        const QString database = dir_.path() + QStringLiteral("/journal.db");
        const QString code = QStringLiteral("d1 $ s \"bd*2 [~ sn]\"\n# speed \"<1 2>\"");
        // The promise: as it was within a second of the kill.
        typeThenKill(database, code, true, 1000);
        auto window = restart(database);
        QVERIFY2(hasBuffer(*window, code), qPrintable(window->panels().tabs->current()->toPlainText()));
        // And d1 plays again.
        QCOMPARE(window->stage().engine().playingChannels(), std::vector<int>{1});
        QVERIFY(QString::fromStdString(window->stage().engine().channelCode()[0]).contains(QStringLiteral("speed")));
        window->stage().quit();
        window.reset();

        // Restored once, never offered again; a clean exit is never offered at all.
        auto again = restart(database);
        QVERIFY(!again->stage().keeper().unfinished().has_value());
        QVERIFY(again->stage().engine().playingChannels().empty());
        again->stage().quit();
    }

    void theRealAppStartedAgainBringsItBack() {
        // Both lives are the real app: killed mid-performance, then started again as a
        // process that restores, plays for a second, saves a picture and quits cleanly. Its
        // own journal then says what it brought back.
        const QString database = dir_.path() + QStringLiteral("/relaunch.db");
        const QString code = QStringLiteral("d2 $ s \"hh*4 cp\" # gain 1.1");
        typeThenKill(database, code, true, 1000);
        QProcess again;
        again.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        again.start(QStringLiteral(SEICHE_APP), {QStringLiteral("--no-device"), QStringLiteral("--kit-only"), QStringLiteral("--restore"),
                                                 QStringLiteral("yes"), QStringLiteral("--database"), database,
                                                 QStringLiteral("--screenshot"), dir_.path() + QStringLiteral("/again.png"),
                                                 QStringLiteral("--after-ms"), QStringLiteral("1000")});
        QVERIFY(again.waitForFinished(60000));
        QCOMPARE(again.exitStatus(), QProcess::NormalExit);
        QCOMPARE(again.exitCode(), 0);

        auto store = seiche::session::Store::open(database.toStdString());
        QVERIFY(store);
        auto sessions = seiche::session::journalSessions(store->database());
        QVERIFY(sessions && sessions->size() == 2);
        const auto& killed = sessions->front();
        const auto& restarted = sessions->back();
        QVERIFY(!killed.clean);
        QVERIFY(killed.settled);  // answered: never offered again
        QVERIFY(restarted.clean);
        auto buffers = seiche::session::journalLatestBuffers(store->database(), restarted.id);
        QVERIFY(buffers);
        bool reopened = false;
        for (const auto& b : *buffers) reopened |= QString::fromStdString(b.buffer.text) == code;
        QVERIFY(reopened);
        auto evaluations = seiche::session::journalEvaluations(store->database(), restarted.id);
        QVERIFY(evaluations);
        bool replayed = false;
        for (const auto& e : *evaluations)
            replayed |= e.evaluation.scope == "restore" && e.evaluation.ok && QString::fromStdString(e.evaluation.code) == code;
        QVERIFY(replayed);
    }

    void typingAloneIsKeptToWithinHalfASecond() {
        // No evaluation this time: only the debounced snapshots of the buffer can save it.
        const QString database = dir_.path() + QStringLiteral("/typing.db");
        const QString code = QStringLiteral("-- an idea, not played yet\nd7 $ slow 2 $ s \"arpy*4\" # n \"<0 3 5>\"");
        typeThenKill(database, code, false, 600);  // past the 250 ms pause and the 500 ms ceiling
        auto window = restart(database);
        QVERIFY2(hasBuffer(*window, code), qPrintable(window->panels().tabs->current()->toPlainText()));
        QVERIFY(window->stage().engine().playingChannels().empty());  // nothing was playing
        window->stage().quit();
    }

    void aJournalThatCannotWriteIsSaidAndCatchesUp() {
        auto window = testing::startWindow(testing::quietStart(dir_));
        const QString path = window->stage().keeper().databasePath();
        // Another program holds the write lock past the journal's busy timeout.
        auto other = seiche::session::Database::open(path.toStdString());
        QVERIFY(other);
        auto lock = seiche::session::Transaction::begin(*other);
        QVERIFY(lock);
        CodeEditor* editor = window->panels().tabs->current();
        editor->setPlainText(QStringLiteral("d1 $ s \"bd*2\" -- written while locked"));
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        const auto consoleSays = [&](const QString& words) {
            return window->panels().console->toPlainText().contains(words);
        };
        QTRY_VERIFY_WITH_TIMEOUT(consoleSays(QStringLiteral("the journal cannot write")), 20000);
        QCOMPARE(window->stage().engine().playingChannels(), std::vector<int>{1});  // the music never cared
        QVERIFY(lock->commit());
        QTRY_VERIFY_WITH_TIMEOUT(consoleSays(QStringLiteral("the journal writes again")), 20000);
        window->stage().keeper().flush();
        auto buffers = seiche::session::journalLatestBuffers(*other, window->stage().keeper().sessionId());
        QVERIFY(buffers && !buffers->empty());
        QVERIFY(QString::fromStdString(buffers->front().buffer.text).contains(QStringLiteral("written while locked")));
        window->stage().quit();
    }

    void aBrokenJournalIsSaidAndTheAppStillPlays() {
        const QString database = dir_.path() + QStringLiteral("/broken.db");
        QFile f(database);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));  // not a database
        f.close();
        StartOptions options = testing::quietStart(dir_);
        options.database = database;
        auto window = testing::startWindow(options);
        QVERIFY(!window->stage().keeper().isOpen());
        bool said = false;
        for (const QString& line : window->panels().console->toPlainText().split(QLatin1Char('\n')))
            said |= line.contains(QStringLiteral("journal cannot be kept"));
        QVERIFY(said);
        CodeEditor* editor = window->panels().tabs->current();
        editor->setPlainText(QStringLiteral("d1 $ s \"bd*4\""));
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(window->stage().engine().playingChannels(), std::vector<int>{1});
        QCOMPARE(QFileInfo(database).size(), 8192);  // and the file was not replaced
        window->stage().quit();
    }
};

QTEST_MAIN(RestoreTest)
#include "restore_test.moc"
