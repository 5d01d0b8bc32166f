// seiche-cli classify: not written yet (issue 5).
#include <cstdio>

#include "cli/verbs.hpp"

namespace seiche::cli {

int runClassify(const std::vector<std::string>&) {
    std::fputs("seiche-cli classify: not available yet\n", stderr);
    return 2;
}

}  // namespace seiche::cli
