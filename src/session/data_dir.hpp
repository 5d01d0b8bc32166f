#pragma once
// Where Seiche keeps its database, downloads and models (SEICHE_DATA_DIR).
// Resolved as every setting is: command-line flag, environment variable, the
// settings file in the XDG config directory, then the XDG data default.
#include <filesystem>
#include <optional>
#include <string>

namespace seiche::session {

struct DataDirEnvironment {
    std::string seicheDataDir;  // $SEICHE_DATA_DIR
    std::string xdgConfigHome;  // $XDG_CONFIG_HOME
    std::string xdgDataHome;    // $XDG_DATA_HOME
    std::string home;           // $HOME

    static DataDirEnvironment fromProcess();
};

// The settings file: $XDG_CONFIG_HOME/seiche/settings.conf, else ~/.config/seiche/settings.conf.
std::filesystem::path settingsFilePath(const DataDirEnvironment& environment);

// A KEY=VALUE line of a settings file ('#' starts a comment line); empty when absent.
std::optional<std::string> readSetting(const std::filesystem::path& settingsFile, const std::string& key);

std::filesystem::path resolveDataDir(const std::optional<std::string>& flag, const DataDirEnvironment& environment);

// The store's file inside the data directory.
inline std::filesystem::path databasePath(const std::filesystem::path& dataDir) { return dataDir / "seiche.db"; }

}  // namespace seiche::session
