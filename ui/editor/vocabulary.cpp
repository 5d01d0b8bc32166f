#include "editor/vocabulary.hpp"

#include "pattern/controls.hpp"
#include "pattern/lang/library.hpp"

namespace seiche::ui {

namespace {
QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }
}  // namespace

Vocabulary::Vocabulary() {
    const auto& library = lang::standardLibrary();
    for (const auto& name : library.names()) {
        const auto* builtin = library.find(name);
        if (!builtin) continue;
        // Operators such as `#` and `|+|` are not words one completes.
        if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) continue;
        words_[qs(name)] = WordHelp{qs(name), qs(builtin->signature), qs(builtin->doc), qs(builtin->example), false};
    }
    for (const auto& control : controlTable()) {
        auto& help = words_[qs(control.name)];
        help.name = qs(control.name);
        help.control = true;
        if (help.doc.isEmpty()) help.doc = qs(control.doc);
        if (help.signature.isEmpty())
            help.signature = QStringLiteral("Pattern %1 -> ControlPattern").arg(qs(controlTypeName(control.type)));
        if (help.example.isEmpty()) help.example = QStringLiteral("d1 $ s \"bd*4\" # %1 \"1\"").arg(help.name);
    }
}

void Vocabulary::setSoundNames(const QStringList& names) { sounds_ = names; }

const WordHelp* Vocabulary::find(const QString& word) const {
    auto it = words_.find(word);
    return it == words_.end() ? nullptr : &it->second;
}

QStringList Vocabulary::completions() const {
    QStringList all;
    all.reserve(static_cast<qsizetype>(words_.size()) + sounds_.size());
    for (const auto& [name, help] : words_) all << name;
    all << sounds_;
    all.sort();
    all.removeDuplicates();
    return all;
}

}  // namespace seiche::ui
