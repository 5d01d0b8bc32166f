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

// Renders `seconds` of the program with the patterns queried `ahead` seconds at a time and
// returns the file's bytes (and the report, for its counts).
std::string renderWithQueriesAhead(const lang::Program& program, const SampleBank& bank, double seconds, double ahead,
                                   RenderReport* report = nullptr) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("seiche-render-test-" + std::to_string(getpid()) + "-" + std::to_string(ahead) + ".wav");
    RenderOptions options;
    options.seconds = seconds;
    options.queryAheadSeconds = ahead;
    options.out = path;
    const RenderReport made = renderToFile(program, bank, options);
    EXPECT_TRUE(made.ok) << made.error;
    if (report) *report = made;
    std::string bytes = readFile(path);
    std::filesystem::remove(path);
    return bytes;
}

}  // namespace

TEST(EngineRender, QueryingAheadGivesTheSameFileAsBlockByBlock) {
    SampleBank bank;
    registerBuiltinKit(bank);
    // Events on and off block boundaries, chopped and reversed samples, a tempo other than
    // the default, and a pattern so dense (8,000 events a cycle) that three seconds of it
    // would not fit in the mixer's queue at once.
    auto program = lang::compile(
        "setcps 0.7\n"
        "d1 $ jux rev $ chop 8 $ s \"arpy*8 cr*3\" # speed \"<1 -1.5>\" # room 0.3\n"
        "d2 $ n \"[0,4,7]*5 ~ 3\" # s \"superpiano\" # legato 0.7\n"
        "d3 $ s \"hh*16?\" # delay 0.4 # delaytime 0.125 # lock 1\n"
        "d4 $ s \"<~ rim*8000>\" # gain 0.6");
    ASSERT_TRUE(program) << program.error->str();
    auto render = [&](double ahead) {
        RenderReport report;
        std::string bytes = renderWithQueriesAhead(*program.value, bank, 6.0, ahead, &report);
        EXPECT_EQ(report.scheduler.droppedTriggers, 0u) << ahead;
        EXPECT_GT(report.scheduler.triggers, 2000u) << ahead;
        return bytes;
    };
    const std::string blockByBlock = render(0.0);
    const std::string quarter = render(0.25);
    const std::string seconds = render(3.0);
    ASSERT_GT(blockByBlock.size(), 6u * 48000 * 6);
    EXPECT_TRUE(quarter == blockByBlock) << "a quarter of a second ahead changed the file";
    EXPECT_TRUE(seconds == blockByBlock) << "three seconds ahead changed the file";
}

// Triggers on the same frame start in an order of their own (onset, then d1..d16, then
// `once`), not in the order the query windows happened to find them; it decides which
// voice of a cut group cuts the other.
TEST(EngineRender, SameFrameTriggersKeepTheirOrderWhateverTheQueryWindows) {
    SampleBank bank;
    registerBuiltinKit(bank);
    // At 0.75 cps a cycle is 64,000 frames, so 512-frame blocks fall on exact frames.
    // d2's cp starts at frame 511.6 and d1's hh at frame 512.2: both round to 512, on either
    // side of the first block boundary, in one cut group (cut groups belong to an orbit, and
    // each channel has its own unless told). A `once` cp shares frames with d3.
    auto program = lang::compile(
        "setcps 0.75\n"
        "d1 $ (2561/320000) ~> s \"hh\" # cut 2 # orbit 3\n"
        "d2 $ (1279/160000) ~> s \"cp\" # cut 2 # orbit 3\n"
        "d3 $ s \"hh*16\" # cut 1 # orbit 4\n"
        "once $ s \"cp*16\" # cut 1 # orbit 4");
    ASSERT_TRUE(program) << program.error->str();
    const std::string blockByBlock = renderWithQueriesAhead(*program.value, bank, 2.0, 0.0);
    const std::string ahead = renderWithQueriesAhead(*program.value, bank, 2.0, 0.25);
    ASSERT_GT(blockByBlock.size(), 2u * 48000 * 6);
    EXPECT_TRUE(ahead == blockByBlock) << "the query windows changed which voice cut which";
}
