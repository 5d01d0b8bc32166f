#include "audio/sample_bank.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <mutex>
#include <new>
#include <system_error>
#include <thread>
#include <utility>

namespace seiche::audio {

namespace {

namespace fs = std::filesystem;

// The identity of a file for "already loaded": its canonical path, so the same
// folder reached through a symlink or a relative path is not loaded twice.
std::string fileKey(const fs::path& file) {
    std::error_code ec;
    auto canonical = fs::weakly_canonical(fs::absolute(file, ec), ec);
    return (ec ? file : canonical).string();
}

std::size_t bytesOf(const Sample& sample) { return sample.data.capacity() * sizeof(float); }

// "12 sounds, 48 files loaded (4.4 MiB) in 0.3 s; 1 skipped"
std::string summaryOf(const LoadReport& report, double seconds) {
    char text[160];
    std::snprintf(text, sizeof text, "%zu sounds, %zu files loaded (%.1f MiB) in %.1f s", report.sounds.size(),
                  report.filesLoaded, static_cast<double>(report.bytesAdded) / (1024.0 * 1024.0), seconds);
    std::string line = text;
    if (report.filesSkipped > 0) line += "; " + std::to_string(report.filesSkipped) + " skipped";
    if (report.filesAlreadyLoaded > 0) line += "; " + std::to_string(report.filesAlreadyLoaded) + " already loaded";
    return line;
}

void addSoundName(LoadReport& report, const std::string& name) {
    auto at = std::lower_bound(report.sounds.begin(), report.sounds.end(), name);
    if (at == report.sounds.end() || *at != name) report.sounds.insert(at, name);
}

}  // namespace

SampleBank::SampleBank(SampleBankOptions options) : options_(std::move(options)), budget_(options_.memoryBudgetBytes) {}

SampleBank::~SampleBank() = default;  // worker_ goes first and joins; see the header

SampleLoadSettings SampleBank::loadSettings() const {
    return SampleLoadSettings{options_.sampleRate, options_.maxFileSeconds, options_.quality};
}

LoadReport SampleBank::loadFolder(const fs::path& root) { return loadScan(scanSoundFolder(root), {}); }

LoadReport SampleBank::loadFile(const fs::path& file, const std::string& name) {
    LoadReport report;
    filesFound_.fetch_add(1);
    auto admitted = admit(name, {file}, {}, report);
    decodeAndPublish(admitted, {}, report);
    return report;
}

LoadReport SampleBank::addSynthesized(const std::string& name, std::vector<Sample> samples) {
    LoadReport report;
    filesFound_.fetch_add(samples.size());
    std::vector<DecodedSample> decoded;
    const auto settings = loadSettings();
    for (std::size_t i = 0; i < samples.size(); ++i) {
        Sample& sample = samples[i];
        sample.name = name;
        if (sample.path.empty()) sample.path = "builtin:" + name;
        const std::string label = sample.path + (samples.size() > 1 ? "#" + std::to_string(i) : "");
        auto made = conformSample(std::move(sample), settings, budget_);
        if (!made) {
            skip(label, made.error, report);
            continue;
        }
        for (auto& warning : made.value->warnings) note(SampleMessage{SampleMessage::Kind::Warning, label, warning}, report);
        decoded.push_back(std::move(*made.value));
    }
    publish(name, std::move(decoded), {}, true, report);
    return report;
}

void SampleBank::loadFolderAsync(fs::path root) {
    worker_.post([this, root = std::move(root)](std::stop_token stop) {
        // Async results reach the performer through messages() and progress(),
        // ending with one summary line per folder for the console.
        const auto started = std::chrono::steady_clock::now();
        const auto report = loadScan(scanSoundFolder(root), stop);
        if (stop.stop_requested()) return;
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        LoadReport ignored;
        note(SampleMessage{SampleMessage::Kind::Info, root.string(), summaryOf(report, seconds)}, ignored);
    });
}

bool SampleBank::registerSonicPiSamples() {
    auto folder = findSonicPiSamples();
    if (!folder) return false;
    loadFolderAsync(*folder);
    return true;
}

std::size_t SampleBank::registerDirtSamples(const SoundFolderEnvironment& env) {
    const auto folders = findDirtSamples(env);
    for (const auto& folder : folders) loadFolderAsync(folder);
    return folders.size();
}

void SampleBank::waitUntilIdle() const { worker_.waitUntilIdle(); }

bool SampleBank::waitUntilIdle(std::chrono::milliseconds timeout) const { return worker_.waitUntilIdle(timeout); }

LoadProgress SampleBank::progress() const {
    LoadProgress p;
    p.jobsPending = worker_.pending();
    p.filesFound = filesFound_.load();
    p.filesLoaded = filesLoaded_.load();
    p.filesSkipped = filesSkipped_.load();
    p.filesAlreadyLoaded = filesAlreadyLoaded_.load();
    return p;
}

LoadReport SampleBank::loadScan(const SoundFolderScan& scan, std::stop_token stop) {
    LoadReport report;
    for (const auto& message : scan.messages) note(message, report);
    filesFound_.fetch_add(scan.fileCount());

    // Admission first, in folder order: header checks and memory reservations.
    // Cheap (no decoding), and it makes which files fit a tight budget independent
    // of how the decoding below is spread over threads.
    std::vector<AdmittedSound> admitted;
    for (const auto& sound : scan.sounds) {
        if (stop.stop_requested()) return report;
        auto one = admit(sound.name, sound.files, stop, report);
        if (!one.files.empty()) admitted.push_back(std::move(one));
    }

    // Then decoding, a sound per thread at a time; each sound's report has its own
    // slot, merged in folder order so the report reads the same however it ran.
    std::vector<LoadReport> reports(admitted.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < admitted.size();) decodeAndPublish(admitted[i], stop, reports[i]);
    };
    const std::size_t threads = std::clamp<std::size_t>(options_.decodeThreads, 1, std::max<std::size_t>(admitted.size(), 1));
    {
        std::vector<std::jthread> helpers;
        for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(work);
        work();
    }  // helpers joined

