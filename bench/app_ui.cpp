// seiche-app-bench: the desktop app's costs on the GUI thread, on the offscreen
// platform (what Xvfb would add is the X server's own drawing, off our thread).
//   keystroke  — one typed character in the middle of a 2,000-line buffer, with the
//                repaint it causes (mean, median, 99th percentile)
//   highlight  — GUI-thread CPU while a dense pattern plays and its characters are
//                lit at 60 frames a second, as a share of one core
// Usage: seiche-app-bench [keystroke|highlight|all] [--seconds S]
#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

#include "app/main_window.hpp"
#include "app/performance.hpp"
#include "editor/code_editor.hpp"
#include "editor/editor_tabs.hpp"

using namespace seiche::ui;

namespace {

double threadCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

QString longBuffer(int lines) {
    const QStringList motifs{QStringLiteral("d1 $ every 4 (jux rev) $ s \"bd*2 [~ sn] bd [sn, hh*3]\" # n \"<0 1 2>\""),
                             QStringLiteral("  # speed (range 1 2 sine) # room 0.3 # size 0.8"),
                             QStringLiteral("d2 $ n (scale \"minor\" \"0 .. 7\" + \"<0 3>\") # s \"superpiano\" -- a comment"),
                             QString()};
    QStringList out;
    for (int i = 0; i < lines; ++i) out << motifs[i % motifs.size()];
    return out.join(QLatin1Char('\n'));
}

void keystroke(MainWindow& window) {
    CodeEditor* editor = window.panels().tabs->newBuffer(longBuffer(2000), QStringLiteral("long"));
    editor->setFocus();
    QTextCursor c(editor->document()->findBlockByNumber(1000));
    c.movePosition(QTextCursor::EndOfBlock);
    editor->setTextCursor(c);
    QApplication::processEvents();
    std::vector<double> us;
    const double cpu0 = threadCpuSeconds();
    // A performer's lines, typed one after another (Return included), in the middle of the buffer.
    const QString lines = QStringLiteral("d5 $ sometimes (# speed 2) $ s \"[bd*2, hh*4] sn:3\" # room 0.2\n"
                                         "d6 $ n \"0 [3 5] 7\" # s \"superpiano\"\n");
    for (int i = 0; i < 2000; ++i) {
        const QChar c = lines[i % lines.size()];
        const bool newline = c == QLatin1Char('\n');
        const QString text = newline ? QStringLiteral("\r") : QString(c);
        const int key = newline ? Qt::Key_Return : 0;
        QElapsedTimer t;
        t.start();
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, text), release(QEvent::KeyRelease, key, Qt::NoModifier, text);
        QApplication::sendEvent(editor, &press);
        QApplication::sendEvent(editor, &release);
        // The update the keystroke posted is painted here, as the next frame would paint it.
        QApplication::sendPostedEvents();
        QApplication::processEvents();
        us.push_back(t.nsecsElapsed() / 1e3);
    }
    const double cpuUs = (threadCpuSeconds() - cpu0) * 1e6 / static_cast<double>(us.size());
    std::sort(us.begin(), us.end());
    double sum = 0;
    for (double v : us) sum += v;
    std::printf("keystroke: 2000-line buffer, %zu keys: wall mean %.0f us, median %.0f us, p99 %.0f us, max %.0f us; "
                "GUI-thread CPU %.0f us a key\n",
                us.size(), sum / us.size(), us[us.size() / 2], us[us.size() * 99 / 100], us.back(), cpuUs);
}

void highlight(MainWindow& window, double seconds) {
    CodeEditor* editor = window.panels().tabs->newBuffer(
        QStringLiteral("d1 $ s \"[bd*4, hh*16, ~ sn ~ sn, cp*8]\" # n \"<0 1 2 3>\" # speed \"[1 2 1.5 0.5]*4\"\n"
                       "\n"
                       "d2 $ n \"0 .. 15\" # s \"superpiano\" # legato 0.2\n"
                       "\n"
                       "d3 $ fast 2 $ s \"arpy*8 [drum*3 ~ drum]\" # n (irand 8)"),
        QStringLiteral("dense"));
    window.stage().performance().evaluateIn(editor, EvaluationScope::Buffer);
    QApplication::processEvents();
    const double cpu0 = threadCpuSeconds();
    const int64_t lit0 = window.stage().performance().highlightedEvents();
    QElapsedTimer wall;
    wall.start();
    // A real event loop: it sleeps between frames as the app's does.
    QEventLoop loop;
    QTimer::singleShot(static_cast<int>(seconds * 1000), &loop, &QEventLoop::quit);
    loop.exec();
    const double cpu = threadCpuSeconds() - cpu0, elapsed = wall.elapsed() / 1000.0;
    std::printf("highlight: %.1f s of a dense pattern (3 channels), %lld lit ranges drawn: GUI thread %.1f%% of a core\n",
                elapsed, static_cast<long long>(window.stage().performance().highlightedEvents() - lit0),
                100.0 * cpu / elapsed);
}

}  // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QTemporaryDir dir;
    qputenv("XDG_CONFIG_HOME", (dir.path() + QStringLiteral("/config")).toUtf8());
    QApplication app(argc, argv);
    const QString what = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("all");
    double seconds = 10;
    for (int i = 1; i + 1 < argc; ++i)
        if (QString::fromLocal8Bit(argv[i]) == QLatin1String("--seconds")) seconds = QString::fromLocal8Bit(argv[i + 1]).toDouble();
    MainWindow window;
    window.show();
    window.stage().start(quietStartOptions(dir.path() + QStringLiteral("/bench.db")));
    QApplication::processEvents();
    if (what == QLatin1String("keystroke") || what == QLatin1String("all")) keystroke(window);
    if (what == QLatin1String("highlight") || what == QLatin1String("all")) highlight(window, seconds);
    window.stage().quit();
    return 0;
}
