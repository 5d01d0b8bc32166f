// The bank as the scheduler and the performer see it: names and indices as in
// Tidal (wrap-around both ways), merging of later loads, the built-in fallback,
// bad files named in messages, the memory budget, stable sample addresses.
#include <gtest/gtest.h>

#include <algorithm>

#include "audio/sample_bank.hpp"
#include "samples_test_support.hpp"

using namespace seiche::audio;
using namespace seiche::audio::testing;
namespace fs = std::filesystem;

namespace {

// Each file gets its own frequency, so a test can tell which one it got back.
void writeTone(const fs::path& file, double frequency, double seconds = 0.2, int rate = 44100) {
    SineSpec spec;
    spec.sampleRate = rate;
    spec.seconds = seconds;
    spec.frequency = frequency;
    ASSERT_TRUE(writeSine(file, spec)) << file;
}

double frequencyOf(const Sample* s) { return s == nullptr ? 0 : zeroCrossingFrequency(channelOf(*s, 0), s->sampleRate); }

bool mentions(const std::vector<SampleMessage>& messages, const fs::path& file, const std::string& words) {
    return std::any_of(messages.begin(), messages.end(), [&](const SampleMessage& m) {
        return m.kind == SampleMessage::Kind::Skipped && m.path == file.string() && m.reason.find(words) != std::string::npos &&
               m.text().find(file.filename().string()) != std::string::npos;
    });
}

}  // namespace

TEST(SamplesBank, NamesAndIndicesWorkAsInTidal) {
    TempDir root;
    // bd:0 = 200 Hz, bd:1 = 300 Hz, bd:2 = 400 Hz once sorted by file name.
    writeTone(root / "bd/c.wav", 400);
    writeTone(root / "bd/a.wav", 200);
    writeTone(root / "bd/b.wav", 300);
    writeTone(root / "bd_haus.wav", 500);

    SampleBank bank;
    const auto report = bank.loadFolder(root.path());
    EXPECT_EQ(report.filesLoaded, 4u);
    EXPECT_EQ(report.filesSkipped, 0u);
    EXPECT_EQ(report.sounds, (std::vector<std::string>{"bd", "bd_haus"}));

    ASSERT_EQ(bank.count("bd"), 3u);
    EXPECT_NEAR(frequencyOf(bank.find("bd", 0)), 200, 1);
    EXPECT_NEAR(frequencyOf(bank.find("bd", 1)), 300, 1);
    EXPECT_NEAR(frequencyOf(bank.find("bd", 2)), 400, 1);
    EXPECT_EQ(bank.find("bd"), bank.find("bd", 0));
    EXPECT_EQ(bank.find("bd", 3), bank.find("bd", 0));   // wraps
    EXPECT_EQ(bank.find("bd", 7), bank.find("bd", 1));
    EXPECT_EQ(bank.find("bd", -1), bank.find("bd", 2));  // negative wraps too
    EXPECT_EQ(bank.find("bd", -3), bank.find("bd", 0));
    EXPECT_EQ(bank.find("bd", -4), bank.find("bd", 2));
    EXPECT_NEAR(frequencyOf(bank.find("bd_haus", 12)), 500, 1);
    EXPECT_EQ(bank.find("nope", 0), nullptr);
    EXPECT_EQ(bank.count("nope"), 0u);
    EXPECT_FALSE(bank.contains("b"));  // no prefix matching

    const Sample* a = bank.find("bd", 0);
    EXPECT_EQ(a->name, "bd");
    EXPECT_EQ(a->path, (root / "bd/a.wav").string());
    EXPECT_EQ(a->sampleRate, 48000);
    EXPECT_NEAR(static_cast<double>(a->frames()), 0.2 * 48000, 2);

    const auto sounds = bank.sounds();
    ASSERT_EQ(sounds.size(), 2u);
    EXPECT_EQ(sounds[0].name, "bd");
    EXPECT_EQ(sounds[0].count, 3u);
    EXPECT_FALSE(sounds[0].builtin);
    std::size_t total = 0;
    for (const auto& s : sounds) total += s.bytes;
    EXPECT_EQ(total, bank.memoryUsed());
    EXPECT_EQ(report.bytesAdded, bank.memoryUsed());
    EXPECT_GE(bank.memoryUsed(), 4 * 9600 * sizeof(float));
}

