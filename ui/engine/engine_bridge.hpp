#pragma once
// The GUI's one door into the engine (as Sonic Pi's GUI talks to its server
// through a narrow API): compile and send code, transport commands, and what the
// engine reports (clock, levels, scope, played events). The engine's own threads do
// the playing; every call here returns at once and never waits on the audio thread.
#include <QObject>
#include <QString>

#include <array>
#include <future>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audio/engine/device.hpp"
#include "audio/engine/live_engine.hpp"
#include "audio/engine/sound_sources.hpp"
#include "pattern/lang/program.hpp"

namespace seiche::audio {
class SampleBank;
}

namespace seiche::ui {

struct AudioSettings {
    std::optional<audio::AudioApi> api;  // none: the first that works
    std::optional<int> device;
    unsigned sampleRate = 48000;
    unsigned bufferFrames = 256;
    bool noDevice = false;               // the silent clock only (tests, screenshots)
    bool operator==(const AudioSettings&) const = default;
};

struct EvaluationOutcome {
    bool ok = false;
    lang::Diagnostic error;                        // when !ok: position within the evaluated code
    uint64_t tag = 0;                              // names this evaluation in played events
    std::shared_ptr<const lang::SourceMap> sources;  // where its mini-notation atoms are
    std::vector<int> channels;                     // d1..d16 it set (Play actions)
    bool hushed = false;                           // it contained `hush`
};

struct TransportSnapshot {
    int64_t frame = 0;
    double cycle = 0;
    std::string cycleExact;    // the same, as an exact rational "n/d" (for the journal)
    double cps = 0;
    double sampleRate = 0;
    audio::LiveStats stats;
    int activeVoices = 0;      // sounding now
    bool onDevice = false;     // false: the silent clock keeps time (no device)
    std::string deviceName;    // what is playing, for the transport bar
    double outputLatencyMs = 0;
};

class EngineBridge : public QObject {
    Q_OBJECT
public:
    explicit EngineBridge(QObject* parent = nullptr);
    ~EngineBridge() override;

    // Builds the sample bank (built-in kit at once, folders in the background), opens
    // the device and starts the clock. With no device the silent clock plays (the
    // performer is told); a device that appears later is picked up by the engine.
    // Returns "" or why the requested device is not playing (the silent clock is).
    std::string start(const AudioSettings& audio, const audio::SoundSources& sounds);
    void stop();
    bool started() const { return engine_ != nullptr; }

    // Compiles on the calling thread (parsing is fast) and hands the program to the
    // scheduler; an error changes nothing that is playing.
    EvaluationOutcome evaluate(const std::string& code);
    void hush();
    void setCps(double cps);
    void setMute(int channel, bool on);
    void setSolo(int channel, bool on);
    bool muted(int channel) const { return muted_.at(channel - 1); }
    bool soloed(int channel) const { return soloed_.at(channel - 1); }
    // The code of the evaluation that set each channel (empty: silent), d1 first.
    const std::array<std::string, 16>& channelCode() const { return channelCode_; }
    std::vector<int> playingChannels() const;

    // Applies new audio settings while playing. A new device or buffer size keeps the
    // music's clock; a new sample rate restarts the engine, which plays the channels'
    // code on from the cycle reached. Returns "" or why not (what was playing keeps playing).
    std::string applyAudio(const AudioSettings& audio);
    // The same, with the device opened on a worker thread so the GUI never waits for the
    // audio system; audioApplied("" or the reason) follows on the GUI thread, always
    // after this returns. A later call supersedes one still opening.
    void applyAudioLater(const AudioSettings& audio);
    std::string addSampleFolder(const std::string& path);  // queued in the background
    const AudioSettings& audio() const { return audio_; }

    // --- what the engine reports (GUI thread, polled by a frame timer) ---
    TransportSnapshot snapshot() const;
    audio::MeterReading takeMeter();
    int scope(float* out, int n) const;
    // Played events sounding in [from, to) frames, appended to out.
    void playedBetween(int64_t fromFrame, int64_t toFrame, std::vector<audio::PlayedEvent>& out) const;
    std::vector<std::string> soundNames() const;
    // What the scheduler could not play: unknown sound names (with how many events asked
    // for each) and patterns that failed to query. Takes the scheduler's lock: poll it
    // rarely (once a second), not every frame.
    audio::SchedulerStats schedulerStats() const;
    std::string startRecording(const std::string& path);
    audio::RecordingStatus recordingStatus() const;
    void stopRecording();

Q_SIGNALS:
    void message(const QString& text);  // for the console: device changes, load reports
    void audioApplied(const QString& reason);  // after applyAudioLater: "" or why not

private:
    static std::unique_ptr<audio::Device> openDevice(const AudioSettings& audio, std::string& error);
    bool sameRate(const AudioSettings& audio) const;
    std::string restartAt(const AudioSettings& audio);
    std::string adoptDevice(std::unique_ptr<audio::Device> device, const AudioSettings& audio, const std::string& openError);
    void finishStopping();  // waits for a recording being finished in the background
    void replayChannels();  // after an engine restart: the same code again
    // A new engine on bank_, at `carryOn` if given, with the channels' code; not started.
    void buildEngine(double rate, unsigned bufferFrames, const std::optional<Time>& carryOn);

    AudioSettings audio_;
    audio::SoundSources sounds_;
    std::unique_ptr<audio::SampleBank> bank_;
    std::unique_ptr<audio::Device> device_;
    std::unique_ptr<audio::LiveEngine> engine_;
    uint64_t nextTag_ = 1;

    std::array<std::string, 16> channelCode_{};
    std::array<uint64_t, 16> channelTag_{}, channelSeq_{};  // the evaluation that set each channel, and when
    uint64_t sequence_ = 0;
    std::array<bool, 16> muted_{}, soloed_{};
    double cps_ = 0.5625;
    std::string deviceName_;
    std::future<void> stopping_;
    uint64_t openTicket_ = 0;  // the newest applyAudioLater(); older openings are dropped
};

}  // namespace seiche::ui
