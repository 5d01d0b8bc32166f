#pragma once
// Keys as data: a keymap is JSON naming, for each command, the key sequences that
// run it. Presets ship in ui/resources/keymaps; the performer's own file
// (<config>/seiche/keymap.json) may name a "base" preset and override any binding.
#include <QKeySequence>
#include <QString>
#include <QStringList>

#include <map>
#include <vector>

class QKeyEvent;

namespace seiche::ui {

class Keymap {
public:
    // "tidal", "sonic-pi", or "user" (the performer's file on top of its base).
    static QStringList presetNames();
    static QString userFile();
    // Unknown names and broken files fall back to "tidal"; `error` says why.
    static Keymap load(const QString& name, QString* error = nullptr);
    static Keymap fromJson(const QByteArray& json, QString* error);

    QString name() const { return name_; }
    QString commandFor(const QKeyEvent* event) const;  // "" when the key is not bound
    QString commandFor(const QKeySequence& keys) const;
    QList<QKeySequence> keysFor(const QString& command) const;

private:
    QString name_;
    std::map<QString, QList<QKeySequence>> bindings_;
};

}  // namespace seiche::ui
