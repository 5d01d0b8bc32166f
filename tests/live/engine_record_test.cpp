// Live recording from the running engine: exactly the frames the clock played, read
// back from the file; every failure visible at once (at startRecording, or in
// recordingStatus() as soon as a write fails or the disk falls behind), with the file
// written so far finished.
#include <gtest/gtest.h>
#include <sndfile.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "audio/engine/audio_thread.hpp"
#include "audio/engine/builtin_kit.hpp"
#include "audio/engine/live_engine.hpp"
#include "audio/engine/offline_renderer.hpp"
#include "audio/engine/recorder.hpp"
#include "audio/sample_bank.hpp"
#include "live/live_support.hpp"
#include "pattern/lang/program.hpp"

using namespace seiche;
using namespace seiche::audio;
namespace fs = std::filesystem;

namespace {

constexpr const char* kCode = "d1 $ s \"bd*4 hh*8\" # gain 1.1";

struct Contents {
    bool ok = false;
    int64_t frames = 0;
    int rate = 0, channels = 0, format = 0;
    std::vector<float> samples;  // interleaved
    float peak() const {
        float p = 0;
        for (float x : samples) p = std::max(p, std::abs(x));
        return p;
    }
};

Contents readBack(const fs::path& path) {
    Contents c;
    SF_INFO info{};
    SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
    if (!f) return c;
    c.ok = true;
    c.frames = info.frames;
    c.rate = info.samplerate;
    c.channels = info.channels;
    c.format = info.format;
    c.samples.resize(static_cast<size_t>(info.frames * info.channels));
    c.frames = sf_readf_float(f, c.samples.data(), info.frames);
    sf_close(f);
    return c;
}

class LiveRecord : public ::testing::Test {
protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("seiche-live-record-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir);
        registerBuiltinKit(bank);
        config.lookaheadSeconds = 0.5;  // the scheduler is never late, even on a busy machine
        auto compiled = lang::compile(kCode);
        ASSERT_TRUE(compiled);
        program = *compiled.value;
        allocationsBefore = audioCallbackAllocations();
    }
    void TearDown() override {
        EXPECT_EQ(audioCallbackAllocations(), allocationsBefore) << "the audio thread allocated";
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
    bool playFor(LiveEngine& engine, double seconds) {
        const int64_t until = engine.currentFrame() + static_cast<int64_t>(seconds * config.sampleRate);
        return eventually([&] { return engine.currentFrame() >= until; });
    }

    fs::path dir;
    SampleBank bank;
    LiveEngineConfig config;
    lang::Program program;
    long allocationsBefore = 0;
};

}  // namespace

TEST_F(LiveRecord, TheFileHoldsExactlyTheFramesPlayed) {
    LiveEngine engine(bank, config);
    engine.evaluate(program);
    const fs::path path = dir / "take.wav";
    ASSERT_EQ(engine.startRecording(path.string()), "");
    EXPECT_TRUE(engine.recordingStatus().active);
    EXPECT_EQ(engine.recordingStatus().path, path.string());
    ASSERT_TRUE(engine.start(nullptr));
    ASSERT_TRUE(playFor(engine, 1.5));
    engine.stop();  // finishes the recording
    const RecordingStatus status = engine.recordingStatus();
    EXPECT_FALSE(status.active);
    EXPECT_FALSE(status.failed) << status.error;
    EXPECT_EQ(status.frames, engine.currentFrame()) << "recording began before the clock: every frame is in it";

    const Contents take = readBack(path);
    ASSERT_TRUE(take.ok) << sf_strerror(nullptr);
    EXPECT_EQ(take.frames, status.frames);
    EXPECT_EQ(take.rate, 48000);
    EXPECT_EQ(take.channels, 2);
    EXPECT_EQ(take.format, SF_FORMAT_WAV | SF_FORMAT_PCM_24) << "a short take is a plain WAV";
    EXPECT_GT(take.peak(), 0.3f);
    EXPECT_LE(take.peak(), 0.97f);

    // The same music rendered offline: the live output is the render delayed by the
    // limiter's look-ahead (which the renderer compensates), sample for sample.
    RenderOptions options;
    options.blockSize = config.silentBlockFrames;
    options.seconds = static_cast<double>(take.frames) / 48000.0;
    options.out = dir / "render.wav";
    const RenderReport rendered = renderToFile(program, bank, options);
    ASSERT_TRUE(rendered.ok) << rendered.error;
    const Contents reference = readBack(options.out);
    const auto latency = static_cast<size_t>(engine.latencyFrames());
    ASSERT_GT(latency, 0u);
    for (size_t i = 0; i < 2 * latency; ++i) ASSERT_EQ(take.samples[i], 0.0f) << "the look-ahead's silence";
    if (engine.stats().lateEvents != 0) GTEST_SKIP() << "late events on a busy machine: no exact comparison";
    const size_t compared = take.samples.size() - 2 * latency;
    ASSERT_TRUE(std::equal(take.samples.begin() + static_cast<long>(2 * latency), take.samples.end(),
                           reference.samples.begin(), reference.samples.begin() + static_cast<long>(compared)))
        << "the recording is the performance, frame for frame";
}

TEST_F(LiveRecord, FlacMidPerformanceAndAgain) {
    LiveEngine engine(bank, config);
    engine.evaluate(program);
    ASSERT_TRUE(engine.start(nullptr));
    ASSERT_TRUE(playFor(engine, 0.2));
    for (const char* name : {"first.flac", "second.FLAC"}) {
        const fs::path path = dir / name;
        ASSERT_EQ(engine.startRecording(path.string()), "");
        EXPECT_NE(engine.startRecording((dir / "other.wav").string()), "") << "one recording at a time";
        ASSERT_TRUE(playFor(engine, 1.0));
        engine.stopRecording();
        const RecordingStatus status = engine.recordingStatus();
        EXPECT_FALSE(status.active);
        EXPECT_FALSE(status.failed) << status.error;
        EXPECT_GE(status.frames, 48000);
        const Contents take = readBack(path);
        ASSERT_TRUE(take.ok);
        EXPECT_EQ(take.frames, status.frames);
        EXPECT_EQ(take.format, SF_FORMAT_FLAC | SF_FORMAT_PCM_24);
        EXPECT_GT(take.peak(), 0.3f);
    }
    engine.stopRecording();  // not recording: nothing happens
    EXPECT_TRUE(engine.running());
}

TEST_F(LiveRecord, APathThatCannotBeWrittenFailsAtOnce) {
    LiveEngine engine(bank, config);
    ASSERT_TRUE(engine.start(nullptr));
    const std::string missing = engine.startRecording((dir / "no-such-folder" / "take.wav").string());
    EXPECT_NE(missing.find("cannot write"), std::string::npos) << missing;
    EXPECT_EQ(missing.find('\n'), std::string::npos) << "one line";
    const std::string mp3 = engine.startRecording((dir / "take.mp3").string());
    EXPECT_NE(mp3.find(".wav or .flac"), std::string::npos) << mp3;
    fs::create_directories(dir / "folder.wav");
    EXPECT_NE(engine.startRecording((dir / "folder.wav").string()), "");
    EXPECT_FALSE(engine.recordingStatus().active);
    EXPECT_FALSE(fs::exists(dir / "take.mp3"));
}

TEST_F(LiveRecord, AFullDiskFailsTheRecordingAtOnceAndTheMusicGoesOn) {
    if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
    LiveEngine engine(bank, config);
    engine.evaluate(program);
    ASSERT_TRUE(engine.start(nullptr));
    // A WAV header is written at once: a full disk fails startRecording itself.
    fs::create_symlink("/dev/full", dir / "full.wav");
    const std::string wav = engine.startRecording((dir / "full.wav").string());
    EXPECT_NE(wav.find("No space left"), std::string::npos) << wav;
    // FLAC writes its header with the first frames: the writer thread finds out.
    fs::create_symlink("/dev/full", dir / "full.flac");
    const std::string flac = engine.startRecording((dir / "full.flac").string());
    if (flac.empty()) {
        ASSERT_TRUE(eventually([&] { return engine.recordingStatus().failed; })) << "the failure never showed";
        ASSERT_TRUE(eventually([&] { return !engine.recordingStatus().active; })) << "it did not stop by itself";
        const RecordingStatus status = engine.recordingStatus();
        EXPECT_NE(status.error.find("writing"), std::string::npos) << status.error;
        EXPECT_EQ(status.path, (dir / "full.flac").string());
    }
    const int64_t frame = engine.currentFrame();
    EXPECT_TRUE(playFor(engine, 0.1)) << "the clock goes on";
    EXPECT_GT(engine.currentFrame(), frame);
    // And the next recording, to a disk with room, works.
    ASSERT_EQ(engine.startRecording((dir / "after.wav").string()), "");
    ASSERT_TRUE(playFor(engine, 0.3));
    engine.stopRecording();
    EXPECT_FALSE(engine.recordingStatus().failed) << engine.recordingStatus().error;
    EXPECT_EQ(readBack(dir / "after.wav").frames, engine.recordingStatus().frames);
}

TEST_F(LiveRecord, ADiskThatCannotKeepUpIsAFailureNotAGap) {
    // Blocks arrive far faster than real time into a ring of 0.1 s: the writer, which looks
    // every 20 ms, cannot keep up, as a slow disk would not.
    Recorder recorder(48000, 0.1);
    const fs::path path = dir / "slow.wav";
    ASSERT_EQ(recorder.start(path.string()), "");
    std::vector<float> left(128, 0.25f), right(128, -0.25f);
    int64_t pushed = 0;
    ASSERT_TRUE(eventually([&] {
        for (int i = 0; i < 100; ++i) {
            audio_thread::CallbackScope inCallback;
            recorder.write(left.data(), right.data(), 128);
        }
        pushed += 100 * 128;
        return recorder.status().failed;
    })) << "frames were lost without a failure";
    RecordingStatus status = recorder.status();
    EXPECT_NE(status.error.find("the disk could not keep up"), std::string::npos) << status.error;
    EXPECT_NE(status.error.find("frames lost"), std::string::npos) << status.error;
    ASSERT_TRUE(eventually([&] { return !recorder.status().active; })) << "it stops by itself";
    status = recorder.status();
    EXPECT_TRUE(status.failed);
    EXPECT_LT(status.frames, pushed);
    const Contents take = readBack(path);
    ASSERT_TRUE(take.ok) << "the file so far is finished";
    EXPECT_EQ(take.frames, status.frames) << "and holds what came before the loss, no more";
    EXPECT_GT(take.frames, 0);
    recorder.stop();  // after a failure: nothing to do
    EXPECT_EQ(recorder.start((dir / "again.wav").string()), "") << "a new recording may start";
    recorder.stop();
    EXPECT_FALSE(recorder.status().failed);
}
