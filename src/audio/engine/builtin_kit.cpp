#include "audio/engine/builtin_kit.hpp"

#include <string>
#include <vector>

#include "audio/dsp/kit.hpp"
#include "audio/sample_bank.hpp"

namespace seiche::audio {

void registerBuiltinKit(SampleBank& bank) {
    for (std::string_view name : dsp::kitSoundNames()) {
        std::vector<Sample> variants;
        const int count = dsp::kitVariantCount(name);
        for (int i = 0; i < count; ++i) {
            Sample s;
            s.name = std::string(name);
            s.path = "builtin:" + std::string(name) + ":" + std::to_string(i);
            s.channels = 1;
            s.sampleRate = bank.sampleRate();
            s.data = dsp::synthesizeKitSound(name, i, bank.sampleRate());
            variants.push_back(std::move(s));
        }
        bank.addSynthesized(std::string(name), std::move(variants));
    }
}

}  // namespace seiche::audio
