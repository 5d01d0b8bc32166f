#pragma once
// A 24-bit stereo WAV or FLAC file being written, the format chosen by the file's
// extension: the offline renderer and live recording write the same kind of file and
// report the same one-line reasons when they cannot.
#include <sndfile.h>

#include <cstdint>
#include <filesystem>
#include <string>

namespace seiche::audio {

class SoundFileWriter {
public:
    // A WAV file's sizes are 32-bit: past 4 GiB (about 4 hours of 24-bit stereo at 48 kHz)
    // its header would lie. write() refuses the frames that would not fit, with a reason,
    // rather than leave a broken file; FLAC has no such limit.
    static constexpr int64_t kMaxWavBytes = 0xFFFFFFFFLL - 4096;

    SoundFileWriter() = default;
    ~SoundFileWriter();  // closes the file (its error is lost: call close() to see it)
    SoundFileWriter(const SoundFileWriter&) = delete;
    SoundFileWriter& operator=(const SoundFileWriter&) = delete;

    // "" or why the file cannot be written (unknown extension, unwritable path, ...).
    std::string open(const std::filesystem::path& path, int sampleRate);
    // Interleaved stereo frames. False when not all were written; error() says why.
    bool write(const float* interleaved, int64_t frames);
    // Finishes the header; "" or why it could not be. Safe to call when not open.
    std::string close();
    bool isOpen() const { return file_ != nullptr; }
    int64_t frames() const { return frames_; }  // written so far, a failed write's share included
    const std::string& error() const { return error_; }

private:
    SNDFILE* file_ = nullptr;
    std::filesystem::path path_;
    int64_t maxFrames_ = 0;  // 0: no limit
    int64_t frames_ = 0;
    std::string error_;
};

}  // namespace seiche::audio
