// seiche-cli train: not written yet (issue 5).
#include <cstdio>

#include "cli/verbs.hpp"

namespace seiche::cli {

int runTrain(const std::vector<std::string>&) {
    std::fputs("seiche-cli train: not available yet\n", stderr);
    return 2;
}

}  // namespace seiche::cli
