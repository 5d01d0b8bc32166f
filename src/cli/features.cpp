// seiche-cli features: not written yet (issue 5).
#include <cstdio>

#include "cli/verbs.hpp"

namespace seiche::cli {

int runFeatures(const std::vector<std::string>&) {
    std::fputs("seiche-cli features: not available yet\n", stderr);
    return 2;
}

}  // namespace seiche::cli
