#include "audio/engine/sound_file_writer.hpp"

#include <algorithm>
#include <cctype>

namespace seiche::audio {
namespace {

std::string lowerExtension(const std::filesystem::path& p) {
    std::string e = p.extension().string();
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return e;
}

}  // namespace

SoundFileWriter::~SoundFileWriter() { close(); }

std::string SoundFileWriter::open(const std::filesystem::path& path, int sampleRate) {
    close();
    path_ = path;
    error_.clear();
    const std::string ext = lowerExtension(path);
    int format = 0;
    if (ext == ".wav") format = SF_FORMAT_WAV | SF_FORMAT_PCM_24;
    else if (ext == ".flac") format = SF_FORMAT_FLAC | SF_FORMAT_PCM_24;
    else return error_ = "cannot write '" + path.string() + "': the extension must be .wav or .flac";
    SF_INFO info{};
    info.samplerate = sampleRate;
    info.channels = 2;
    info.format = format;
    file_ = sf_open(path.c_str(), SFM_WRITE, &info);
    if (!file_) return error_ = "cannot write '" + path.string() + "': " + sf_strerror(nullptr);
    sf_command(file_, SFC_SET_CLIPPING, nullptr, SF_TRUE);  // never wrap around on overload
    frames_ = 0;
    maxFrames_ = ext == ".wav" ? kMaxWavBytes / (2 * 3) : 0;
    return "";
}

bool SoundFileWriter::write(const float* interleaved, int64_t frames) {
    if (!file_) return false;
    if (maxFrames_ > 0 && frames_ + frames > maxFrames_) {
        error_ = "'" + path_.string() + "' is full: a WAV file holds at most 4 GiB (" +
                 std::to_string(maxFrames_) + " frames); FLAC has no such limit";
        return false;
    }
    const sf_count_t written = sf_writef_float(file_, interleaved, frames);
    frames_ += std::max<sf_count_t>(0, written);
    if (written == frames) return true;
    error_ = "writing '" + path_.string() + "' failed: " + sf_strerror(file_);
    return false;
}

std::string SoundFileWriter::close() {
    if (!file_) return "";
    const int status = sf_close(file_);
    file_ = nullptr;
    if (status != 0) return error_ = "closing '" + path_.string() + "' failed (disk full?)";
    return "";
}

}  // namespace seiche::audio
