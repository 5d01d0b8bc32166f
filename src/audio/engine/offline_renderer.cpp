#include "audio/engine/offline_renderer.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <vector>

#include "audio/engine/mixer.hpp"
#include "audio/engine/sound_file_writer.hpp"
#include "audio/sample_bank.hpp"

namespace seiche::audio {

RenderReport renderToFile(const lang::Program& program, const SampleBank& bank, const RenderOptions& options) {
    RenderReport report;
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

    SoundFileWriter out;
    if (std::string why = out.open(options.out, rate); !why.empty()) {
        report.error = std::move(why);
        return report;
    }

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
        if (n - from > 0 && !out.write(interleaved.data(), n - from)) {
            report.error = out.error();
            return report;
        }
    }
    if (std::string why = out.close(); !why.empty()) {
        report.error = std::move(why);
        return report;
    }
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
