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
    // How a .wav file is laid out. Plain: the classic RIFF header (renders keep their exact
    // bytes). Unbounded: RF64 while writing, rewritten as plain WAV at close when it stays
    // under 4 GiB, so a recording of many hours never ends as a broken file.
    enum class WavLayout { Plain, Unbounded };

    SoundFileWriter() = default;
    ~SoundFileWriter();  // closes the file (its error is lost: call close() to see it)
    SoundFileWriter(const SoundFileWriter&) = delete;
    SoundFileWriter& operator=(const SoundFileWriter&) = delete;

    // "" or why the file cannot be written (unknown extension, unwritable path, ...).
    std::string open(const std::filesystem::path& path, int sampleRate, WavLayout layout = WavLayout::Plain);
    // Interleaved stereo frames. False when not all were written; error() says why.
    bool write(const float* interleaved, int64_t frames);
    // Finishes the header; "" or why it could not be. Safe to call when not open.
    std::string close();
    bool isOpen() const { return file_ != nullptr; }
    const std::string& error() const { return error_; }

private:
    SNDFILE* file_ = nullptr;
    std::filesystem::path path_;
    std::string error_;
};

}  // namespace seiche::audio
