#include "engine/engine_bridge.hpp"

#include <QApplication>
#include <QPointer>

#include <algorithm>
#include <thread>
#include <filesystem>

#include "audio/dsp/synth.hpp"
#include "audio/sample_bank.hpp"

namespace seiche::ui {

namespace {

audio::LiveEngineConfig engineConfig(double sampleRate, unsigned bufferFrames, double cps) {
    audio::LiveEngineConfig config;
    config.sampleRate = sampleRate;
    config.cps = cps;
    config.maxBlockSize = std::max(1024, static_cast<int>(bufferFrames));
    config.silentBlockFrames = static_cast<int>(std::clamp(bufferFrames, 64u, 1024u));
    return config;
}

}  // namespace

EngineBridge::EngineBridge(QObject* parent) : QObject(parent) {}

EngineBridge::~EngineBridge() { stop(); }

std::unique_ptr<audio::Device> EngineBridge::openDevice(const AudioSettings& settings, std::string& error) {
    if (settings.noDevice) return nullptr;
    auto device = std::make_unique<audio::Device>();
    audio::DeviceOptions options;
    options.api = settings.api;
    options.device = settings.device;
    options.sampleRate = settings.sampleRate;
    options.bufferFrames = settings.bufferFrames;
    if (!device->open(options)) error = device->error();
    return device;  // not open: the engine keeps trying it on the silent clock
}

std::string EngineBridge::start(const AudioSettings& settings, const audio::SoundSources& sounds) {
    // A restart (a new sample rate) carries on from the cycle the music had reached.
    const std::optional<Time> carryOn =
        engine_ ? std::optional<Time>(engine_->scheduler().cycleAt(engine_->currentFrame())) : std::nullopt;
    stop();
    audio_ = settings;
    sounds_ = sounds;
    std::string error;
    device_ = openDevice(settings, error);
    const bool open = device_ && device_->isOpen();
    const double rate = open ? device_->sampleRate() : settings.sampleRate;
    audio::SampleBankOptions bankOptions;
    bankOptions.sampleRate = rate;
    bank_ = std::make_unique<audio::SampleBank>(bankOptions);
    audio::addSoundSources(*bank_, sounds_);
    buildEngine(rate, settings.bufferFrames, carryOn);
    if (!engine_->start(device_.get())) {
        // The device opened but its stream would not start: the music goes on the silent
        // clock rather than not at all (a stopped engine cannot be started again).
        error = device_->error().empty() ? "the stream would not start" : device_->error();
        buildEngine(rate, settings.bufferFrames, carryOn);
        engine_->start(nullptr);
        device_.reset();
        deviceName_ = "silent clock";
        Q_EMIT message(QStringLiteral("Audio: the device would not start (%1). Playing on a silent clock.")
                           .arg(QString::fromStdString(error)));
        return error;
    }
    if (settings.noDevice) {
        deviceName_ = "silent clock";
        Q_EMIT message(QStringLiteral("Audio: no device requested; the silent clock keeps time."));
    } else if (open) {
        deviceName_ = std::string(audio::apiName(device_->api())) + ": " + device_->deviceName();
        Q_EMIT message(QStringLiteral("Audio: %1 at %2 Hz, %3 frames.")
                           .arg(QString::fromStdString(deviceName_))
                           .arg(device_->sampleRate())
                           .arg(device_->bufferFrames()));
    } else {
        deviceName_ = "silent clock";
        Q_EMIT message(QStringLiteral("Audio: no device (%1). Playing on a silent clock; Seiche keeps "
                                      "looking for the device every second.")
                           .arg(QString::fromStdString(error)));
    }
    return open || settings.noDevice ? std::string() : error;
}

void EngineBridge::buildEngine(double rate, unsigned bufferFrames, const std::optional<Time>& carryOn) {
    engine_ = std::make_unique<audio::LiveEngine>(*bank_, engineConfig(rate, bufferFrames, cps_));
    if (carryOn) engine_->scheduler().continueFrom(*carryOn);
    replayChannels();
}

void EngineBridge::stop() {
    finishStopping();
    if (engine_) {
        engine_->stopRecording();
        engine_->stop();
    }
    engine_.reset();
    if (device_) device_->stop();
    device_.reset();
    bank_.reset();
}

void EngineBridge::replayChannels() {
    // In the order they were evaluated, each code once, with its original tag: the same
    // channels end up with the same patterns, and their atoms still light up.
    std::vector<int> order;
    for (int c = 1; c <= 16; ++c)
        if (!channelCode_[c - 1].empty()) order.push_back(c);
    std::sort(order.begin(), order.end(), [this](int a, int b) { return channelSeq_[a - 1] < channelSeq_[b - 1]; });
    uint64_t lastTag = 0;
    for (int c : order) {
        if (channelTag_[c - 1] == lastTag) continue;
        lastTag = channelTag_[c - 1];
        if (auto program = lang::compile(channelCode_[c - 1])) engine_->evaluate(*program.value, lastTag);
    }
    for (int c = 1; c <= 16; ++c) {
        const bool muted = muted_[c - 1], soloed = soloed_[c - 1];
        engine_->post([c, muted, soloed](audio::Scheduler& s) {
            s.setMute(c, muted);
            s.setSolo(c, soloed);
        });
    }
}

EvaluationOutcome EngineBridge::evaluate(const std::string& code) {
    EvaluationOutcome outcome;
    auto program = lang::compile(code);
    if (!program) {
        outcome.error = *program.error;
        return outcome;
    }
    // A bare expression plays on d1 (as in seiche-cli play), but only if it can sound: a
    // string or a number alone (half of a line, say) would silence d1 with a pattern of
    // nothing to play.
    for (const auto& action : program.value->actions)
        if (action.kind == lang::Action::Play && !action.isControl) {
            outcome.error = lang::Diagnostic{action.at, "this is not a pattern of sounds: nothing to play (start it with d1 $ s …)"};
            return outcome;
        }
    outcome.ok = true;
    outcome.tag = nextTag_++;
    outcome.sources = std::make_shared<lang::SourceMap>(program.value->sources);
    for (const auto& action : program.value->actions) {
        switch (action.kind) {
        case lang::Action::Play: {
            const int channel = action.channel == 0 ? 1 : action.channel;
            if (channel >= 1 && channel <= 16) {
                outcome.channels.push_back(channel);
                channelCode_[channel - 1] = code;
                channelTag_[channel - 1] = outcome.tag;
                channelSeq_[channel - 1] = ++sequence_;
            }
            break;
        }
        case lang::Action::Hush:
            outcome.hushed = true;
            channelCode_.fill({});
            break;
        case lang::Action::SetCps: cps_ = action.cps; break;
        case lang::Action::Mute:
        case lang::Action::Unmute:
        case lang::Action::Solo:
        case lang::Action::Unsolo:
            if (action.channel >= 1 && action.channel <= 16) {
                const bool on = action.kind == lang::Action::Mute || action.kind == lang::Action::Solo;
                auto& switches = action.kind == lang::Action::Mute || action.kind == lang::Action::Unmute ? muted_ : soloed_;
                switches[action.channel - 1] = on;
            }
            break;
        case lang::Action::Once: break;
        }
    }
    if (engine_) engine_->evaluate(*program.value, outcome.tag);
    return outcome;
}

void EngineBridge::hush() {
    channelCode_.fill({});
    // Posted, never waited for: a runaway pattern's query must not hold up the hush.
    if (engine_) engine_->post([](audio::Scheduler& s) { s.hush(); });
}

void EngineBridge::setCps(double cps) {
    if (!(cps > 0) || cps > 100) return;
    cps_ = cps;
    if (engine_) engine_->post([cps](audio::Scheduler& s) { s.setCps(cps); });
}

void EngineBridge::setMute(int channel, bool on) {
    if (channel < 1 || channel > 16) return;
    muted_[channel - 1] = on;
    if (engine_) engine_->post([channel, on](audio::Scheduler& s) { s.setMute(channel, on); });
}

void EngineBridge::setSolo(int channel, bool on) {
    if (channel < 1 || channel > 16) return;
    soloed_[channel - 1] = on;
    if (engine_) engine_->post([channel, on](audio::Scheduler& s) { s.setSolo(channel, on); });
}

std::vector<int> EngineBridge::playingChannels() const {
    std::vector<int> out;
    for (int c = 1; c <= 16; ++c)
        if (!channelCode_[c - 1].empty()) out.push_back(c);
    return out;
}

std::string EngineBridge::applyAudio(const AudioSettings& settings) {
    if (!engine_) {
        audio_ = settings;
        return {};
    }
    if (settings == audio_) return {};
    if (!sameRate(settings)) return restartAt(settings);
    std::string error;
    auto device = openDevice(settings, error);
    return adoptDevice(std::move(device), settings, error);
}

void EngineBridge::applyAudioLater(const AudioSettings& settings) {
    const uint64_t ticket = ++openTicket_;
    auto report = [this](const std::string& why) {
        // Always later, never inside the call: whoever asked can connect first.
        QMetaObject::invokeMethod(this, [this, why] { Q_EMIT audioApplied(QString::fromStdString(why)); }, Qt::QueuedConnection);
    };
    if (!engine_ || settings == audio_ || !sameRate(settings)) {
        report(applyAudio(settings));  // nothing to open, or a restart (rare, and it needs the GUI's objects)
        return;
    }
    // Opening a device can take a quarter of a second (JACK) or hang on a broken driver:
    // on a thread of its own. The music plays on the old device meanwhile.
    QPointer<EngineBridge> self(this);
    std::thread([self, settings, ticket] {
        std::string error;
        std::unique_ptr<audio::Device> device = openDevice(settings, error);
        audio::Device* opened = device.release();
        QMetaObject::invokeMethod(qApp, [self, opened, settings, ticket, error] {
            std::unique_ptr<audio::Device> owned(opened);
            if (!self || ticket != self->openTicket_) return;  // gone, or a newer choice superseded it
            Q_EMIT self->audioApplied(QString::fromStdString(self->adoptDevice(std::move(owned), settings, error)));
        });
    }).detach();
}

bool EngineBridge::sameRate(const AudioSettings& settings) const {
    return bank_ && settings.sampleRate == static_cast<unsigned>(bank_->sampleRate());
}

std::string EngineBridge::restartAt(const AudioSettings& settings) {
    // Samples are resampled to the engine's rate when they load: a new rate is a new bank
    // and engine. The channels' code carries over. If the device will not open at that
    // rate, the previous settings come back.
    const AudioSettings previous = audio_;
    const std::string why = start(settings, sounds_);
    if (why.empty()) return {};
    start(previous, sounds_);
    return "cannot play at " + std::to_string(settings.sampleRate) + " Hz (" + why + "); kept the previous settings";
}

std::string EngineBridge::adoptDevice(std::unique_ptr<audio::Device> device, const AudioSettings& settings,
                                      const std::string& openError) {
    if (!engine_) return "the engine is not running";
    const double rate = bank_->sampleRate();
    if (device && !device->isOpen()) return "cannot open the device: " + openError;
    if (device && device->sampleRate() != static_cast<unsigned>(rate))
        return "the device would not run at " + std::to_string(static_cast<int>(rate)) + " Hz";
    if (auto why = engine_->switchDevice(device.get()); !why.empty()) return why;
    if (device_) device_->stop();
    device_ = std::move(device);
    audio_ = settings;
    deviceName_ = device_ ? std::string(audio::apiName(device_->api())) + ": " + device_->deviceName()
                          : std::string("silent clock");
    Q_EMIT message(QStringLiteral("Audio: now playing on %1.").arg(QString::fromStdString(deviceName_)));
    return {};
}

std::string EngineBridge::addSampleFolder(const std::string& path) {
    if (!bank_) return "the engine is not running";
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) return "not a folder: " + path;
    bank_->loadFolderAsync(path);
    if (std::find(sounds_.folders.begin(), sounds_.folders.end(), path) == sounds_.folders.end())
        sounds_.folders.emplace_back(path);
    return {};
}

