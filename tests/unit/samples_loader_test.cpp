// Decoding real files, written at test time with libsndfile, into engine-ready
// samples: every format, resampled to 48 kHz, with the length and the pitch kept;
// and every kind of bad file refused with a reason instead of a crash.
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <string>

#include "audio/sample_loader.hpp"
#include "samples_test_support.hpp"

using namespace seiche::audio;
using namespace seiche::audio::testing;

namespace {

constexpr double kRate = 48000;

struct FormatCase {
    const char* file;
    int format;
    int sampleRate;
    int channels;
    double lengthTolerance;  // frames at 48 kHz (libsndfile trims codec delay: Opus pre-skip, LAME gapless tag)
};

class SamplesLoaderFormats : public ::testing::TestWithParam<FormatCase> {};

LoadResult<DecodedSample> load(const std::filesystem::path& file, MemoryBudget& budget, SampleLoadSettings settings = {}) {
    settings.targetRate = kRate;
    return loadSampleFile(file, "snd", settings, budget);
}

}  // namespace

TEST_P(SamplesLoaderFormats, LengthAndPitchSurviveDecodingAndResampling) {
    const FormatCase& c = GetParam();
    TempDir dir;
    SineSpec spec;
    spec.format = c.format;
    spec.sampleRate = c.sampleRate;
    spec.channels = c.channels;
    spec.seconds = 1.0;
    spec.frequency = 440.0;
    if (!writeSine(dir / c.file, spec)) GTEST_SKIP() << "this libsndfile cannot write " << c.file;

    MemoryBudget budget(64 << 20);
    auto result = load(dir / c.file, budget);
    ASSERT_TRUE(result) << result.error;
    const Sample& s = result.value->sample;
    EXPECT_EQ(s.name, "snd");
    EXPECT_EQ(s.path, (dir / c.file).string());
    EXPECT_EQ(s.channels, c.channels);
    EXPECT_EQ(s.sampleRate, kRate);
    EXPECT_NEAR(static_cast<double>(s.frames()), kRate * spec.seconds, c.lengthTolerance);
    for (int ch = 0; ch < s.channels; ++ch) {
        const auto x = channelOf(s, ch);
        EXPECT_NEAR(zeroCrossingFrequency(x, kRate), 440.0, 0.5) << "channel " << ch;
        EXPECT_NEAR(rms(x), 0.5 / std::sqrt(2.0), 0.03) << "channel " << ch;
    }
    EXPECT_EQ(budget.reserved(), s.data.capacity() * sizeof(float));  // held until published
    EXPECT_TRUE(result.value->warnings.empty());
}

