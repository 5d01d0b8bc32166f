#pragma once
// The sample bank: every sound the engine can play by name, as TidalCycles performers
// know them (`s "bd:3"`, `n`), loaded in the background from Dirt-Samples-style
// folders, Debian's sonic-pi-samples, user folders, and the synthesized kit.
//
// Threads:
//  - loading (loadFolderAsync, register*) runs on the bank's own worker thread,
//    one folder after another; the synchronous forms run on the caller's thread.
//    Within a folder, sounds are decoded by options.decodeThreads threads. Decoding
//    happens outside the bank's lock; only publishing a finished sound takes it, briefly.
//  - lookups (find, count, sounds) may come from any thread (the scheduler); they
//    take a shared lock for a map lookup.
//  - the audio thread only dereferences the `const Sample*` it was handed. A
//    published Sample never moves, changes or is freed while the bank lives.
//
// Names and indices:
//  - a sound's files are in the order they were published: a folder's files sorted
//    by file name; a later load of the same name (a second folder with `bd`)
//    APPENDS after them. (SuperDirt replaces by default; appending keeps every
//    published index pointing at the same file, and nothing published is freed.)
//  - a file already in the bank (same canonical path) is not loaded twice.
//  - synthesized (built-in) sounds are a fallback tier: a name plays its built-in
//    samples only while no file of that name is loaded, so a Tidal user's
//    Dirt-Samples `bd` wins over the built-in kit's, as they expect, and a fresh
//    machine still has a `bd`.
//  - find(name, i) picks i modulo the count, negative i wrapping too (SuperDirt's %).
#include <atomic>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <stop_token>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "audio/resampler.hpp"
#include "audio/sample.hpp"
#include "audio/sample_budget.hpp"
#include "audio/sample_load_worker.hpp"
#include "audio/sample_loader.hpp"
#include "audio/sample_message.hpp"
#include "audio/sound_folders.hpp"

namespace seiche::audio {

struct SampleBankOptions {
    double sampleRate = 48000;                              // the engine's rate
    std::size_t memoryBudgetBytes = std::size_t{1} << 30;   // float data of all samples together
    double maxFileSeconds = 600;                            // longer files are skipped
    ResampleQuality quality = ResampleQuality::SincMedium;
    std::size_t maxMessages = 10000;                        // the log is bounded too; the rest are counted
    // Threads decoding one folder's sounds at once (resampling dominates load time).
    // Files are admitted against the budget in folder order before decoding, so the
    // outcome does not depend on this number.
    unsigned decodeThreads = 2;
};

struct SoundSummary {
    std::string name;
    std::size_t count = 0;  // files (or built-in samples) `n` chooses among
    std::size_t bytes = 0;  // float data of those samples
    bool builtin = false;   // true while the name plays its synthesized fallback
};

struct LoadReport {
    std::size_t filesLoaded = 0;
    std::size_t filesSkipped = 0;
    std::size_t filesAlreadyLoaded = 0;
    std::size_t bytesAdded = 0;
    std::vector<std::string> sounds;      // names that gained samples, sorted
    std::vector<SampleMessage> messages;  // this load's messages (the bank's log has them too)
};

struct LoadProgress {
    std::size_t jobsPending = 0;  // background loads queued or running
    std::size_t filesFound = 0;   // audio files seen by every load so far
    std::size_t filesLoaded = 0;
    std::size_t filesSkipped = 0;
    std::size_t filesAlreadyLoaded = 0;
    std::size_t filesDone() const { return filesLoaded + filesSkipped + filesAlreadyLoaded; }
    bool busy() const { return jobsPending > 0; }
};

class SampleBank {
public:
    explicit SampleBank(SampleBankOptions options = {});
    // Drops queued loads and waits for the file being decoded.
    ~SampleBank();
    // Handed-out pointers and the worker refer to this object: it stays where it is.
    SampleBank(const SampleBank&) = delete;
    SampleBank& operator=(const SampleBank&) = delete;

