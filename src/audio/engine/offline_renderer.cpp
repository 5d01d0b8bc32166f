#include "audio/engine/offline_renderer.hpp"

#include <sndfile.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <vector>

#include "audio/engine/mixer.hpp"
#include "audio/sample_bank.hpp"

namespace seiche::audio {
namespace {

struct SoundFile {
    SNDFILE* file = nullptr;
    ~SoundFile() { if (file) sf_close(file); }
};

std::string lowerExtension(const std::filesystem::path& p) {
    std::string e = p.extension().string();
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return e;
}

}  // namespace

RenderReport renderToFile(const lang::Program& program, const SampleBank& bank, const RenderOptions& options) {
    RenderReport report;
    const std::string ext = lowerExtension(options.out);
    int format = 0;
    if (ext == ".wav") format = SF_FORMAT_WAV | SF_FORMAT_PCM_24;
    else if (ext == ".flac") format = SF_FORMAT_FLAC | SF_FORMAT_PCM_24;
    else {
        report.error = "cannot write '" + options.out.string() + "': the extension must be .wav or .flac";
        return report;
    }
    const int rate = static_cast<int>(options.sampleRate);
    if (rate < 8000 || rate > 384000) {
        report.error = "sample rate " + std::to_string(rate) + " is outside 8000..384000";
        return report;
    }

    MixerConfig config;
    config.sampleRate = rate;
    config.maxBlockSize = std::max(16, options.blockSize);
    Mixer mixer(config);
    Scheduler scheduler(mixer, bank, rate, options.cps.value_or(0.5625));
    scheduler.apply(program);

    double seconds = 0;
    if (options.seconds) seconds = *options.seconds;
    else seconds = options.cycles.value_or(4.0) / scheduler.cps();
    if (!(seconds > 0) || seconds > 24 * 3600) {
        report.error = "render length must be between 0 and 24 hours";
        return report;
    }
    const int64_t total = static_cast<int64_t>(std::llround(seconds * rate));

    SF_INFO info{};
    info.samplerate = rate;
    info.channels = 2;
    info.format = format;
    SoundFile out;
    out.file = sf_open(options.out.c_str(), SFM_WRITE, &info);
    if (!out.file) {
        report.error = "cannot write '" + options.out.string() + "': " + sf_strerror(nullptr);
        return report;
    }

    sf_command(out.file, SFC_SET_CLIPPING, nullptr, SF_TRUE);  // never wrap around on overload
    const auto started = std::chrono::steady_clock::now();
    const int block = config.maxBlockSize;
    std::vector<float> left(static_cast<size_t>(block)), right(static_cast<size_t>(block)), interleaved(static_cast<size_t>(block) * 2);
    // The limiter looks ahead, which delays everything by its latency; a file has
    // no such excuse, so render that much longer and drop the start: onsets land
    // on their exact frames.
    const int64_t skip = mixer.latencyFrames();
    // The patterns are queried ahead, not block by block: a query costs mostly per call (a
    // dense load spent a seventh of its render in queries). The scheduler keeps the triggers
    // and hands the mixer each block's own, as block-by-block queries would.
    const double ahead = std::isfinite(options.queryAheadSeconds) ? std::clamp(options.queryAheadSeconds, 0.0, 10.0) : 0.0;
    const int64_t horizon = std::llround(ahead * rate);
    int64_t queried = 0;
    for (int64_t frame = 0; frame < total + skip; frame += block) {
        const int n = static_cast<int>(std::min<int64_t>(block, total + skip - frame));
        const int64_t due = std::min(frame + n, total);  // the extra frames only flush the limiter
        if (due > queried) queried = std::min(std::max(due, frame + horizon), total);
        scheduler.fillUntil(due, queried);
        mixer.process(frame, left.data(), right.data(), n);
        const int from = static_cast<int>(std::clamp<int64_t>(skip - frame, 0, n));
        for (int i = from; i < n; ++i) {
            interleaved[static_cast<size_t>(2 * (i - from))] = left[static_cast<size_t>(i)];
            interleaved[static_cast<size_t>(2 * (i - from) + 1)] = right[static_cast<size_t>(i)];
        }
        if (n - from > 0 && sf_writef_float(out.file, interleaved.data(), n - from) != n - from) {
            report.error = "writing '" + options.out.string() + "' failed: " + sf_strerror(out.file);
            return report;
        }
    }
    if (sf_close(out.file) != 0) {
        out.file = nullptr;
        report.error = "closing '" + options.out.string() + "' failed (disk full?)";
        return report;
    }
    out.file = nullptr;
    report.renderSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    report.ok = true;
    report.frames = total;
    report.seconds = static_cast<double>(total) / rate;
    report.peak = mixer.stats().peakLevel.load();
    report.peakVoices = mixer.stats().peakVoices.load();
    report.meanVoices = static_cast<double>(mixer.stats().voiceFrames.load()) / static_cast<double>(total + skip);
    report.scheduler = scheduler.stats();
    report.lateTriggers = mixer.stats().lateTriggers.load();
    return report;
}

}  // namespace seiche::audio
