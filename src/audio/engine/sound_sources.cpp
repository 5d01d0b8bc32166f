#include "audio/engine/sound_sources.hpp"

#include "audio/engine/builtin_kit.hpp"
#include "audio/sample_bank.hpp"

namespace seiche::audio {

void addSoundSources(SampleBank& bank, const SoundSources& sources) {
    registerBuiltinKit(bank);
    if (sources.systemFolders) {
        bank.registerDirtSamples();
        bank.registerSonicPiSamples();
    }
    for (const auto& folder : sources.folders) bank.loadFolderAsync(folder);
}

}  // namespace seiche::audio
