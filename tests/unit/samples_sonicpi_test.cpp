// The real thing: Debian's sonic-pi-samples (/usr/share/sonic-pi/samples, 165 FLAC
// files at 44.1 kHz) registered and loaded at 48 kHz, none skipped.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>

#include "audio/sample_bank.hpp"

using namespace seiche::audio;

TEST(SamplesSonicPi, TheInstalledPackageLoadsCompletely) {
    ASSERT_TRUE(findSonicPiSamples()) << "install sonic-pi-samples (scripts/test does)";
    SampleBank bank;
    const auto started = std::chrono::steady_clock::now();
    ASSERT_TRUE(bank.registerSonicPiSamples());
    bank.waitUntilIdle();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    const auto sounds = bank.sounds();
    EXPECT_GE(sounds.size(), 164u);
    for (const auto& message : bank.messages())
        if (message.kind != SampleMessage::Kind::Info) ADD_FAILURE() << message.text();
    EXPECT_EQ(bank.progress().filesSkipped, 0u);
    EXPECT_EQ(bank.progress().filesLoaded, bank.progress().filesFound);

    for (const char* name : {"bd_haus", "ambi_choir", "loop_amen", "elec_blip", "drum_snare_hard"}) {
        const Sample* s = bank.find(name);
        ASSERT_NE(s, nullptr) << name;
        EXPECT_EQ(s->name, name);
        EXPECT_EQ(s->sampleRate, 48000);
        EXPECT_TRUE(s->channels == 1 || s->channels == 2);
        EXPECT_GT(s->seconds(), 0.05) << name;
        EXPECT_EQ(bank.count(name), 1u);
    }
    // The amen break is 1.753 s long in Sonic Pi; resampling must keep that.
    EXPECT_NEAR(bank.find("loop_amen")->seconds(), 1.753, 0.01);

    std::size_t bytes = 0;
    for (const auto& s : sounds) bytes += s.bytes;
    EXPECT_EQ(bytes, bank.memoryUsed());
    std::cout << "[ info ] sonic-pi-samples: " << sounds.size() << " sounds, " << bank.memoryUsed() / (1024.0 * 1024.0)
              << " MiB of float data at 48 kHz, loaded in " << seconds << " s\n"
              << "[ info ] " << bank.messages().back().text() << "\n";
}