    for (auto& part : reports) {
        report.filesLoaded += part.filesLoaded;
        report.filesSkipped += part.filesSkipped;
        report.filesAlreadyLoaded += part.filesAlreadyLoaded;
        report.bytesAdded += part.bytesAdded;
        for (auto& name : part.sounds) addSoundName(report, name);
        for (auto& message : part.messages) report.messages.push_back(std::move(message));
    }
    return report;
}

void SampleBank::skip(const fs::path& file, std::string reason, LoadReport& report) {
    filesSkipped_.fetch_add(1);
    ++report.filesSkipped;
    note(SampleMessage{SampleMessage::Kind::Skipped, file.string(), std::move(reason)}, report);
}

SampleBank::AdmittedSound SampleBank::admit(const std::string& name, const std::vector<fs::path>& files,
                                            std::stop_token stop, LoadReport& report) {
    AdmittedSound sound{name, {}};
    const auto settings = loadSettings();
    for (const auto& file : files) {
        if (stop.stop_requested()) break;
        std::string key = fileKey(file);
        const bool twice = std::any_of(sound.files.begin(), sound.files.end(), [&](const AdmittedFile& f) { return f.key == key; });
        if (twice || isLoaded(key)) {
            filesAlreadyLoaded_.fetch_add(1);
            ++report.filesAlreadyLoaded;  // counted, not a message: re-adding a folder is normal
            continue;
        }
        auto probe = probeSampleFile(file, settings);
        if (!probe) {
            skip(file, probe.error, report);
            continue;
        }
        auto memory = budget_.reserve(probe.value->expectedBytes);
        if (!memory) {
            skip(file, memoryBudgetReason(probe.value->expectedBytes, budget_), report);
            continue;
        }
        sound.files.push_back(AdmittedFile{file, std::move(key), std::move(*memory)});
    }
    return sound;
}

// Decodes a sound's files outside the lock, then publishes them together, so a
// name never shows a half-loaded file list whose indices would shift under `n`.
void SampleBank::decodeAndPublish(AdmittedSound& sound, std::stop_token stop, LoadReport& report) {
    std::vector<DecodedSample> decoded;
    std::vector<std::string> keys;
    const auto settings = loadSettings();
    for (auto& file : sound.files) {
        if (stop.stop_requested()) return;  // the bank is going away: publish nothing half-done
        LoadResult<DecodedSample> result;
        try {
            result = decodeSampleFile(file.path, sound.name, settings, std::move(file.memory));
        } catch (const std::bad_alloc&) {
            result = LoadResult<DecodedSample>::failure("out of memory while decoding");
        } catch (const std::exception& e) {
            result = LoadResult<DecodedSample>::failure(std::string("decoding failed: ") + e.what());
        }
        if (!result) {
            skip(file.path, result.error, report);
            continue;
        }
        for (auto& warning : result.value->warnings)
            note(SampleMessage{SampleMessage::Kind::Warning, file.path.string(), warning}, report);
        decoded.push_back(std::move(*result.value));
        keys.push_back(file.key);
    }
    publish(sound.name, std::move(decoded), std::move(keys), false, report);
}

