#include "session/data_dir.hpp"

#include <cstdlib>
#include <fstream>

namespace seiche::session {
namespace {

std::string environmentValue(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

}  // namespace

DataDirEnvironment DataDirEnvironment::fromProcess() {
    return {environmentValue("SEICHE_DATA_DIR"), environmentValue("XDG_CONFIG_HOME"), environmentValue("XDG_DATA_HOME"),
            environmentValue("HOME")};
}

std::filesystem::path settingsFilePath(const DataDirEnvironment& environment) {
    // The XDG spec says a relative $XDG_* value is invalid and must be ignored.
    if (!environment.xdgConfigHome.empty() && environment.xdgConfigHome.front() == '/')
        return std::filesystem::path(environment.xdgConfigHome) / "seiche" / "settings.conf";
    return std::filesystem::path(environment.home) / ".config" / "seiche" / "settings.conf";
}

std::optional<std::string> readSetting(const std::filesystem::path& settingsFile, const std::string& key) {
    std::ifstream in(settingsFile);
    std::string line;
    std::optional<std::string> found;
    while (std::getline(in, line)) {
        line = trimmed(line);
        if (line.empty() || line.front() == '#') continue;
        const auto equals = line.find('=');
        if (equals == std::string::npos) continue;
        if (trimmed(line.substr(0, equals)) == key) found = trimmed(line.substr(equals + 1));  // the last one wins
    }
    if (found && found->empty()) return std::nullopt;
    return found;
}

std::filesystem::path resolveDataDir(const std::optional<std::string>& flag, const DataDirEnvironment& environment) {
    if (flag && !flag->empty()) return *flag;
    if (!environment.seicheDataDir.empty()) return environment.seicheDataDir;
    if (auto fromFile = readSetting(settingsFilePath(environment), "SEICHE_DATA_DIR")) return *fromFile;
    if (!environment.xdgDataHome.empty() && environment.xdgDataHome.front() == '/')
        return std::filesystem::path(environment.xdgDataHome) / "seiche";
    return std::filesystem::path(environment.home) / ".local" / "share" / "seiche";
}

}  // namespace seiche::session
