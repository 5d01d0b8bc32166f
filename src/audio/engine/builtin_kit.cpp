#include "audio/engine/builtin_kit.hpp"

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "audio/dsp/kit.hpp"
#include "audio/sample_bank.hpp"

namespace seiche::audio {

void registerBuiltinKit(SampleBank& bank) {
    struct Job {
        std::string_view name;
        int variant;
        std::vector<float> data;
    };
    std::vector<Job> jobs;
    for (std::string_view name : dsp::kitSoundNames())
        for (int i = 0; i < dsp::kitVariantCount(name); ++i) jobs.push_back({name, i, {}});

    // Each sound is synthesized on its own, so the cores share the work (it is most of
    // start-up time) and the results do not depend on which thread made them.
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t j; (j = next.fetch_add(1)) < jobs.size();)
            jobs[j].data = dsp::synthesizeKitSound(jobs[j].name, jobs[j].variant, bank.sampleRate());
    };
    const unsigned helpers = std::min<unsigned>(std::max(1u, std::thread::hardware_concurrency()), 8) - 1;
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < helpers; ++t) threads.emplace_back(work);
    work();
    for (std::thread& t : threads) t.join();

    for (size_t j = 0; j < jobs.size();) {
        const std::string_view name = jobs[j].name;
        std::vector<Sample> variants;
        for (; j < jobs.size() && jobs[j].name == name; ++j) {
            Sample s;
            s.name = std::string(name);
            s.path = "builtin:" + std::string(name) + ":" + std::to_string(jobs[j].variant);
            s.channels = 1;
            s.sampleRate = bank.sampleRate();
            s.data = std::move(jobs[j].data);
            variants.push_back(std::move(s));
        }
        bank.addSynthesized(std::string(name), std::move(variants));
    }
}

}  // namespace seiche::audio