TEST(SamplesBank, ASecondFolderAppendsAndPublishedSamplesStayPut) {
    TempDir first, second;
    writeTone(first / "bd/a.wav", 200);
    writeTone(first / "bd/b.wav", 300);
    writeTone(second / "bd/a.wav", 600);
    writeTone(second / "sn/a.wav", 700);

    SampleBank bank;
    bank.loadFolder(first.path());
    const Sample* bd0 = bank.find("bd", 0);
    const Sample* bd1 = bank.find("bd", 1);
    const std::vector<float> bd0Data = bd0->data;

    const auto report = bank.loadFolder(second.path());
    EXPECT_EQ(report.filesLoaded, 2u);
    ASSERT_EQ(bank.count("bd"), 3u);
    EXPECT_EQ(bank.find("bd", 0), bd0);  // same object, same place
    EXPECT_EQ(bank.find("bd", 1), bd1);
    EXPECT_EQ(bd0->data, bd0Data);
    EXPECT_NEAR(frequencyOf(bank.find("bd", 2)), 600, 1);
    EXPECT_NEAR(frequencyOf(bank.find("sn", 0)), 700, 1);

    // Loading the same folder again (even by another spelling of its path) adds nothing.
    const std::size_t memory = bank.memoryUsed();
    const auto again = bank.loadFolder(first.path() / "bd" / "..");
    EXPECT_EQ(again.filesLoaded, 0u);
    EXPECT_EQ(again.filesAlreadyLoaded, 2u);
    EXPECT_EQ(bank.count("bd"), 3u);
    EXPECT_EQ(bank.memoryUsed(), memory);
}

TEST(SamplesBank, BuiltinSoundsAreAFallbackThatFilesReplace) {
    SampleBank bank;
    std::vector<Sample> kit(2);
    for (std::size_t i = 0; i < kit.size(); ++i) {
        kit[i].channels = 1;
        kit[i].sampleRate = 48000;
        kit[i].data.assign(4800, 0.1f * static_cast<float>(i + 1));
    }
    const auto added = bank.addSynthesized("bd", kit);
    EXPECT_EQ(added.filesLoaded, 2u);
    ASSERT_EQ(bank.count("bd"), 2u);
    const Sample* builtin = bank.find("bd", 1);
    EXPECT_EQ(builtin->path, "builtin:bd");
    EXPECT_EQ(builtin->name, "bd");
    EXPECT_FLOAT_EQ(builtin->data[0], 0.2f);
    EXPECT_TRUE(bank.sounds().at(0).builtin);

    // A synthesized sound made at another rate is brought to the bank's.
    std::vector<Sample> other(1);
    other[0].channels = 2;
    other[0].sampleRate = 44100;
    other[0].data.assign(44100 * 2, 0.0f);
    bank.addSynthesized("pad", other);
    ASSERT_NE(bank.find("pad"), nullptr);
    EXPECT_EQ(bank.find("pad")->sampleRate, 48000);
    EXPECT_NEAR(static_cast<double>(bank.find("pad")->frames()), 48000, 2);

    // Files of the same name take over; the built-in stays alive for whoever holds it.
    TempDir root;
    writeTone(root / "bd/x.wav", 250);
    bank.loadFolder(root.path());
    ASSERT_EQ(bank.count("bd"), 1u);
    EXPECT_NEAR(frequencyOf(bank.find("bd", 5)), 250, 1);
    EXPECT_FALSE(bank.sounds().at(0).builtin);
    EXPECT_FLOAT_EQ(builtin->data[0], 0.2f);

    std::vector<Sample> broken(1);
    broken[0].channels = 0;
    const auto refused = bank.addSynthesized("broken", broken);
    EXPECT_EQ(refused.filesSkipped, 1u);
    EXPECT_FALSE(bank.contains("broken"));
}

TEST(SamplesBank, BadFilesAreSkippedAndNamedAndTheRestLoads) {
    TempDir root;
    writeTone(root / "bd/0good.wav", 200);
    writeBytes(root / "bd/1empty.wav", "");
    writeBytes(root / "bd/2garbage.wav", std::string(3000, '\x5a'));
    writeTone(root / "bd/3cut.flac", 300, 1.0);
    fs::resize_file(root / "bd/3cut.flac", fs::file_size(root / "bd/3cut.flac") / 2);
    writeTone(root / "bd/4cut.wav", 300, 1.0);
    fs::resize_file(root / "bd/4cut.wav", fs::file_size(root / "bd/4cut.wav") / 3);
    writeTone(root / "bd/5good.wav", 400);
    writeTone(root / "long.wav", 100, 2.5);

    SampleBankOptions options;
    options.maxFileSeconds = 2;
    SampleBank bank(options);
    const auto report = bank.loadFolder(root.path());
    EXPECT_EQ(report.filesLoaded, 2u);
    EXPECT_EQ(report.filesSkipped, 5u);
    ASSERT_EQ(bank.count("bd"), 2u);  // only the good ones, in order
    EXPECT_NEAR(frequencyOf(bank.find("bd", 0)), 200, 1);
    EXPECT_NEAR(frequencyOf(bank.find("bd", 1)), 400, 1);
    EXPECT_FALSE(bank.contains("long"));

    const auto messages = bank.messages();
    EXPECT_TRUE(mentions(messages, root / "bd/1empty.wav", "empty"));
    EXPECT_TRUE(mentions(messages, root / "bd/2garbage.wav", "not readable as audio"));
    EXPECT_TRUE(mentions(messages, root / "bd/3cut.flac", "truncated"));
    EXPECT_TRUE(mentions(messages, root / "bd/4cut.wav", "truncated"));
    EXPECT_TRUE(mentions(messages, root / "long.wav", "too long"));
    EXPECT_EQ(report.messages.size(), messages.size());
    EXPECT_EQ(bank.progress().filesSkipped, 5u);

    EXPECT_EQ(bank.takeMessages().size(), messages.size());
    EXPECT_TRUE(bank.messages().empty());
}

