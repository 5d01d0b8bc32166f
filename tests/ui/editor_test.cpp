// The editor as a performer uses it: typing, the evaluation keys, errors that do
// not stop the music, characters lit as their events play, and the editing aids.
#include <QAbstractItemView>
#include <QCompleter>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListWidget>
#include <QRandomGenerator>
#include <QTextBlock>
#include <QToolButton>
#include <QToolTip>
#include <algorithm>

#include "app/session_keeper.hpp"
#include "editor/evaluation_region.hpp"
#include "editor/find_bar.hpp"
#include "engine/engine_bridge.hpp"
#include "panels/channel_strip.hpp"
#include "panels/console_panel.hpp"
#include "panels/reference_panel.hpp"
#include "settings/keymap.hpp"
#include "ui/ui_test_support.hpp"

using namespace seiche::ui;

class EditorTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
    CodeEditor* editor() { return window_->panels().tabs->current(); }
    EngineBridge& engine() { return window_->stage().engine(); }

    // Events on `channel` that started while waiting `ms`.
    int playedOn(int channel, int ms) {
        std::vector<seiche::audio::PlayedEvent> events;
        const int64_t from = engine().snapshot().frame;
        QTest::qWait(ms);
        engine().playedBetween(from, engine().snapshot().frame, events);
        int n = 0;
        for (const auto& e : events) n += e.channel == channel && e.frame >= from;
        return n;
    }

    // The text of every range lit while frames are drawn, until all of `words` have been
    // lit (or 8 s have passed).
    QSet<QString> litUntil(const QStringList& words) {
        QSet<QString> lit;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 8000) {
            window_->stage().performance().tick();
            for (const auto& [start, end] : editor()->activeRanges()) lit.insert(editor()->toPlainText().mid(start, end - start));
            if (std::all_of(words.begin(), words.end(), [&](const QString& w) { return lit.contains(w); })) break;
            QTest::qWait(16);
        }
        return lit;
    }

    // Whether `channel` starts an event within `ms` (QTRY_* would evaluate a waiting
    // expression once more after it succeeds).
    bool startsWithin(int channel, int ms) {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms)
            if (playedOn(channel, 100) > 0) return true;
        return false;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        testing::isolate(dir_);
    }
    void init() {
        window_ = testing::startWindow(testing::quietStart(dir_));
        editor()->setFocus();
    }
    void cleanup() {
        window_->stage().quit();
        window_.reset();
    }

    void blockRegionStopsAtBlankLines() {
        QTextDocument doc;
        doc.setPlainText(QStringLiteral("d1 $ s \"bd\"\n\nd2 $ s \"hh\"\n  # gain 1.2\n\nd3 $ s \"sn\""));
        const int inSecond = doc.findBlockByNumber(3).position() + 2;
        const auto block = evaluationRegion(doc, inSecond, EvaluationScope::Block);
        QCOMPARE(block.code, QStringLiteral("d2 $ s \"hh\"\n  # gain 1.2"));
        QCOMPARE(block.firstLine, 3);
        const auto line = evaluationRegion(doc, inSecond, EvaluationScope::Line);
        QCOMPARE(line.code, QStringLiteral("  # gain 1.2"));
        QCOMPARE(line.firstLine, 4);
        QVERIFY(evaluationRegion(doc, doc.findBlockByNumber(1).position(), EvaluationScope::Block).empty());
        QCOMPARE(evaluationRegion(doc, 0, EvaluationScope::Buffer).code, doc.toPlainText());
    }

    void ctrlEnterPlaysTheBlockUnderTheCursor() {
        testing::type(editor(), QStringLiteral("d1 $ s \"bd*4 hh\"\n\nd2 $ s \"sn*2\""));
        // The cursor is in the second block: only d2 is sent.
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(engine().channelCode()[0].empty());
        QCOMPARE(QString::fromStdString(engine().channelCode()[1]), QStringLiteral("d2 $ s \"sn*2\""));
        QVERIFY(startsWithin(2, 5000));
        QCOMPARE(playedOn(1, 200), 0);
        // The document was not touched by the flash or the highlighting.
        QCOMPARE(editor()->toPlainText(), QStringLiteral("d1 $ s \"bd*4 hh\"\n\nd2 $ s \"sn*2\""));
    }

    void shiftEnterPlaysOnlyTheLine() {
        editor()->setPlainText(QStringLiteral("d1 $ s \"bd*2\"\nd3 $ s \"hh*4\""));
        QTextCursor c = editor()->textCursor();
        c.movePosition(QTextCursor::End);
        editor()->setTextCursor(c);
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ShiftModifier);
        QVERIFY(engine().channelCode()[0].empty());
        QCOMPARE(QString::fromStdString(engine().channelCode()[2]), QStringLiteral("d3 $ s \"hh*4\""));
        QCOMPARE(editor()->document()->blockCount(), 2);  // no line break was inserted
    }

    void ctrlShiftEnterPlaysTheBufferAndCtrlDotHushes() {
        editor()->setPlainText(QStringLiteral("d1 $ s \"bd*2\"\n\nd2 $ s \"hh*4\""));
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(engine().playingChannels(), (std::vector<int>{1, 2}));
        QVERIFY(startsWithin(1, 5000));
        QTest::keyClick(editor(), Qt::Key_Period, Qt::ControlModifier);
        QVERIFY(engine().playingChannels().empty());
        QTest::qWait(150);  // what was already scheduled (50 ms ahead) plays out
        QCOMPARE(playedOn(1, 1200), 0);  // bd*2 would start at least once in 1.2 s
    }

    void anErrorIsMarkedAndTheMusicPlaysOn() {
        editor()->setPlainText(QStringLiteral("d1 $ s \"bd*4\""));
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(startsWithin(1, 5000));
        // Line 3 of the buffer, a typo in a function name.
        editor()->setPlainText(QStringLiteral("d1 $ s \"bd*4\"\n\nd1 $ fsat 2 $ s \"sn*8\""));
        QTextCursor c = editor()->textCursor();
        c.movePosition(QTextCursor::End);
        editor()->setTextCursor(c);
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(editor()->hasError());
        QVERIFY2(editor()->errorMessage().contains(QStringLiteral("fsat")), qPrintable(editor()->errorMessage()));
        const QString console = window_->panels().console->lastLine();
        QVERIFY2(console.contains(QStringLiteral("3:6")), qPrintable(console));
        // The old pattern is still the one playing.
        QCOMPARE(QString::fromStdString(engine().channelCode()[0]), QStringLiteral("d1 $ s \"bd*4\""));
        QVERIFY(startsWithin(1, 3000));
        // Fixing it clears the mark.
        c = editor()->textCursor();
        c.movePosition(QTextCursor::End);
        editor()->setTextCursor(c);
        editor()->setPlainText(QStringLiteral("d1 $ s \"bd*4\"\n\nd1 $ fast 2 $ s \"sn*8\""));
        c.movePosition(QTextCursor::End);
        editor()->setTextCursor(c);
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!editor()->hasError());
    }

    void aBareStringIsAnErrorNotASilencedD1() {
        editor()->setPlainText(QStringLiteral("d1 $ s \"bd*4\""));
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
        editor()->setPlainText(QStringLiteral("d1 $ s\n  \"bd*2 sn\""));
        QTextCursor c = editor()->textCursor();
        c.movePosition(QTextCursor::End);
        editor()->setTextCursor(c);
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ShiftModifier);  // only the second line
        QVERIFY(editor()->hasError());
        QVERIFY2(editor()->errorMessage().contains(QStringLiteral("nothing to play")), qPrintable(editor()->errorMessage()));
        QCOMPARE(QString::fromStdString(engine().channelCode()[0]), QStringLiteral("d1 $ s \"bd*4\""));
        QVERIFY(startsWithin(1, 3000));
        // A bare control pattern plays on d1, as seiche-cli play does, and is shown there.
        editor()->setPlainText(QStringLiteral("s \"hh*4\""));
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(QString::fromStdString(engine().channelCode()[0]), QStringLiteral("s \"hh*4\""));
    }

    void theMuteSwitchIsAStatementThatIsJournaled() {
        editor()->setPlainText(QStringLiteral("d3 $ s \"bd*8\""));
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(startsWithin(3, 3000));
        window_->panels().channels->muteButton(3)->click();
        QVERIFY(engine().muted(3));
        QTest::qWait(150);
        QCOMPARE(playedOn(3, 1000), 0);
        window_->stage().keeper().flush();
        const auto plan = seiche::session::Journal::unfinished(window_->stage().keeper().databasePath().toStdString());
        // This very session is the unfinished one as seen from outside: its plan keeps d3 muted.
        QVERIFY(plan && plan->has_value());
        QVERIFY(std::find((*plan)->evaluations.begin(), (*plan)->evaluations.end(), "mute 3") != (*plan)->evaluations.end());
        window_->panels().channels->muteButton(3)->click();
        QVERIFY(!engine().muted(3));
        QVERIFY(startsWithin(3, 3000));
    }

    void nothingTypedStopsTheMusic() {
        // A performer's worst minute: 300 evaluations of fragments, typos and nonsense,
        // as key presses. d1 must play on, and the app must answer every one.
        editor()->setPlainText(QStringLiteral("d1 $ s \"bd*4\""));
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
        const QStringList pieces{QStringLiteral("d1 $"),    QStringLiteral("s \""),     QStringLiteral("\"bd*"),
                                 QStringLiteral("[~ sn"),   QStringLiteral("# speed"),   QStringLiteral("(fast"),
                                 QStringLiteral("<0 1>"),   QStringLiteral("1e9"),       QStringLiteral("$ every"),
                                 QStringLiteral("{- "),     QStringLiteral("-- "),       QStringLiteral("\\"),
                                 QStringLiteral("jux rev"), QStringLiteral("\u00e9\U0001F3B5"), QStringLiteral("d17 $"),
                                 QStringLiteral("hush"),    QStringLiteral("once"),      QStringLiteral(")")};
        QRandomGenerator random(20261122);
        int errors = 0;
        for (int i = 0; i < 300; ++i) {
            QString code = QStringLiteral("d2 $ ");
            for (int n = 1 + random.bounded(6); n > 0; --n) code += pieces[random.bounded(pieces.size())] + QLatin1Char(' ');
            code.replace(QStringLiteral("hush"), QStringLiteral("hash"));  // hush would stop d1 on purpose
            editor()->setPlainText(code);
            editor()->moveCursor(QTextCursor::End);
            QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
            errors += editor()->hasError();
        }
        QVERIFY2(errors > 200, qPrintable(QString::number(errors)));  // nonsense was refused, with marks
        QCOMPARE(QString::fromStdString(engine().channelCode()[0]), QStringLiteral("d1 $ s \"bd*4\""));
        QVERIFY(startsWithin(1, 3000));
    }

    void theSoundingAtomsLightUp() {
        editor()->setPlainText(QStringLiteral("d1 $ s \"bd sn\" # n \"<0 1>\""));
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
        // Each lit range is a word inside the mini-notation strings, never anything else.
        const QSet<QString> lit = litUntil({QStringLiteral("bd"), QStringLiteral("sn")});
        QVERIFY(lit.contains(QStringLiteral("bd")) && lit.contains(QStringLiteral("sn")));
        for (const QString& word : lit)
            QVERIFY2((QSet<QString>{QStringLiteral("bd"), QStringLiteral("sn"), QStringLiteral("0"), QStringLiteral("1")}).contains(word),
                     qPrintable(word));
        // A later edit above the code moves the marks with their text.
        QTextCursor c(editor()->document());
        c.insertText(QStringLiteral("-- a comment\n"));
        const QSet<QString> moved = litUntil({QStringLiteral("bd")});
        QVERIFY(moved.contains(QStringLiteral("bd")));
        QVERIFY(!moved.contains(QStringLiteral("d1")));
        QTRY_VERIFY_WITH_TIMEOUT(window_->panels().channels->light(1) > 0, 3000);
    }

    void marksLandRightAfterCharactersOutsideAscii() {
        // An emoji is one column to the parser and two UTF-16 units to the document.
        editor()->setPlainText(QStringLiteral("{- \U0001F3B5 caf\u00e9 -} d1 $ s \"bd sn\""));
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
        const QSet<QString> lit = litUntil({QStringLiteral("bd"), QStringLiteral("sn")});
        QVERIFY(lit.contains(QStringLiteral("bd")) && lit.contains(QStringLiteral("sn")));
        QCOMPARE(lit, (QSet<QString>{QStringLiteral("bd"), QStringLiteral("sn")}));
        // And an error after them is marked at its word.
        editor()->setPlainText(QStringLiteral("{- \U0001F3B5 -} d1 $ fsat 2 $ s \"bd\""));
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(editor()->hasError());
        bool underlined = false;
        for (const auto& sel : editor()->extraSelections())
            if (sel.format.underlineStyle() == QTextCharFormat::WaveUnderline) underlined |= sel.cursor.selectedText() == QStringLiteral("fsat");
        QVERIFY(underlined);
    }

    void toggleCommentAddsAndRemoves() {
        editor()->setPlainText(QStringLiteral("d1 $ s \"bd\"\n  # speed 2"));
        editor()->selectAll();
        QTest::keyClick(editor(), Qt::Key_Slash, Qt::ControlModifier);
        QCOMPARE(editor()->toPlainText(), QStringLiteral("-- d1 $ s \"bd\"\n  -- # speed 2"));
        QTest::keyClick(editor(), Qt::Key_Slash, Qt::ControlModifier);
        QCOMPARE(editor()->toPlainText(), QStringLiteral("d1 $ s \"bd\"\n  # speed 2"));
    }

    void returnKeepsIndentAndIndentsAfterDollar() {
        testing::type(editor(), QStringLiteral("d1 $\ns \"bd\""));
        QCOMPARE(editor()->toPlainText(), QStringLiteral("d1 $\n  s \"bd\""));
    }

    void completionOffersFunctionsAndSounds() {
        testing::type(editor(), QStringLiteral("d1 $ jux"));
        auto* completer = editor()->findChild<QCompleter*>();
        QVERIFY(completer);
        QTRY_VERIFY(completer->popup()->isVisible());
        QCOMPARE(completer->currentCompletion(), QStringLiteral("jux"));
        QTest::keyClick(completer->popup(), Qt::Key_Escape);
        QTest::keyClick(editor(), Qt::Key_Space, Qt::ControlModifier);  // explicit: any prefix
        editor()->setPlainText(QStringLiteral("superp"));
        editor()->moveCursor(QTextCursor::End);
        editor()->showCompletions();
        QTRY_COMPARE(completer->currentCompletion(), QStringLiteral("superpiano"));
    }

    void bracketsAreMatched() {
        editor()->setPlainText(QStringLiteral("d1 $ (fast 2 $ s \"[bd sn]\")"));
        QTextCursor c = editor()->textCursor();
        c.setPosition(5);  // before '('
        editor()->setTextCursor(c);
        int brackets = 0;
        for (const auto& s : editor()->extraSelections())
            if (s.cursor.selectedText() == QStringLiteral("(") || s.cursor.selectedText() == QStringLiteral(")")) ++brackets;
        QCOMPARE(brackets, 2);
    }

    void findAndReplaceAll() {
        editor()->setPlainText(QStringLiteral("d1 $ s \"bd sn bd\" # speed 1\nd2 $ s \"bd\""));
        QTest::keyClick(editor(), Qt::Key_H, Qt::ControlModifier);
        FindBar* bar = window_->panels().find;
        QVERIFY(bar->isVisible());
        bar->findField()->setText(QStringLiteral("bd"));
        bar->replaceField()->setText(QStringLiteral("kick"));
        QCOMPARE(bar->replaceAll(), 3);
        QCOMPARE(editor()->toPlainText(), QStringLiteral("d1 $ s \"kick sn kick\" # speed 1\nd2 $ s \"kick\""));
        editor()->undo();  // one step undoes them all
        QCOMPARE(editor()->toPlainText(), QStringLiteral("d1 $ s \"bd sn bd\" # speed 1\nd2 $ s \"bd\""));
    }

    void zoomChangesTheFont() {
        const int before = editor()->fontPointSize();
        QTest::keyClick(editor(), Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(editor()->fontPointSize(), before + 1);
        QTest::keyClick(editor(), Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(editor()->fontPointSize(), before);
    }

    void referenceInsertsAnExample() {
        ReferencePanel* reference = window_->panels().reference;
        reference->search(QStringLiteral("jux"));
        QVERIFY(reference->currentExample().contains(QStringLiteral("jux")));
        editor()->setPlainText(QString());
        Q_EMIT reference->insertRequested(reference->currentExample());
        QVERIFY(editor()->toPlainText().contains(reference->currentExample()));
        // Heard once: it plays (as `once`, channel 0) and no channel is taken.
        const int64_t from = engine().snapshot().frame;
        Q_EMIT reference->auditionRequested(reference->currentExample());
        QVERIFY(engine().playingChannels().empty());
        std::vector<seiche::audio::PlayedEvent> played;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     played.clear();
                                     engine().playedBetween(from, engine().snapshot().frame + 48000, played);
                                     return std::any_of(played.begin(), played.end(), [](const auto& e) { return e.channel == 0; });
                                 }()),
                                 5000);
    }

    void hoverShowsHelpWithAnExample() {
        editor()->setPlainText(QStringLiteral("d1 $ jux rev $ s \"bd\""));
        QTextCursor c = editor()->textCursor();
        c.setPosition(6);  // inside "jux"
        const QRect r = editor()->cursorRect(c);
        const QPoint at = r.center() + QPoint(editor()->viewport()->x(), 0);
        QHelpEvent help(QEvent::ToolTip, at, editor()->mapToGlobal(at));
        QApplication::sendEvent(editor(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(QStringLiteral("jux rev $ s")), qPrintable(QToolTip::text()));
        QVERIFY(QToolTip::text().contains(QStringLiteral("Pattern ValueMap")));
        QToolTip::hideText();
    }

    void stageModeFillsTheScreenAndComesBack() {
        const int before = editor()->fontPointSize();
        QVERIFY(window_->stage().run(QStringLiteral("stage-mode")));
        QVERIFY(window_->stage().stageMode());
        QVERIFY(window_->isFullScreen());
        QVERIFY(editor()->fontPointSize() > before);
        QVERIFY(!window_->panels().console->isVisible());
        QVERIFY(window_->stage().run(QStringLiteral("stage-mode")));
        QVERIFY(!window_->isFullScreen());
        QCOMPARE(editor()->fontPointSize(), before);
        QVERIFY(window_->panels().console->isVisible());
    }

    void sonicPiKeysRunTheBuffer() {
        AppSettings s = window_->stage().settings();
        s.keymap = QStringLiteral("sonic-pi");
        QCOMPARE(window_->stage().applySettings(s), QString());
        editor()->setPlainText(QStringLiteral("d4 $ s \"bd\"\n\nd5 $ s \"sn\""));
        QTest::keyClick(editor(), Qt::Key_R, Qt::AltModifier);
        QCOMPARE(engine().playingChannels(), (std::vector<int>{4, 5}));
        QTest::keyClick(editor(), Qt::Key_S, Qt::AltModifier);
        QVERIFY(engine().playingChannels().empty());
        s.keymap = QStringLiteral("tidal");
        window_->stage().applySettings(s);
    }

    void aUserKeymapOverridesItsBase() {
        const QString file = Keymap::userFile();
        QDir().mkpath(QFileInfo(file).absolutePath());
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"name": "mine", "base": "tidal", "bindings": {"hush": ["F12"]}})");
        f.close();
        QString error;
        const Keymap map = Keymap::load(QStringLiteral("user"), &error);
        QCOMPARE(error, QString());
        QCOMPARE(map.commandFor(QKeySequence(Qt::Key_F12)), QStringLiteral("hush"));
        QCOMPARE(map.commandFor(QKeySequence(QStringLiteral("Ctrl+."))), QString());
        QCOMPARE(map.commandFor(QKeySequence(QStringLiteral("Ctrl+Return"))), QStringLiteral("evaluate-block"));
        // A broken file says where, and the Tidal keys still work.
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"bindings\": {");
        f.close();
        const Keymap fallback = Keymap::load(QStringLiteral("user"), &error);
        QVERIFY(error.contains(QStringLiteral("at byte")));
        QCOMPARE(fallback.commandFor(QKeySequence(QStringLiteral("Ctrl+."))), QStringLiteral("hush"));
    }
};

QTEST_MAIN(EditorTest)
#include "editor_test.moc"