TransportSnapshot EngineBridge::snapshot() const {
    TransportSnapshot s;
    if (!engine_) return s;
    s.frame = engine_->currentFrame();
    s.stats = engine_->stats();
    s.activeVoices = engine_->mixer().stats().activeVoices.load(std::memory_order_relaxed);
    s.cps = engine_->scheduler().cps();
    const Time cycle = engine_->scheduler().cycleAt(s.frame);
    s.cycle = cycle.toDouble();
    s.cycleExact = cycle.str();
    s.sampleRate = bank_->sampleRate();
    s.onDevice = !s.stats.silentClock;
    s.deviceName = s.stats.silentClock ? std::string("silent clock") : deviceName_;
    if (device_ && device_->isOpen() && s.sampleRate > 0)
        s.outputLatencyMs = 1000.0 * (device_->bufferFrames() * 2 + engine_->mixer().latencyFrames()) / s.sampleRate;
    return s;
}

audio::MeterReading EngineBridge::takeMeter() { return engine_ ? engine_->takeMeter() : audio::MeterReading{}; }

int EngineBridge::scope(float* out, int n) const { return engine_ ? engine_->scope(out, n) : 0; }

void EngineBridge::playedBetween(int64_t fromFrame, int64_t toFrame, std::vector<audio::PlayedEvent>& out) const {
    if (engine_) engine_->scheduler().playedBetween(fromFrame, toFrame, out);
}

