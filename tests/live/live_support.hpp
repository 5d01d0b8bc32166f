#pragma once
// Shared by the live-engine tests (tests/live.cmake): the allocation trap's count, and
// waiting for something a real-time thread does, with a generous deadline (never an
// assertion on how long it took).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "audio/engine/builtin_kit.hpp"
#include "audio/engine/live_engine.hpp"
#include "audio/sample_bank.hpp"
#include "pattern/lang/program.hpp"

// Global allocations and frees made inside the audio callback (audio_thread::CallbackScope:
// the silent clock's blocks and the device's callbacks) since the process started.
long audioCallbackAllocations();

// Polls `done` every 10 ms until it holds or `seconds` have passed; whether it held.
template <typename Done>
bool eventually(Done done, double seconds = 30) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!done()) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

// A live engine with the built-in kit, `code` evaluated, its scheduler 0.2 s ahead (never
// late on a busy machine); not started.
struct KitEngine {
    seiche::audio::SampleBank bank;
    std::unique_ptr<seiche::audio::LiveEngine> engine;

    explicit KitEngine(const std::string& code) {
        seiche::audio::registerBuiltinKit(bank);
        seiche::audio::LiveEngineConfig config;
        config.lookaheadSeconds = 0.2;
        engine = std::make_unique<seiche::audio::LiveEngine>(bank, config);
        auto program = seiche::lang::compile(code);
        EXPECT_TRUE(program) << program.error->str();
        if (program) engine->evaluate(*program.value);
    }
};