INSTANTIATE_TEST_SUITE_P(
    AllFormats, SamplesLoaderFormats,
    ::testing::Values(FormatCase{"stereo44k.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 44100, 2, 2},
                      FormatCase{"mono48k.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 48000, 1, 0},
                      FormatCase{"mono22k.aiff", SF_FORMAT_AIFF | SF_FORMAT_PCM_24, 22050, 1, 2},
                      FormatCase{"float96k.wav", SF_FORMAT_WAV | SF_FORMAT_FLOAT, 96000, 2, 2},
                      FormatCase{"vorbis44k.ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS, 44100, 1, 2},
                      FormatCase{"stereo48k.opus", SF_FORMAT_OGG | SF_FORMAT_OPUS, 48000, 2, 2},
                      FormatCase{"mono44k.mp3", SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III, 44100, 1, 2}),
    [](const auto& testCase) {
        std::string name = testCase.param.file;
        for (char& ch : name)
            if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
        return name;
    });

TEST(SamplesLoader, MoreThanTwoChannelsAreMixedToStereo) {
    TempDir dir;
    SineSpec spec;
    spec.channels = 6;
    spec.sampleRate = 48000;
    spec.seconds = 0.5;
    spec.channelGain = {1, 0, 0, 0, 0, 0};  // only front left sounds
    ASSERT_TRUE(writeSine(dir / "six.wav", spec));
    MemoryBudget budget(64 << 20);
    auto result = load(dir / "six.wav", budget);
    ASSERT_TRUE(result) << result.error;
    const Sample& s = result.value->sample;
    ASSERT_EQ(s.channels, 2);
    EXPECT_EQ(s.frames(), 24000u);
    EXPECT_NEAR(rms(channelOf(s, 0)), 0.5 / std::sqrt(2.0), 0.01);
    EXPECT_LT(rms(channelOf(s, 1)), 1e-6);

    spec.channelGain = {0, 0, 1, 0, 0, 0};  // only centre: equally on both sides
    ASSERT_TRUE(writeSine(dir / "centre.wav", spec));
    auto centre = load(dir / "centre.wav", budget);
    ASSERT_TRUE(centre) << centre.error;
    const double left = rms(channelOf(centre.value->sample, 0)), right = rms(channelOf(centre.value->sample, 1));
    EXPECT_GT(left, 0.2);
    EXPECT_NEAR(left, right, 1e-6);
}

TEST(SamplesLoader, BadFilesAreRefusedWithAReason) {
    TempDir dir;
    MemoryBudget budget(64 << 20);
    auto reasonFor = [&](const std::string& name) {
        auto result = load(dir / name, budget);
        EXPECT_FALSE(result) << name << " should not load";
        EXPECT_FALSE(result.error.empty());
        return result.error;
    };

    writeBytes(dir / "empty.wav", "");
    EXPECT_NE(reasonFor("empty.wav").find("empty"), std::string::npos);

    std::string noise(5000, '\0');
    std::mt19937 random(7);
    for (char& ch : noise) ch = static_cast<char>(random());
    writeBytes(dir / "garbage.wav", noise);
    EXPECT_NE(reasonFor("garbage.wav").find("not readable as audio"), std::string::npos);

    writeBytes(dir / "readme.flac", "This is not a FLAC file, it is a note someone saved with the wrong name.\n");
    EXPECT_NE(reasonFor("readme.flac").find("not readable as audio"), std::string::npos);

    EXPECT_NE(reasonFor("missing.wav").find("cannot read"), std::string::npos);
    std::filesystem::create_directories(dir / "folder.wav");
    EXPECT_NE(reasonFor("folder.wav").find("not a regular file"), std::string::npos);

    // Cut in half, as an interrupted download leaves them.
    SineSpec spec;
    for (const char* name : {"cut.wav", "cut.aiff", "cut.flac", "cut.ogg"}) {
        const std::string file = name;
        const std::string ext = file.substr(file.find('.'));
        spec.format = ext == ".wav"    ? (SF_FORMAT_WAV | SF_FORMAT_PCM_16)
                      : ext == ".aiff" ? (SF_FORMAT_AIFF | SF_FORMAT_PCM_16)
                      : ext == ".flac" ? (SF_FORMAT_FLAC | SF_FORMAT_PCM_16)
                                       : (SF_FORMAT_OGG | SF_FORMAT_VORBIS);
        ASSERT_TRUE(writeSine(dir / file, spec));
        std::filesystem::resize_file(dir / file, std::filesystem::file_size(dir / file) / 2);
        const std::string reason = reasonFor(file);
        EXPECT_TRUE(reason.find("truncated") != std::string::npos || reason.find("malformed") != std::string::npos)
            << file << ": " << reason;
    }

    // A header that claims 4 GiB of audio over a few bytes: refused, nothing allocated.
    spec.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    spec.seconds = 0.01;
    ASSERT_TRUE(writeSine(dir / "liar.wav", spec));
    {
        std::fstream f(dir / "liar.wav", std::ios::in | std::ios::out | std::ios::binary);
        const unsigned char huge[4] = {0xF0, 0xFF, 0xFF, 0xFF};
        f.seekp(40);  // the canonical 44-byte header: "data" at 36, its size at 40
        f.write(reinterpret_cast<const char*>(huge), 4);
    }
    const std::string liar = reasonFor("liar.wav");
    EXPECT_TRUE(liar.find("truncated") != std::string::npos || liar.find("too long") != std::string::npos) << liar;

    EXPECT_EQ(budget.used() + budget.reserved(), 0u) << "a refused file keeps no memory";
}

TEST(SamplesLoader, FilesBeyondThePerFileLimitAreRefused) {
    TempDir dir;
    SineSpec spec;
    spec.seconds = 3;
    ASSERT_TRUE(writeSine(dir / "long.wav", spec));
    MemoryBudget budget(64 << 20);
    SampleLoadSettings settings;
    settings.maxSeconds = 2;
    auto result = load(dir / "long.wav", budget, settings);
    ASSERT_FALSE(result);
    EXPECT_NE(result.error.find("too long"), std::string::npos) << result.error;
    EXPECT_NE(result.error.find("3.0 s"), std::string::npos) << result.error;
}

TEST(SamplesLoader, AFileBiggerThanTheBudgetLeftIsRefused) {
    TempDir dir;
    SineSpec spec;  // 1 s mono at 44.1 kHz -> 48000 floats = 192000 bytes at 48 kHz
    ASSERT_TRUE(writeSine(dir / "a.wav", spec));
    MemoryBudget budget(100000);
    auto result = load(dir / "a.wav", budget);
    ASSERT_FALSE(result);
    EXPECT_NE(result.error.find("memory budget"), std::string::npos) << result.error;
    EXPECT_EQ(budget.reserved(), 0u);
}

TEST(SamplesLoader, NonFiniteValuesAreSilencedWithAWarning) {
    TempDir dir;
    SF_INFO info{};
    info.samplerate = 48000;
    info.channels = 1;
    info.format = SF_FORMAT_WAV | SF_FORMAT_FLOAT;
    const auto file = dir / "nan.wav";
    SNDFILE* out = sf_open(file.c_str(), SFM_WRITE, &info);
    ASSERT_NE(out, nullptr);
    std::vector<float> data(1000, 0.25f);
    data[10] = std::numeric_limits<float>::quiet_NaN();
    data[20] = std::numeric_limits<float>::infinity();
    sf_command(out, SFC_SET_CLIPPING, nullptr, SF_FALSE);
    sf_writef_float(out, data.data(), 1000);
    sf_close(out);

    MemoryBudget budget(1 << 20);
    auto result = load(file, budget);
    ASSERT_TRUE(result) << result.error;
    for (float x : result.value->sample.data) ASSERT_TRUE(std::isfinite(x));
    EXPECT_EQ(result.value->sample.data[10], 0.0f);
    EXPECT_EQ(result.value->sample.data[11], 0.25f);
    ASSERT_EQ(result.value->warnings.size(), 1u);
    EXPECT_NE(result.value->warnings[0].find("2 non-finite"), std::string::npos) << result.value->warnings[0];
}

TEST(SamplesLoader, ConformBringsAMemorySampleToTheBankShape) {
    Sample made;
    made.channels = 4;
    made.sampleRate = 24000;
    made.data.assign(24000 * 4, 0.1f);
    MemoryBudget budget(1 << 24);
    SampleLoadSettings settings;
    auto result = conformSample(made, settings, budget);
    ASSERT_TRUE(result) << result.error;
    EXPECT_EQ(result.value->sample.channels, 2);
    EXPECT_EQ(result.value->sample.sampleRate, 48000);
    EXPECT_NEAR(static_cast<double>(result.value->sample.frames()), 48000.0, 2.0);
    EXPECT_EQ(result.value->memory.bytes(), result.value->sample.data.capacity() * sizeof(float));

    Sample ragged;
    ragged.channels = 2;
    ragged.data = {0.1f, 0.2f, 0.3f};
    EXPECT_FALSE(conformSample(ragged, settings, budget));
}

TEST(SamplesLoader, AProbeReadsTheHeaderOnlyAndPredictsTheMemory) {
    TempDir dir;
    SineSpec spec;  // 1 s stereo at 44.1 kHz
    spec.channels = 2;
    ASSERT_TRUE(writeSine(dir / "a.wav", spec));
    SampleLoadSettings settings;
    auto probe = probeSampleFile(dir / "a.wav", settings);
    ASSERT_TRUE(probe) << probe.error;
    EXPECT_TRUE(probe.value->lengthKnown);
    // 48000 frames at 48 kHz, plus the resampler's slack, two channels of float.
    EXPECT_EQ(probe.value->expectedBytes, (48000u + 64u) * 2u * sizeof(float));

    MemoryBudget budget(1 << 24);
    auto loaded = loadSampleFile(dir / "a.wav", "a", settings, budget);
    ASSERT_TRUE(loaded) << loaded.error;
    EXPECT_LE(loaded.value->memory.bytes(), probe.value->expectedBytes);
    EXPECT_EQ(loaded.value->memory.bytes(), loaded.value->sample.data.capacity() * sizeof(float));

    writeBytes(dir / "junk.wav", "RIFF....WAVEjunk");
    EXPECT_FALSE(probeSampleFile(dir / "junk.wav", settings));
}

TEST(SamplesLoader, DamagedFilesNeverCrashAndNeverLeakBudget) {
    // Valid files of several formats, then many damaged copies: bytes flipped in
    // the header or the audio, cut at random points. Each either loads as finite
    // audio or is refused with a reason; no reservation outlives its result.
    TempDir dir;
    struct Source { const char* name; int format; };
    const Source sources[] = {{"w.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16},
                              {"f.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16},
                              {"a.aiff", SF_FORMAT_AIFF | SF_FORMAT_PCM_16},
                              {"o.ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS},
                              {"m.mp3", SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III}};
    std::mt19937 random(1234);
    MemoryBudget budget(64 << 20);
    int loaded = 0, refused = 0;
    for (const auto& source : sources) {
        SineSpec spec;
        spec.format = source.format;
        spec.seconds = 0.1;
        if (!writeSine(dir / source.name, spec)) continue;
        std::ifstream in(dir / source.name, std::ios::binary);
        const std::string original((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        for (int variant = 0; variant < 40; ++variant) {
            std::string bytes = original;
            const int flips = 1 + static_cast<int>(random() % 8);
            for (int i = 0; i < flips; ++i) {
                // Half of the damage lands in the first 64 bytes, where the header is.
                const std::size_t limit = (random() % 2 == 0) ? std::min<std::size_t>(64, bytes.size()) : bytes.size();
                bytes[random() % limit] ^= static_cast<char>(1 + random() % 255);
            }
            if (variant % 3 == 0) bytes.resize(random() % bytes.size());
            const auto file = dir / ("damaged-" + std::to_string(variant) + "-" + source.name);
            writeBytes(file, bytes);
            {
                auto result = loadSampleFile(file, "d", SampleLoadSettings{}, budget);
                if (result) {
                    ++loaded;
                    const Sample& s = result.value->sample;
                    EXPECT_TRUE(s.channels == 1 || s.channels == 2);
                    for (float x : s.data) ASSERT_TRUE(std::isfinite(x)) << file;
                } else {
                    ++refused;
                    EXPECT_FALSE(result.error.empty()) << file;
                }
            }
            ASSERT_EQ(budget.reserved() + budget.used(), 0u) << file;
        }
    }
    EXPECT_GT(refused, 0);
    std::cout << "[ info ] damaged files: " << loaded << " still loaded, " << refused << " refused\n";
}