TEST(SamplesBank, TheMemoryBudgetSkipsWhatDoesNotFitInFolderOrder) {
    TempDir root;
    // Each: 1 s mono at 48 kHz = 192000 bytes of float.
    for (const char* f : {"a/1.wav", "a/2.wav", "a/3.wav", "b.wav", "c/1.wav"}) {
        SineSpec spec;
        spec.sampleRate = 48000;
        ASSERT_TRUE(writeSine(root / f, spec));
    }
    // The same files skipped however many threads decode: admission is in order.
    for (unsigned threads : {1u, 2u, 4u}) {
        SampleBankOptions options;
        options.memoryBudgetBytes = 450000;  // room for two
        options.decodeThreads = threads;
        SampleBank bank(options);
        const auto report = bank.loadFolder(root.path());
        EXPECT_EQ(report.filesLoaded, 2u) << threads << " threads";
        EXPECT_EQ(report.filesSkipped, 3u);
        EXPECT_EQ(bank.count("a"), 2u);
        EXPECT_EQ(bank.count("b"), 0u);
        EXPECT_EQ(bank.count("c"), 0u);
        EXPECT_EQ(bank.memoryUsed(), 2u * 48000u * sizeof(float));
        EXPECT_LE(bank.memoryUsed(), bank.memoryBudget());
        EXPECT_TRUE(mentions(bank.messages(), root / "a/3.wav", "memory budget"));
        EXPECT_TRUE(mentions(bank.messages(), root / "b.wav", "memory budget"));
        EXPECT_TRUE(mentions(bank.messages(), root / "c/1.wav", "memory budget"));

        // What was refused for lack of room is reported, not half-loaded; a single
        // small file still fits in what is left.
        SineSpec small;
        small.sampleRate = 48000;
        small.seconds = 0.1;
        TempDir extra;
        ASSERT_TRUE(writeSine(extra / "tiny.wav", small));
        EXPECT_EQ(bank.loadFile(extra / "tiny.wav", "tiny").filesLoaded, 1u);
        EXPECT_EQ(bank.memoryUsed(), 2u * 48000u * sizeof(float) + 4800u * sizeof(float));
    }
}

TEST(SamplesBank, LoadFileAddsOneFileUnderAGivenName) {
    TempDir dir;
    writeTone(dir / "kick one.wav", 150);
    writeBytes(dir / "bad.aiff", "not an aiff");
    SampleBank bank;
    const auto ok = bank.loadFile(dir / "kick one.wav", "kick");
    EXPECT_EQ(ok.filesLoaded, 1u);
    EXPECT_EQ(ok.sounds, std::vector<std::string>{"kick"});
    EXPECT_NEAR(frequencyOf(bank.find("kick")), 150, 1);
    const auto bad = bank.loadFile(dir / "bad.aiff", "kick");
    EXPECT_EQ(bad.filesSkipped, 1u);
    ASSERT_EQ(bad.messages.size(), 1u);
    EXPECT_NE(bad.messages[0].text().find("bad.aiff"), std::string::npos) << bad.messages[0].text();
    EXPECT_EQ(bank.count("kick"), 1u);
}

TEST(SamplesBank, TheMessageLogIsBounded) {
    TempDir root;
    for (int i = 0; i < 8; ++i) writeBytes(root / ("junk/" + std::to_string(i) + ".wav"), "junk");
    SampleBankOptions options;
    options.maxMessages = 5;
    SampleBank bank(options);
    const auto report = bank.loadFolder(root.path());
    EXPECT_EQ(report.filesSkipped, 8u);
    EXPECT_EQ(report.messages.size(), 8u);  // the caller's report is complete
    EXPECT_EQ(bank.messages().size(), 5u);
    EXPECT_EQ(bank.messagesDropped(), 3u);
}
