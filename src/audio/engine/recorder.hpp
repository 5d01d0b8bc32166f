#pragma once
// Live recording of the engine's output to a WAV or FLAC file. The audio thread only
// copies each block into a preallocated lock-free ring; a writer thread of the
// recorder's own drains it every 20 ms and writes the file with libsndfile. A failure
// (a write that fails, or a ring that overflows because the disk cannot keep up) is
// reported in status() at once and stops the recording, with the file written so far
// finished properly: never a silent or broken file found out about later.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "audio/engine/sound_file_writer.hpp"

namespace seiche::audio {

struct RecordingStatus {
    bool active = false;   // frames are being recorded (false again once stopped or failed)
    bool failed = false;   // the recording stopped by itself; error says why
    int64_t frames = 0;    // frames in the file so far
    std::string path;
    std::string error;
};

class Recorder {
public:
    // bufferSeconds: how long the writer may fall behind (a slow disk, a busy machine)
    // before frames are lost.
    Recorder(double sampleRate, double bufferSeconds);
    ~Recorder();  // stops (finishes the file)
    Recorder(const Recorder&) = delete;
    Recorder& operator=(const Recorder&) = delete;

    // Opens the file now, on the calling thread (not the audio thread), and starts
    // capturing from the next block. "" or a one-line reason (already recording, unknown
    // extension, a path that cannot be written...).
    std::string start(const std::string& path);
    // Stops capturing, writes what is left and finishes the file; safe when not recording.
    // A failure to finish it shows in status().
    void stop();
    RecordingStatus status() const;

    // Audio thread: one block of the output. No allocation, lock or I/O.
    void write(const float* left, const float* right, int frames);

private:
    void writerLoop();
    // After it returns, write() touches the ring no more (the same handshake as
    // Device::abandon(): a flag, then waiting for a write in progress to finish).
    void endCapture();
    bool drain();  // writer thread: everything in the ring to the file; false on failure
    void finish(std::string failure);  // writer thread: end capture, close, publish the end
    std::string lossReason() const;

    const int sampleRate_;
    const double bufferSeconds_;
    // The ring: interleaved stereo frames, allocated by start() (before capture begins)
    // and kept; written_/read_ count frames ever written and read.
    std::unique_ptr<float[]> ring_;
    uint64_t capacity_ = 0;  // frames
    std::atomic<bool> capturing_{false};
    std::atomic<bool> inWrite_{false};
    std::atomic<uint64_t> written_{0}, read_{0}, lost_{0};

    SoundFileWriter file_;  // the writer thread's while it runs
    std::thread writer_;
    std::mutex control_;    // one start() or stop() at a time
    std::mutex wakeMutex_;
    std::condition_variable wake_;
    bool stopRequested_ = false;
    mutable std::mutex statusMutex_;
    RecordingStatus status_;
};

}  // namespace seiche::audio
