// seiche: the live-coding desktop app.
#include <QApplication>
#include <QElapsedTimer>
#include <cstdio>

#include "app/main_window.hpp"
#include "app/performance.hpp"
#include "app/start_options.hpp"

int main(int argc, char** argv) {
    // --version and --help need no window (nor a display).
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--version") {
            std::printf("seiche %s\n", SEICHE_VERSION);
            return 0;
        }
        if (a == "--help" || a == "-h") {
            std::fputs(seiche::ui::startHelp().toUtf8().constData(), stdout);
            return 0;
        }
    }
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("seiche"));
    QApplication::setApplicationVersion(QStringLiteral(SEICHE_VERSION));
    QString error;
    auto options = seiche::ui::parseStartOptions(QApplication::arguments().mid(1), error);
    if (!options) {
        std::fprintf(stderr, "seiche: %s\n", qPrintable(error));
        return 2;
    }
    seiche::ui::MainWindow window;
    window.show();
    const double shownMs = sinceStart.nsecsElapsed() / 1e6;
    if (qEnvironmentVariableIsSet("SEICHE_REPORT_STARTUP")) {
        // For bench/app_startup.sh: both moments, measured from main().
        QObject::connect(&window.stage().performance(), &seiche::ui::Performance::firstSound, &window, [shownMs, sinceStart] {
            std::fprintf(stderr, "seiche: window shown at %.1f ms, first sound at %.1f ms\n", shownMs,
                         sinceStart.nsecsElapsed() / 1e6);
        });
    }
    window.stage().start(*options);
    return app.exec();
}