void SampleBank::publish(const std::string& name, std::vector<DecodedSample> decoded, std::vector<std::string> keys,
                         bool builtin, LoadReport& report) {
    if (decoded.empty()) return;
    // Allocate outside the lock what can be allocated there, so lookups wait only
    // for pointer pushes.
    std::vector<std::unique_ptr<const Sample>> owned;
    owned.reserve(decoded.size());
    for (auto& d : decoded) owned.push_back(std::make_unique<const Sample>(std::move(d.sample)));

    std::size_t duplicates = 0;
    {
        std::unique_lock lock(mutex_);
        storage_.reserve(storage_.size() + owned.size());
        Sound& sound = sounds_[name];
        auto& list = builtin ? sound.builtins : sound.files;
        for (std::size_t i = 0; i < owned.size(); ++i) {
            // A concurrent load of the same file may have won the race since we checked.
            if (!builtin && !loadedPaths_.insert(keys[i]).second) {
                ++duplicates;
                continue;  // its reservation is released with `decoded`
            }
            const std::size_t bytes = bytesOf(*owned[i]);
            decoded[i].memory.commit();
            list.push_back(owned[i].get());
            storage_.push_back(std::move(owned[i]));
            report.bytesAdded += bytes;
            ++report.filesLoaded;
        }
    }
    filesLoaded_.fetch_add(decoded.size() - duplicates);
    filesAlreadyLoaded_.fetch_add(duplicates);
    report.filesAlreadyLoaded += duplicates;
    if (decoded.size() > duplicates) addSoundName(report, name);
}

bool SampleBank::isLoaded(const std::string& key) const {
    std::shared_lock lock(mutex_);
    return loadedPaths_.contains(key);
}

void SampleBank::note(SampleMessage message, LoadReport& report) {
    {
        std::lock_guard lock(messagesMutex_);
        if (messages_.size() < options_.maxMessages)
            messages_.push_back(message);
        else
            ++messagesDropped_;
    }
    report.messages.push_back(std::move(message));
}

const Sample* SampleBank::find(std::string_view name, long long index) const {
    std::shared_lock lock(mutex_);
    auto it = sounds_.find(name);
    if (it == sounds_.end()) return nullptr;
    const auto& list = it->second.playing();
    if (list.empty()) return nullptr;
    const auto count = static_cast<long long>(list.size());
    long long i = index % count;
    if (i < 0) i += count;
    return list[static_cast<std::size_t>(i)];
}

std::size_t SampleBank::count(std::string_view name) const {
    std::shared_lock lock(mutex_);
    auto it = sounds_.find(name);
    return it == sounds_.end() ? 0 : it->second.playing().size();
}

std::vector<SoundSummary> SampleBank::sounds() const {
    std::shared_lock lock(mutex_);
    std::vector<SoundSummary> list;
    list.reserve(sounds_.size());
    for (const auto& [name, sound] : sounds_) {
        const auto& playing = sound.playing();
        if (playing.empty()) continue;
        SoundSummary summary{name, playing.size(), 0, sound.files.empty()};
        for (const Sample* sample : playing) summary.bytes += bytesOf(*sample);
        list.push_back(std::move(summary));
    }
    return list;
}

std::vector<SampleMessage> SampleBank::messages() const {
    std::lock_guard lock(messagesMutex_);
    return messages_;
}

std::vector<SampleMessage> SampleBank::takeMessages() {
    std::lock_guard lock(messagesMutex_);
    return std::exchange(messages_, {});
}

std::size_t SampleBank::messagesDropped() const {
    std::lock_guard lock(messagesMutex_);
    return messagesDropped_;
}

}  // namespace seiche::audio
