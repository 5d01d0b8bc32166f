#pragma once
// Small helpers shared by the store tests.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "samples_test_support.hpp"
#include "session/store.hpp"

namespace seiche::session::testing {

// The samples tests' temporary folder serves the store as well.
using audio::testing::TempDir;

inline LabelledExample example(const std::string& sound, const std::string& label, double seed, size_t size = 26) {
    LabelledExample e{sound, label, "mfcc13-meanvar/1", {}, {}};
    for (size_t i = 0; i < size; ++i) e.features.push_back(seed + 0.25 * static_cast<double>(i));
    return e;
}

inline void writeFile(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace seiche::session::testing
