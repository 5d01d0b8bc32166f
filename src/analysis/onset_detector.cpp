#include "analysis/onset_detector.hpp"

#include <algorithm>

namespace seiche::analysis {

void OnsetDetector::init(int bins, double windowSum) {
    previous_.setZero(bins);
    scale_ = 2.0 / windowSum;
    reset();
}

void OnsetDetector::reset() {
    previous_.setZero();
    recent_.fill(0.0);
    newest_ = kSpan - 1;
    pushed_ = 0;
    padding_ = 0;
    onsets_ = 0;
}

void OnsetDetector::process(const Eigen::Ref<const Eigen::ArrayXd>& magnitude) {
    const double flux = ((magnitude - previous_) * scale_).max(0.0).sum();
    previous_ = magnitude;
    push(flux);
}

void OnsetDetector::finish() {
    for (int i = 0; i < kAround; ++i) {
        ++padding_;
        push(0.0);
    }
}

double OnsetDetector::at(int offset) const {
    // The candidate sits kAround frames behind the newest.
    const int index = ((newest_ - kAround + offset) % kSpan + kSpan) % kSpan;
    return recent_[static_cast<std::size_t>(index)];
}

void OnsetDetector::push(double flux) {
    newest_ = (newest_ + 1) % kSpan;
    recent_[static_cast<std::size_t>(newest_)] = flux;
    const long index = pushed_++ - kAround;  // the candidate's frame number

    const double candidate = at(0);
    if (candidate <= kFluxFloor) return;
    // The neighbourhood reaches back to the silent frame before the first at
    // most, and forward to the last frame.
    const int first = static_cast<int>(std::max<long>(-kHistory, -(index + 1)));
    const int last = kAround - padding_;
    double sum = 0;
    for (int offset = first; offset <= last; ++offset) {
        const double other = at(offset);
        sum += other;
        // Strictly above earlier frames, at least later ones: a plateau counts once.
        if (offset < 0 && offset >= -kAround && other >= candidate) return;
        if (offset > 0 && other > candidate) return;
    }
    if (candidate >= kAboveMean * sum / (last - first + 1)) ++onsets_;
}

}  // namespace seiche::analysis
