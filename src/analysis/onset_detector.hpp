#pragma once
// Counts onsets from the spectral flux (the summed rise of each bin's magnitude
// since the previous frame), picking peaks as Dixon (2006) does: a frame is an
// onset when its flux is the largest within kAround frames either side, is
// clearly above the flux of its neighbourhood, and is above a floor that keeps
// near-silent noise from counting. Streaming: decisions lag by kAround frames.
// The first frame rises from silence, so a sound that starts at once has an
// onset there; the neighbourhood a frame is compared with holds only the
// sound's frames and the one silent frame before them.
#include <array>

#include <Eigen/Core>

namespace seiche::analysis {

class OnsetDetector {
public:
    static constexpr int kAround = 3;             // local-maximum reach, frames each side
    static constexpr int kHistory = 10;           // frames before the candidate in the neighbourhood mean
    static constexpr double kAboveMean = 2.0;     // flux must reach this multiple of the neighbourhood mean
    static constexpr double kFluxFloor = 1e-4;    // in full-scale-sine units (see process)

    // bins: magnitude spectrum size; windowSum: the analysis window's sum, which
    // scales magnitudes so a full-scale sine's bin reads 1.
    void init(int bins, double windowSum);
    void reset();

    // One frame's magnitude spectrum, in order.
    void process(const Eigen::Ref<const Eigen::ArrayXd>& magnitude);
    // Decides the last kAround frames; call once after the last frame.
    void finish();

    long onsets() const { return onsets_; }

private:
    static constexpr int kSpan = kHistory + 1 + kAround;  // the neighbourhood, candidate at kHistory
    void push(double flux);
    double at(int offset) const;  // flux of the frame `offset` after the candidate

    Eigen::ArrayXd previous_;
    double scale_ = 1;
    std::array<double, kSpan> recent_{};  // ring: flux of the last kSpan frames
    int newest_ = kSpan - 1;
    long pushed_ = 0;  // frames pushed so far, padding included
    int padding_ = 0;  // frames pushed by finish(), which are not part of the sound
    long onsets_ = 0;
};

}  // namespace seiche::analysis
