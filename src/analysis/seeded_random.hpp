#pragma once
// Random numbers that repeat on every platform for a given seed. The standard
// distributions may differ between library versions; these do not.
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace seiche::analysis {

class SeededRandom {
public:
    explicit SeededRandom(std::uint64_t seed) : engine_(seed) {}
    double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }  // [0, 1)
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    size_t below(size_t n) { return static_cast<size_t>(engine_() % n); }
    template <class T>
    void shuffle(std::vector<T>& items) {
        for (size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[below(i)]);
    }

private:
    std::mt19937_64 engine_;
};

}  // namespace seiche::analysis
