// `seiche-cli functions`: the language's vocabulary, for docs and editors.
#include <cstdio>

#include "cli/verbs.hpp"
#include "pattern/lang/library.hpp"

namespace seiche::cli {

int runFunctions(const std::vector<std::string>& args) {
    bool json = false;
    for (const auto& a : args) {
        if (a == "--json") json = true;
        else if (a == "--help") {
            std::puts("usage: seiche-cli functions [--json]\nLists every function with its type, help and an example.");
            return 0;
        }
    }
    const auto& lib = lang::standardLibrary();
    for (const auto& name : lib.names()) {
        const auto* b = lib.find(name);
        if (json) {
            auto q = [](const std::string& s) { return Value::string(s).json(); };
            std::printf("{\"name\":%s,\"type\":%s,\"doc\":%s,\"example\":%s}\n", q(name).c_str(), q(b->signature).c_str(),
                        q(b->doc).c_str(), q(b->example).c_str());
        } else {
            std::printf("%s :: %s\n", name.c_str(), b->signature.c_str());
        }
    }
    return 0;
}

}  // namespace seiche::cli