std::vector<std::string> EngineBridge::soundNames() const {
    // The synths play under SuperDirt's names as sounds do: `s "superpiano"`.
    std::vector<std::string> names;
    for (const auto synth : audio::dsp::synthNames()) names.emplace_back(synth);
    if (!bank_) return names;
    for (const auto& s : bank_->sounds()) names.push_back(s.name);
    return names;
}

audio::SchedulerStats EngineBridge::schedulerStats() const {
    return engine_ ? engine_->scheduler().stats() : audio::SchedulerStats{};
}

std::string EngineBridge::startRecording(const std::string& path) {
    if (!engine_) return "the engine is not running";
    finishStopping();
    return engine_->startRecording(path);
}

void EngineBridge::finishStopping() {
    if (stopping_.valid()) stopping_.get();  // get() also makes it invalid again
}

audio::RecordingStatus EngineBridge::recordingStatus() const {
    return engine_ ? engine_->recordingStatus() : audio::RecordingStatus{};
}

void EngineBridge::stopRecording() {
    // Finishing the file drains what the writer still holds (seconds of audio on a slow
    // disk): on a thread of its own, never on the GUI's.
    if (!engine_) return;
    finishStopping();
    stopping_ = std::async(std::launch::async, [engine = engine_.get()] { engine->stopRecording(); });
}

}  // namespace seiche::ui
