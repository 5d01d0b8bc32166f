#pragma once
// Where sounds live on disk and how a folder of them is read, the way TidalCycles +
// SuperDirt users lay them out:
//   root/bd/BT0A0A7.wav, root/bd/BT0AAD0.wav, ...  -> sound "bd", files sorted by name
//   root/bd_haus.flac                              -> sound "bd_haus" (file stem)
// The second form is how Debian's sonic-pi-samples is installed. Only this file
// touches the directory tree; the bank decodes what it is given.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "audio/sample_message.hpp"

namespace seiche::audio {

struct SoundFiles {
    std::string name;                         // the sound name, as typed in `s`
    std::vector<std::filesystem::path> files; // in index order: `n` / `name:i` picks files[i % size]
};

struct SoundFolderScan {
    std::vector<SoundFiles> sounds;     // sorted by name
    std::vector<SampleMessage> messages; // folders that could not be read
    std::size_t fileCount() const;
};

// Reads a root folder one level deep: each sub-folder is a sound named after it,
// holding its audio files sorted by file name (byte order, as SuperDirt's pathMatch);
// each audio file directly in the root is a sound named after its stem. When a
// folder and loose files give the same name, the folder's files come first, then
// the loose ones, each group sorted. Hidden entries (".name", macOS "._x.wav") and
// files whose extension libsndfile does not read are ignored, silently: a README or
// a cover image is not an error. Never throws.
SoundFolderScan scanSoundFolder(const std::filesystem::path& root);

// True for the extensions of every format libsndfile reads (asked of libsndfile
// itself, plus the usual aliases: aif, aifc, wave, ogg, opus, mp3, ...), case-insensitive.
bool isAudioFileName(const std::filesystem::path& file);

// The parts of the environment that decide where sound folders are.
struct SoundFolderEnvironment {
    std::filesystem::path home;          // $HOME
    std::filesystem::path xdgDataHome;   // $XDG_DATA_HOME, empty if unset
    std::filesystem::path localAppData;  // %LOCALAPPDATA% (Windows), empty elsewhere
    static SoundFolderEnvironment fromProcess();
};

// Where SuperDirt's quark installs Dirt-Samples, in the order they are tried:
// $XDG_DATA_HOME/SuperCollider/..., ~/.local/share/SuperCollider/... (Linux),
// ~/Library/Application Support/SuperCollider/... (macOS), %LOCALAPPDATA%\SuperCollider\... (Windows);
// each ending in downloaded-quarks/Dirt-Samples.
std::vector<std::filesystem::path> dirtSamplesCandidates(const SoundFolderEnvironment& env);
// The candidates that exist as folders, without duplicates.
std::vector<std::filesystem::path> findDirtSamples(const SoundFolderEnvironment& env = SoundFolderEnvironment::fromProcess());

// Debian's (and Ubuntu's) sonic-pi-samples package: /usr/share/sonic-pi/samples.
std::vector<std::filesystem::path> sonicPiSamplesCandidates();
std::optional<std::filesystem::path> findSonicPiSamples(const std::vector<std::filesystem::path>& candidates = sonicPiSamplesCandidates());

}  // namespace seiche::audio
