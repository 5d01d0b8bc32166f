// The offline renderer queries the patterns ahead of the mixer; how far must not change a bit
// of the file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

#include "audio/engine/builtin_kit.hpp"
#include "audio/engine/offline_renderer.hpp"
#include "audio/sample_bank.hpp"
#include "pattern/lang/program.hpp"

using namespace seiche;
using namespace seiche::audio;

namespace {

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST(EngineRender, QueryingAheadGivesTheSameFileAsBlockByBlock) {
    SampleBank bank;
    registerBuiltinKit(bank);
    // Events on and off block boundaries, chopped and reversed samples, a tempo change, and
    // a pattern so dense (8,000 events a cycle) that three seconds of it would not fit in the
    // mixer's queue at once.
    auto program = lang::compile(
        "setcps 0.7\n"
        "d1 $ jux rev $ chop 8 $ s \"arpy*8 cr*3\" # speed \"<1 -1.5>\" # room 0.3\n"
        "d2 $ n \"[0,4,7]*5 ~ 3\" # s \"superpiano\" # legato 0.7\n"
        "d3 $ s \"hh*16?\" # delay 0.4 # delaytime 0.125 # lock 1\n"
        "d4 $ s \"<~ rim*8000>\" # gain 0.6");
    ASSERT_TRUE(program) << program.error->str();
    const auto dir = std::filesystem::temp_directory_path() / ("seiche-render-test-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    auto render = [&](double ahead, const char* name) {
        RenderOptions options;
        options.seconds = 6.0;
        options.queryAheadSeconds = ahead;
        options.out = dir / name;
        const RenderReport report = renderToFile(*program.value, bank, options);
        EXPECT_TRUE(report.ok) << report.error;
        EXPECT_EQ(report.scheduler.droppedTriggers, 0u) << name;
        EXPECT_GT(report.scheduler.triggers, 2000u) << name;
        return readFile(options.out);
    };
    const std::string blockByBlock = render(0.0, "blocks.wav");
    const std::string quarter = render(0.25, "quarter.wav");
    const std::string seconds = render(3.0, "seconds.wav");
    std::filesystem::remove_all(dir);
    ASSERT_GT(blockByBlock.size(), 6u * 48000 * 6);
    EXPECT_TRUE(quarter == blockByBlock) << "a quarter of a second ahead changed the file";
    EXPECT_TRUE(seconds == blockByBlock) << "three seconds ahead changed the file";
}
