// The app's command line: --version, --help, bad options, and --screenshot, which
// starts the real app, plays the demo and saves the window.
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class AppCliTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    QProcessEnvironment environment() const {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir_.path() + QStringLiteral("/config"));
        env.insert(QStringLiteral("SEICHE_DATA_DIR"), dir_.path() + QStringLiteral("/data"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return env;
    }
    int run(const QStringList& args, QByteArray* out = nullptr, QByteArray* err = nullptr) {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(SEICHE_APP), args);
        if (!p.waitForFinished(60000)) return -1;
        if (out) *out = p.readAllStandardOutput();
        if (err) *err = p.readAllStandardError();
        return p.exitCode();
    }

private Q_SLOTS:
    void versionAndHelp() {
        QByteArray out;
        QCOMPARE(run({QStringLiteral("--version")}, &out), 0);
        QVERIFY(out.startsWith("seiche " SEICHE_VERSION));
        QCOMPARE(run({QStringLiteral("--help")}, &out), 0);
        QVERIFY(out.contains("--screenshot PNG"));
    }

    void badOptionsSayWhy() {
        QByteArray err;
        QCOMPARE(run({QStringLiteral("--after-ms"), QStringLiteral("soon")}, nullptr, &err), 2);
        QVERIFY(err.contains("--after-ms takes milliseconds"));
        QCOMPARE(run({QStringLiteral("--restore"), QStringLiteral("maybe")}, nullptr, &err), 2);
        QVERIFY(err.contains("ask, yes or no"));
        QCOMPARE(run({QStringLiteral("--frobnicate")}, nullptr, &err), 2);
        QVERIFY(err.contains("unknown option --frobnicate"));
    }

    void screenshotOfThePlayingDemo() {
        const QString png = dir_.path() + QStringLiteral("/shot.png");
        QByteArray out, err;
        QCOMPARE(run({QStringLiteral("--screenshot"), png, QStringLiteral("--after-ms"), QStringLiteral("800"),
                      QStringLiteral("--no-device"), QStringLiteral("--kit-only")},
                     &out, &err),
                 0);
        QVERIFY2(out.contains("seiche: saved"), err.constData());
        QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(1280, 800));
        // Not a blank window: the dark theme's background and lit code both appear.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    }

    void aMissingFileIsReportedNotFatal() {
        const QString png = dir_.path() + QStringLiteral("/shot2.png");
        QByteArray out;
        QCOMPARE(run({QStringLiteral("--screenshot"), png, QStringLiteral("--after-ms"), QStringLiteral("300"),
                      QStringLiteral("--no-device"), QStringLiteral("--kit-only"), dir_.path() + QStringLiteral("/missing.tidal")},
                     &out),
                 0);
        QVERIFY(QFileInfo::exists(png));
    }
};

QTEST_MAIN(AppCliTest)
#include "app_cli_test.moc"
