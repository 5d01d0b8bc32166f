#pragma once
// Which sounds a session starts with: the built-in kit always, the system's
// sample folders (Dirt-Samples, sonic-pi-samples) unless asked not to, and the
// performer's own folders. Shared by the CLI verbs and, later, the app.
#include <filesystem>
#include <vector>

namespace seiche::audio {

class SampleBank;

struct SoundSources {
    bool systemFolders = true;
    std::vector<std::filesystem::path> folders;
};

// Registers the kit at once and queues the folders on the bank's loader.
void addSoundSources(SampleBank& bank, const SoundSources& sources);

}  // namespace seiche::audio
