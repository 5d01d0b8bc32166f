#include "settings/app_settings.hpp"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace seiche::ui {

QFont AppSettings::font() const {
    QFont f(fontFamily, fontSize);
    f.setStyleHint(QFont::Monospace);
    f.setFixedPitch(true);
    return f;
}

QString AppSettings::file() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/seiche/seiche.ini");
}

AppSettings AppSettings::load() {
    AppSettings s;
    QSettings ini(file(), QSettings::IniFormat);
    const QString api = ini.value(QStringLiteral("audio/api")).toString();
    if (auto parsed = audio::parseApi(api.toStdString())) s.audio.api = parsed;
    if (ini.contains(QStringLiteral("audio/device"))) s.audio.device = ini.value(QStringLiteral("audio/device")).toInt();
    s.audio.sampleRate = ini.value(QStringLiteral("audio/sampleRate"), s.audio.sampleRate).toUInt();
    s.audio.bufferFrames = ini.value(QStringLiteral("audio/bufferFrames"), s.audio.bufferFrames).toUInt();
    if (s.audio.sampleRate < 8000 || s.audio.sampleRate > 384000) s.audio.sampleRate = 48000;
    if (s.audio.bufferFrames < 16 || s.audio.bufferFrames > 8192) s.audio.bufferFrames = 256;
    s.sampleFolders = ini.value(QStringLiteral("sounds/folders")).toStringList();
    s.fontFamily = ini.value(QStringLiteral("editor/font"), s.fontFamily).toString();
    s.fontSize = std::clamp(ini.value(QStringLiteral("editor/fontSize"), s.fontSize).toInt(), 6, 96);
    s.theme = ini.value(QStringLiteral("editor/theme"), s.theme).toString();
    s.keymap = ini.value(QStringLiteral("editor/keymap"), s.keymap).toString();
    s.recordingFolder = ini.value(QStringLiteral("recording/folder")).toString();
    s.recordingFormat = ini.value(QStringLiteral("recording/format"), s.recordingFormat).toString();
    if (s.recordingFormat != QLatin1String("flac")) s.recordingFormat = QStringLiteral("wav");
    return s;
}

QString AppSettings::save() const {
    QDir().mkpath(QFileInfo(file()).absolutePath());
    QSettings ini(file(), QSettings::IniFormat);
    if (audio.api) ini.setValue(QStringLiteral("audio/api"), QString::fromLatin1(audio::apiName(*audio.api)));
    else ini.remove(QStringLiteral("audio/api"));
    if (audio.device) ini.setValue(QStringLiteral("audio/device"), *audio.device);
    else ini.remove(QStringLiteral("audio/device"));
    ini.setValue(QStringLiteral("audio/sampleRate"), audio.sampleRate);
    ini.setValue(QStringLiteral("audio/bufferFrames"), audio.bufferFrames);
    ini.setValue(QStringLiteral("sounds/folders"), sampleFolders);
    ini.setValue(QStringLiteral("editor/font"), fontFamily);
    ini.setValue(QStringLiteral("editor/fontSize"), fontSize);
    ini.setValue(QStringLiteral("editor/theme"), theme);
    ini.setValue(QStringLiteral("editor/keymap"), keymap);
    ini.setValue(QStringLiteral("recording/folder"), recordingFolder);
    ini.setValue(QStringLiteral("recording/format"), recordingFormat);
    ini.sync();
    return ini.status() == QSettings::NoError ? QString() : QStringLiteral("cannot write %1").arg(file());
}

}  // namespace seiche::ui
