// The offline renderer built with baseline DSP kernels only (SEICHE_BASELINE_ONLY, see
// src/audio/dsp/kernel.hpp), for comparing files with seiche-cli's, whose kernels may run
// their x86-64-v3 copies. Usage: render_baseline SECONDS OUT.wav FILE.tidal
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "audio/engine/offline_renderer.hpp"
#include "audio/engine/sound_sources.hpp"
#include "audio/sample_bank.hpp"
#include "pattern/lang/program.hpp"

int main(int argc, char** argv) {
    using namespace seiche;
    if (argc != 4) {
        std::fputs("usage: render_baseline SECONDS OUT.wav FILE.tidal\n", stderr);
        return 2;
    }
    std::ifstream in(argv[3]);
    std::stringstream code;
    code << in.rdbuf();
    auto program = lang::compile(code.str());
    if (!in || !program) {
        std::fprintf(stderr, "render_baseline: cannot compile %s\n", argv[3]);
        return 2;
    }
    audio::SampleBank bank(audio::SampleBankOptions{});
    audio::addSoundSources(bank, audio::SoundSources{.systemFolders = false, .folders = {}});
    bank.waitUntilIdle();
    audio::RenderOptions options;
    options.seconds = std::atof(argv[1]);
    options.out = argv[2];
    const auto report = audio::renderToFile(*program.value, bank, options);
    if (!report.ok) {
        std::fprintf(stderr, "render_baseline: %s\n", report.error.c_str());
        return 1;
    }
    std::printf("%.1fx real time\n", report.seconds / report.renderSeconds);  // for A/B timing by hand
    return 0;
}
