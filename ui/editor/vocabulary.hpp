#pragma once
// The words a performer can type, with one-line help and an example: the
// language's functions and controls (from the engine's own library, so help never
// drifts from what is implemented) plus the names of the sounds that are loaded.
#include <QString>
#include <QStringList>

#include <map>

namespace seiche::ui {

struct WordHelp {
    QString name;
    QString signature;  // Haskell-style type
    QString doc;
    QString example;    // a line of code that can be evaluated as is
    bool control = false;
};

class Vocabulary {
public:
    Vocabulary();  // functions and controls
    void setSoundNames(const QStringList& names);
    const WordHelp* find(const QString& word) const;
    QStringList completions() const;  // functions, controls and sounds, sorted
    const std::map<QString, WordHelp>& entries() const { return words_; }
    const QStringList& sounds() const { return sounds_; }

private:
    std::map<QString, WordHelp> words_;
    QStringList sounds_;
};

}  // namespace seiche::ui
