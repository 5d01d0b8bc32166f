#include "audio/sound_folders.hpp"

#include <sndfile.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <system_error>

namespace seiche::audio {

namespace {

namespace fs = std::filesystem;

std::string lowerAscii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// Asks libsndfile which formats it reads, so a newer libsndfile's formats are
// picked up without a code change.
std::set<std::string> readableExtensions() {
    std::set<std::string> extensions = {"wav", "wave", "aif", "aiff", "aifc", "flac", "ogg", "oga", "opus",
                                        "mp3", "mp2", "mp1", "caf", "w64", "rf64", "au", "snd"};
    int count = 0;
    sf_command(nullptr, SFC_GET_FORMAT_MAJOR_COUNT, &count, sizeof count);
    for (int i = 0; i < count; ++i) {
        SF_FORMAT_INFO format{};
        format.format = i;
        if (sf_command(nullptr, SFC_GET_FORMAT_MAJOR, &format, sizeof format) == 0 && format.extension != nullptr)
            extensions.insert(lowerAscii(format.extension));
    }
    // Header-less formats can't be opened without being told their layout.
    extensions.erase("raw");
    extensions.erase("vox");
    return extensions;
}

bool isHidden(const fs::path& entry) {
    const auto name = entry.filename().string();
    return name.empty() || name.front() == '.';
}

std::string getEnv(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? std::string(value) : std::string();
}

SampleMessage folderProblem(const fs::path& folder, const std::error_code& ec) {
    return SampleMessage{SampleMessage::Kind::Skipped, folder.string(), "cannot read folder: " + ec.message()};
}

// Audio files directly inside `folder`, sorted by file name.
std::vector<fs::path> audioFilesIn(const fs::path& folder, std::vector<SampleMessage>& messages) {
    std::vector<fs::path> files;
    std::error_code ec;
    fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        messages.push_back(folderProblem(folder, ec));
        return files;
    }
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
        const fs::path& path = it->path();
        std::error_code statusError;
        if (isHidden(path) || !it->is_regular_file(statusError) || !isAudioFileName(path)) continue;
        files.push_back(path);
    }
    if (ec) messages.push_back(folderProblem(folder, ec));
    std::sort(files.begin(), files.end(),
              [](const fs::path& a, const fs::path& b) { return a.filename().string() < b.filename().string(); });
    return files;
}

}  // namespace

std::size_t SoundFolderScan::fileCount() const {
    std::size_t count = 0;
    for (const auto& sound : sounds) count += sound.files.size();
    return count;
}

bool isAudioFileName(const fs::path& file) {
    static const std::set<std::string> extensions = readableExtensions();
    auto extension = file.extension().string();
    if (extension.size() < 2) return false;
    return extensions.contains(lowerAscii(extension.substr(1)));
}

SoundFolderScan scanSoundFolder(const fs::path& root) {
    SoundFolderScan scan;
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        scan.messages.push_back(SampleMessage{SampleMessage::Kind::Skipped, root.string(),
                                              ec ? "cannot read folder: " + ec.message() : "not a folder"});
        return scan;
    }

    std::vector<fs::path> folders;
    std::map<std::string, std::vector<fs::path>> looseByStem;
    fs::directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        scan.messages.push_back(folderProblem(root, ec));
        return scan;
    }
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
        const fs::path& path = it->path();
        if (isHidden(path)) continue;
        std::error_code statusError;
        if (it->is_directory(statusError))
            folders.push_back(path);
        else if (it->is_regular_file(statusError) && isAudioFileName(path))
            looseByStem[path.stem().string()].push_back(path);
    }
    if (ec) scan.messages.push_back(folderProblem(root, ec));

    std::map<std::string, std::vector<fs::path>> byName;
    for (const auto& folder : folders) {
        auto files = audioFilesIn(folder, scan.messages);
        if (!files.empty()) byName[folder.filename().string()] = std::move(files);
    }
    for (auto& [stem, files] : looseByStem) {
        std::sort(files.begin(), files.end(),
                  [](const fs::path& a, const fs::path& b) { return a.filename().string() < b.filename().string(); });
        auto& target = byName[stem];
        target.insert(target.end(), files.begin(), files.end());
    }
    for (auto& [name, files] : byName) scan.sounds.push_back(SoundFiles{name, std::move(files)});
    return scan;
}

SoundFolderEnvironment SoundFolderEnvironment::fromProcess() {
    return SoundFolderEnvironment{getEnv("HOME"), getEnv("XDG_DATA_HOME"), getEnv("LOCALAPPDATA")};
}

std::vector<fs::path> dirtSamplesCandidates(const SoundFolderEnvironment& env) {
    const fs::path quark = fs::path("SuperCollider") / "downloaded-quarks" / "Dirt-Samples";
    std::vector<fs::path> candidates;
    if (!env.xdgDataHome.empty()) candidates.push_back(env.xdgDataHome / quark);
    if (!env.home.empty()) {
        candidates.push_back(env.home / ".local" / "share" / quark);
        candidates.push_back(env.home / "Library" / "Application Support" / quark);
    }
    if (!env.localAppData.empty()) candidates.push_back(env.localAppData / quark);
    return candidates;
}

std::vector<fs::path> findDirtSamples(const SoundFolderEnvironment& env) {
    std::vector<fs::path> found;
    std::set<fs::path> seen;  // $XDG_DATA_HOME is often ~/.local/share itself
    for (const auto& candidate : dirtSamplesCandidates(env)) {
        std::error_code ec;
        if (!fs::is_directory(candidate, ec)) continue;
        auto canonical = fs::weakly_canonical(candidate, ec);
        if (ec) canonical = candidate;
        if (seen.insert(canonical).second) found.push_back(candidate);
    }
    return found;
}

std::vector<fs::path> sonicPiSamplesCandidates() { return {"/usr/share/sonic-pi/samples", "/usr/local/share/sonic-pi/samples"}; }

std::optional<fs::path> findSonicPiSamples(const std::vector<fs::path>& candidates) {
    for (const auto& candidate : candidates) {
        std::error_code ec;
        if (fs::is_directory(candidate, ec)) return candidate;
    }
    return std::nullopt;
}

}  // namespace seiche::audio
