// seiche-cli evaluate: not written yet (issue 5).
#include <cstdio>

#include "cli/verbs.hpp"

namespace seiche::cli {

int runEvaluate(const std::vector<std::string>&) {
    std::fputs("seiche-cli evaluate: not available yet\n", stderr);
    return 2;
}

}  // namespace seiche::cli
