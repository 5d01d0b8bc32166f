#pragma once
// Mean and population variance of a stream of vectors, by Welford's update, so
// a long file needs neither a second pass nor its frames kept in memory.
#include <Eigen/Core>

namespace seiche::analysis {

class RunningMoments {
public:
    void init(int size) {
        mean_.setZero(size);
        squares_.setZero(size);
        delta_.setZero(size);
        count_ = 0;
    }

    void process(const Eigen::Ref<const Eigen::VectorXd>& x) {
        ++count_;
        delta_ = x - mean_;
        mean_ += delta_ / static_cast<double>(count_);
        squares_.array() += delta_.array() * (x - mean_).array();
    }

    long count() const { return count_; }
    const Eigen::VectorXd& mean() const { return mean_; }
    // Divides by the count (not count - 1): the frames are the whole sound, not a sample of it.
    Eigen::VectorXd variance() const { return count_ > 0 ? Eigen::VectorXd(squares_ / static_cast<double>(count_)) : squares_; }

private:
    Eigen::VectorXd mean_, squares_, delta_;
    long count_ = 0;
};

}  // namespace seiche::analysis
