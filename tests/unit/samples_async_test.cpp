// Loading in the background while the scheduler looks sounds up: lookups never
// crash or see a half-published sound, waiting works, and a bank destroyed in the
// middle of loading stops cleanly.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "audio/sample_bank.hpp"
#include "samples_test_support.hpp"

using namespace seiche::audio;
using namespace seiche::audio::testing;
namespace fs = std::filesystem;

namespace {

constexpr int kSounds = 12;
constexpr int kFilesPerSound = 4;

// kSounds folders of kFilesPerSound short 44.1 kHz files (so each is resampled).
void writeKit(const fs::path& root) {
    for (int s = 0; s < kSounds; ++s)
        for (int f = 0; f < kFilesPerSound; ++f) {
            SineSpec spec;
            spec.seconds = 0.25;
            spec.frequency = 100.0 + 50 * f;
            ASSERT_TRUE(writeSine(root / ("s" + std::to_string(s)) / ("f" + std::to_string(f) + ".wav"), spec));
        }
}

}  // namespace

TEST(SamplesAsync, LookupsDuringLoadingAreSafeAndSeeWholeSounds) {
    TempDir root;
    writeKit(root.path());
    writeBytes(root / "s0/zz_broken.wav", "broken");

    SampleBank bank;
    std::atomic<bool> done{false};
    std::atomic<long> lookups{0}, hits{0}, partial{0};
    std::thread scheduler([&] {
        // What the scheduler does: look up by name and index, read what it got.
        long i = 0;
        while (!done.load()) {
            for (int s = 0; s < kSounds; ++s) {
                const std::string name = "s" + std::to_string(s);
                const std::size_t n = bank.count(name);
                if (n != 0 && n != kFilesPerSound) partial.fetch_add(1);
                if (const Sample* sample = bank.find(name, i - 3)) {
                    if (sample->frames() == 0 || sample->sampleRate != 48000 || sample->name != name) partial.fetch_add(1);
                    volatile float touch = sample->data[sample->data.size() / 2];
                    (void)touch;
                    hits.fetch_add(1);
                }
                lookups.fetch_add(1);
            }
            (void)bank.sounds();
            ++i;
        }
    });

    const auto started = std::chrono::steady_clock::now();
    bank.loadFolderAsync(root.path());
    EXPECT_TRUE(bank.progress().busy() || bank.count("s11") == kFilesPerSound);
    ASSERT_TRUE(bank.waitUntilIdle(std::chrono::seconds(60)));
    const auto elapsed = std::chrono::steady_clock::now() - started;
    done = true;
    scheduler.join();

    EXPECT_FALSE(bank.progress().busy());
    for (int s = 0; s < kSounds; ++s) EXPECT_EQ(bank.count("s" + std::to_string(s)), static_cast<std::size_t>(kFilesPerSound));
    const auto progress = bank.progress();
    EXPECT_EQ(progress.filesFound, static_cast<std::size_t>(kSounds * kFilesPerSound + 1));
    EXPECT_EQ(progress.filesLoaded, static_cast<std::size_t>(kSounds * kFilesPerSound));
    EXPECT_EQ(progress.filesSkipped, 1u);
    EXPECT_EQ(progress.filesDone(), progress.filesFound);
    EXPECT_EQ(partial.load(), 0) << "a sound was seen half-published";
    EXPECT_GT(lookups.load(), 0);
    const auto skipped = ofKind(bank.messages(), SampleMessage::Kind::Skipped);
    ASSERT_EQ(skipped.size(), 1u);
    EXPECT_EQ(skipped[0].path, (root / "s0/zz_broken.wav").string());
    // The console's summary line for the folder.
    const auto summary = ofKind(bank.messages(), SampleMessage::Kind::Info);
    ASSERT_EQ(summary.size(), 1u);
    EXPECT_EQ(summary[0].path, root.path().string());
    EXPECT_NE(summary[0].reason.find("12 sounds, 48 files loaded"), std::string::npos) << summary[0].reason;
    EXPECT_NE(summary[0].reason.find("1 skipped"), std::string::npos) << summary[0].reason;
    std::cout << "[ info ] " << progress.filesLoaded << " files loaded in the background in "
              << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() << " ms while "
              << lookups.load() << " lookups ran (" << hits.load() << " hits)\n";
}

TEST(SamplesAsync, QueuedFoldersLoadInOrderAndWaitingWithoutWorkReturnsAtOnce) {
    SampleBank bank;
    EXPECT_TRUE(bank.waitUntilIdle(std::chrono::milliseconds(0)));
    bank.waitUntilIdle();

    TempDir first, second;
    SineSpec low, high;
    low.frequency = 200;
    low.seconds = high.seconds = 0.2;
    high.frequency = 800;
    ASSERT_TRUE(writeSine(first / "x/a.wav", low));
    ASSERT_TRUE(writeSine(second / "x/a.wav", high));
    bank.loadFolderAsync(first.path());
    bank.loadFolderAsync(second.path());
    bank.loadFolderAsync(first / "missing");
    bank.waitUntilIdle();
    ASSERT_EQ(bank.count("x"), 2u);
    EXPECT_NEAR(zeroCrossingFrequency(channelOf(*bank.find("x", 0), 0), 48000), 200, 1);
    EXPECT_NEAR(zeroCrossingFrequency(channelOf(*bank.find("x", 1), 0), 48000), 800, 1);
    const auto skipped = ofKind(bank.messages(), SampleMessage::Kind::Skipped);
    ASSERT_EQ(skipped.size(), 1u);
    EXPECT_EQ(skipped[0].path, (first / "missing").string());
    EXPECT_EQ(ofKind(bank.messages(), SampleMessage::Kind::Info).size(), 3u);  // a summary per folder

    // Queuing a folder again loads nothing twice, and says so in its summary only.
    bank.loadFolderAsync(first.path());
    bank.waitUntilIdle();
    EXPECT_EQ(bank.count("x"), 2u);
    EXPECT_EQ(ofKind(bank.messages(), SampleMessage::Kind::Skipped).size(), 1u);
    EXPECT_NE(bank.messages().back().reason.find("1 already loaded"), std::string::npos) << bank.messages().back().reason;
}

TEST(SamplesAsync, DestroyingTheBankMidLoadStopsCleanly) {
    TempDir root;
    writeKit(root.path());
    const auto started = std::chrono::steady_clock::now();
    {
        SampleBank bank;
        for (int i = 0; i < 20; ++i) bank.loadFolderAsync(root.path());  // plenty queued
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }  // must neither hang nor crash
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
}

TEST(SamplesAsync, DirtSamplesFoundInHomeAreQueued) {
    TempDir home;
    SineSpec spec;
    spec.seconds = 0.1;
    ASSERT_TRUE(writeSine(home / ".local/share/SuperCollider/downloaded-quarks/Dirt-Samples/bd/BT0A0A7.wav", spec));
    SampleBank bank;
    EXPECT_EQ(bank.registerDirtSamples(SoundFolderEnvironment{home.path(), "", ""}), 1u);
    bank.waitUntilIdle();
    EXPECT_EQ(bank.count("bd"), 1u);
}
