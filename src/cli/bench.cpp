#include <cstdio>

#include "cli/verbs.hpp"

namespace seiche::cli {

int runBench(const std::vector<std::string>&) {
    std::fputs("seiche-cli bench: not yet\n", stderr);
    return 1;
}

}  // namespace seiche::cli