    // --- loading, synchronous (caller's thread; for the CLI and tests) ---
    // A Dirt-Samples-style root: sub-folders are sounds, loose files are sounds
    // named by their stem (see scanSoundFolder).
    LoadReport loadFolder(const std::filesystem::path& root);
    // One file as (an additional file of) sound `name`.
    LoadReport loadFile(const std::filesystem::path& file, const std::string& name);
    // Built-in sounds made in memory. Each sample is brought to the bank's rate and
    // at most two channels; path defaults to "builtin:<name>". Appends, never deduplicated.
    LoadReport addSynthesized(const std::string& name, std::vector<Sample> samples);

    // --- loading, in the background (the bank's worker thread) ---
    void loadFolderAsync(std::filesystem::path root);
    // Queues Debian's /usr/share/sonic-pi/samples; false if it is not installed.
    bool registerSonicPiSamples();
    // Queues every SuperDirt Dirt-Samples folder found; returns how many.
    std::size_t registerDirtSamples(const SoundFolderEnvironment& env = SoundFolderEnvironment::fromProcess());
    void waitUntilIdle() const;
    bool waitUntilIdle(std::chrono::milliseconds timeout) const;  // false on timeout
    LoadProgress progress() const;

    // --- lookup (any thread; the scheduler) ---
    // The sample `index` of `name`, wrapping modulo the count (negative too);
    // nullptr for an unknown name. Valid for the bank's lifetime.
    const Sample* find(std::string_view name, long long index = 0) const;
    std::size_t count(std::string_view name) const;
    bool contains(std::string_view name) const { return count(name) > 0; }
    // Every name with its count, sorted by name (completion, `sounds --local`).
    std::vector<SoundSummary> sounds() const;
    // Bytes of float data held (published samples, built-ins included).
    std::size_t memoryUsed() const { return budget_.used(); }
    std::size_t memoryBudget() const { return budget_.limit(); }
    double sampleRate() const { return options_.sampleRate; }

    // --- messages: files skipped and why, warnings ---
    std::vector<SampleMessage> messages() const;
    std::vector<SampleMessage> takeMessages();  // returns and clears
    std::size_t messagesDropped() const;        // beyond options.maxMessages

private:
    struct Sound {
        std::vector<const Sample*> files;
        std::vector<const Sample*> builtins;
        const std::vector<const Sample*>& playing() const { return files.empty() ? builtins : files; }
    };

    // A file that passed its header checks and holds its memory reservation.
    struct AdmittedFile {
        std::filesystem::path path;
        std::string key;  // canonical path
        BudgetReservation memory;
    };
    struct AdmittedSound {
        std::string name;
        std::vector<AdmittedFile> files;
    };

    LoadReport loadScan(const SoundFolderScan& scan, std::stop_token stop);
    AdmittedSound admit(const std::string& name, const std::vector<std::filesystem::path>& files, std::stop_token stop,
                        LoadReport& report);
    void decodeAndPublish(AdmittedSound& sound, std::stop_token stop, LoadReport& report);
    void skip(const std::filesystem::path& file, std::string reason, LoadReport& report);
    void publish(const std::string& name, std::vector<DecodedSample> decoded, std::vector<std::string> keys,
                 bool builtin, LoadReport& report);
    bool isLoaded(const std::string& key) const;
    void note(SampleMessage message, LoadReport& report);
    SampleLoadSettings loadSettings() const;

    const SampleBankOptions options_;
    MemoryBudget budget_;

    mutable std::shared_mutex mutex_;  // guards storage_, sounds_, loadedPaths_
    std::vector<std::unique_ptr<const Sample>> storage_;  // append-only: addresses never change
    std::map<std::string, Sound, std::less<>> sounds_;
    std::unordered_set<std::string> loadedPaths_;

    mutable std::mutex messagesMutex_;
    std::vector<SampleMessage> messages_;
    std::size_t messagesDropped_ = 0;

    std::atomic<std::size_t> filesFound_{0};
    std::atomic<std::size_t> filesLoaded_{0};
    std::atomic<std::size_t> filesSkipped_{0};
    std::atomic<std::size_t> filesAlreadyLoaded_{0};

    SampleLoadWorker worker_;  // last member: destroyed (joined) first, while all the above still exist
};

}  // namespace seiche::audio
