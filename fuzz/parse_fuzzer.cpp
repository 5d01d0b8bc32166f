// Feeds arbitrary bytes to the whole front end (tokenizer, parser, type checker,
// mini-notation, evaluator) and queries whatever compiles. Anything but a clean
// result or a clean error is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pattern/lang/program.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view code(reinterpret_cast<const char*>(data), size);
    auto program = seiche::lang::compile(code);
    if (!program) return 0;
    for (const auto& action : program.value->actions) {
        if (action.kind != seiche::lang::Action::Play) continue;
        // A small budget keeps each input fast; exceeding it is a clean error.
        (void)seiche::lang::queryChecked(action.pattern, seiche::Span{0, 4}, 20000);
    }
    return 0;
}
