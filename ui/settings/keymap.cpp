#include "settings/keymap.hpp"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QStandardPaths>

#include "app/resources.hpp"

namespace seiche::ui {

namespace {

QByteArray read(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray presetJson(const QString& name) {
    ensureResources();
    return read(QStringLiteral(":/keymaps/%1.json").arg(name));
}

}  // namespace

QStringList Keymap::presetNames() { return {QStringLiteral("tidal"), QStringLiteral("sonic-pi"), QStringLiteral("user")}; }

QString Keymap::userFile() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/seiche/keymap.json");
}

Keymap Keymap::fromJson(const QByteArray& json, QString* error) {
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (error) *error = QStringLiteral("%1 at byte %2").arg(parseError.errorString()).arg(parseError.offset);
        const QByteArray tidal = presetJson(QStringLiteral("tidal"));
        // The shipped preset is the fallback; if even it cannot be read, no keys at all.
        return json == tidal ? Keymap{} : fromJson(tidal, nullptr);
    }
    const QJsonObject object = document.object();
    Keymap map;
    const QString base = object.value(QStringLiteral("base")).toString();
    if (!base.isEmpty() && base != object.value(QStringLiteral("name")).toString()) {
        if (base == QLatin1String("user") || !presetNames().contains(base)) {
            if (error) *error = QStringLiteral("unknown base keymap '%1'").arg(base);
        } else {
            map = fromJson(presetJson(base), error);
        }
    }
    map.name_ = object.value(QStringLiteral("name")).toString(QStringLiteral("user"));
    const QJsonObject bindings = object.value(QStringLiteral("bindings")).toObject();
    for (auto it = bindings.begin(); it != bindings.end(); ++it) {
        QList<QKeySequence> keys;
        const QJsonArray list = it->isArray() ? it->toArray() : QJsonArray{it.value()};
        for (const auto& entry : list) {
            QKeySequence sequence(entry.toString(), QKeySequence::PortableText);
            if (sequence.isEmpty() || sequence[0].key() == Qt::Key_unknown) {
                if (error) *error = QStringLiteral("'%1': cannot read the keys '%2'").arg(it.key(), entry.toString());
                continue;
            }
            keys << sequence;
        }
        map.bindings_[it.key()] = keys;  // replaces the base's keys for this command
    }
    return map;
}

Keymap Keymap::load(const QString& name, QString* error) {
    if (name == QLatin1String("user")) {
        const QByteArray json = read(userFile());
        if (json.isEmpty()) {
            if (error) *error = QStringLiteral("no keymap file at %1; using the Tidal keys").arg(userFile());
            return fromJson(presetJson(QStringLiteral("tidal")), nullptr);
        }
        return fromJson(json, error);
    }
    if (!presetNames().contains(name)) {
        if (error) *error = QStringLiteral("unknown keymap '%1'; using the Tidal keys").arg(name);
        return fromJson(presetJson(QStringLiteral("tidal")), nullptr);
    }
    return fromJson(presetJson(name), error);
}

QString Keymap::commandFor(const QKeySequence& keys) const {
    for (const auto& [command, sequences] : bindings_)
        for (const auto& sequence : sequences)
            if (sequence == keys) return command;
    return {};
}

QString Keymap::commandFor(const QKeyEvent* event) const {
    int key = event->key();
    if (key == Qt::Key_unknown || key == Qt::Key_Control || key == Qt::Key_Shift || key == Qt::Key_Alt ||
        key == Qt::Key_Meta)
        return {};
    // Keypad Enter arrives with KeypadModifier; bindings do not distinguish it.
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    QString command = commandFor(QKeySequence(QKeyCombination(modifiers, Qt::Key(key))));
    // Shift+= arrives as '+' with Shift on most layouts: try without Shift too.
    if (command.isEmpty() && (modifiers & Qt::ShiftModifier) && !event->text().isEmpty() && !event->text()[0].isLetter())
        command = commandFor(QKeySequence(QKeyCombination(modifiers & ~Qt::ShiftModifier, Qt::Key(key))));
    return command;
}

QList<QKeySequence> Keymap::keysFor(const QString& command) const {
    auto it = bindings_.find(command);
    return it == bindings_.end() ? QList<QKeySequence>{} : it->second;
}

}  // namespace seiche::ui
