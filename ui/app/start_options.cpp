#include "app/start_options.hpp"

namespace seiche::ui {

QString startHelp() {
    return QStringLiteral(
        "usage: seiche [options] [FILE...]\n"
        "\n"
        "The Seiche live-coding editor. FILEs open as buffers.\n"
        "  --demo               open the demo buffer and play it\n"
        "  --no-device          play on a silent clock, without opening an audio device\n"
        "  --kit-only           only the built-in kit and synths (no system sample folders)\n"
        "  --restore ask|yes|no what to do with a session that did not end cleanly (default: ask)\n"
        "  --database FILE      the session journal's database (default: $SEICHE_DATA_DIR/seiche.db)\n"
        "  --theme NAME         dark, light, high-contrast or one of your own, for this run\n"
        "  --screenshot PNG     start, play the demo, save the main window to PNG, then quit\n"
        "  --after-ms N         when to take the screenshot (default 1500)\n"
        "  --type-file F        type F's text into the editor as key presses, then evaluate it\n"
        "  --no-evaluate        with --type-file: type only\n"
        "  --version            print the version and exit\n"
        "  --help               this text\n");
}

StartOptions quietStartOptions(const QString& database) {
    StartOptions o;
    o.noDevice = true;
    o.kitOnly = true;
    o.restore = QStringLiteral("no");
    o.database = database;
    return o;
}

std::optional<StartOptions> parseStartOptions(const QStringList& args, QString& error) {
    StartOptions o;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        auto value = [&](QString& into) {
            if (i + 1 >= args.size()) {
                error = QStringLiteral("%1 needs a value").arg(a);
                return false;
            }
            into = args[++i];
            return true;
        };
        QString v;
        if (a == QLatin1String("--demo")) o.demo = true;
        else if (a == QLatin1String("--no-device")) o.noDevice = true;
        else if (a == QLatin1String("--kit-only")) o.kitOnly = true;
        else if (a == QLatin1String("--restore")) {
            if (!value(o.restore)) return std::nullopt;
            if (o.restore != QLatin1String("ask") && o.restore != QLatin1String("yes") && o.restore != QLatin1String("no")) {
                error = QStringLiteral("--restore takes ask, yes or no, not '%1'").arg(o.restore);
                return std::nullopt;
            }
        } else if (a == QLatin1String("--database")) {
            if (!value(o.database)) return std::nullopt;
        } else if (a == QLatin1String("--theme")) {
            if (!value(o.theme)) return std::nullopt;
        } else if (a == QLatin1String("--screenshot")) {
            if (!value(o.screenshot)) return std::nullopt;
            o.demo = true;
        } else if (a == QLatin1String("--after-ms")) {
            if (!value(v)) return std::nullopt;
            bool ok = false;
            o.afterMs = v.toInt(&ok);
            if (!ok || o.afterMs < 0 || o.afterMs > 600000) {
                error = QStringLiteral("--after-ms takes milliseconds from 0 to 600000, not '%1'").arg(v);
                return std::nullopt;
            }
        } else if (a == QLatin1String("--type-file")) {
            if (!value(o.typeFile)) return std::nullopt;
        } else if (a == QLatin1String("--no-evaluate")) {
            o.evaluateTyped = false;
        } else if (a.startsWith(QLatin1String("--"))) {
            error = QStringLiteral("unknown option %1 (see seiche --help)").arg(a);
            return std::nullopt;
        } else {
            o.files << a;
        }
    }
    return o;
}

}  // namespace seiche::ui
