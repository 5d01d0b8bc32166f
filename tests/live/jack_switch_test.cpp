// switchDevice between real JACK servers (jackd -d dummy, each under a name of its own):
// the frame clock keeps counting up across every switch, the patterns keep playing on
// the new device, the old device's stream is stopped by the engine, a device at another
// sample rate is refused (that needs a restart of the engine), and no callback allocates.
// jackd missing is a failure, as in tests/audio/jack_play_test.py.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "audio/engine/builtin_kit.hpp"
#include "audio/engine/device.hpp"
#include "audio/engine/live_engine.hpp"
#include "audio/sample_bank.hpp"
#include "live/live_support.hpp"
#include "pattern/lang/program.hpp"

using namespace seiche;
using namespace seiche::audio;

namespace {

extern "C" char** environ;

// A JACK server with the dummy driver, stopped when it goes out of scope.
class JackServer {
public:
    JackServer(const std::string& name, int rate, int period) : name_(name) {
        std::vector<std::string> args = {"jackd", "-n", name, "-d", "dummy", "-r", std::to_string(rate), "-p",
                                         std::to_string(period)};
        std::vector<std::string> env;
        for (char** e = environ; *e; ++e) env.emplace_back(*e);
        env.emplace_back("JACK_NO_AUDIO_RESERVATION=1");
        // Everything the child needs is prepared here: after fork() it only execs.
        std::vector<char*> argv, envp;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        for (auto& e : env) envp.push_back(e.data());
        envp.push_back(nullptr);
        pid_ = ::fork();
        if (pid_ == 0) {
            const int null = ::open("/dev/null", O_WRONLY);
            ::dup2(null, 1);
            ::dup2(null, 2);
            ::execvpe("jackd", argv.data(), envp.data());
            ::_exit(127);
        }
    }
    ~JackServer() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGTERM);
        for (int i = 0; i < 1000; ++i) {
            if (::waitpid(pid_, nullptr, WNOHANG) == pid_) return;
            ::usleep(10'000);
        }
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    const std::string& name() const { return name_; }

private:
    std::string name_;
    pid_t pid_ = -1;
};

// RtAudio's JACK client connects to the server JACK_DEFAULT_SERVER names.
bool openOn(Device& device, const JackServer& server) {
    ::setenv("JACK_DEFAULT_SERVER", server.name().c_str(), 1);
    DeviceOptions options;
    options.api = AudioApi::Jack;
    return device.open(options);
}

bool openWhenUp(Device& device, const JackServer& server) {
    return eventually([&] { return openOn(device, server); }, 30);
}

}  // namespace

// libjack (jack2) talks to one server per process at a time: clients of two servers open
// at once end up on the same one. So the device-to-device switch is between two clients of
// server a, and the other servers are reached from the silent clock, with no client open.
TEST(LiveJackSwitch, TheClockAndTheMusicGoOnAcrossDevices) {
    ::setenv("JACK_NO_START_SERVER", "1", 1);
    ::setenv("JACK_NO_AUDIO_RESERVATION", "1", 1);
    const std::string base = "seiche-switch-" + std::to_string(::getpid());
    JackServer serverA(base + "-a", 48000, 128), serverB(base + "-b", 48000, 256), serverC(base + "-c", 44100, 128);
    Device a1, a2, b, c;
    ASSERT_TRUE(openWhenUp(a1, serverA)) << "jackd did not come up (is Debian's jackd2 installed?): " << a1.error();
    ASSERT_TRUE(openOn(a2, serverA)) << a2.error();

    KitEngine kit("d1 $ s \"hh*16\"");
    LiveEngine& engine = *kit.engine;
    const long allocationsBefore = audioCallbackAllocations();
    ASSERT_TRUE(engine.start(&a1));

    // After a switch at `from`: the clock passes `from` by a second, and events after it
    // were played (the feed holds only what reached the mixer).
    std::vector<PlayedEvent> played;
    auto playsOnFrom = [&](int64_t from) {
        return eventually([&] {
            const int64_t now = engine.currentFrame();
            played.clear();
            engine.playedBetween(from, now, played);
            return now > from + 48000 && played.size() >= 8;
        });
    };
    ASSERT_TRUE(playsOnFrom(0)) << "playing through JACK";
    EXPECT_FALSE(engine.stats().silentClock);

    // Device to device.
    int64_t before = engine.currentFrame();
    uint64_t callbacks = engine.stats().callbacks;
    const uint64_t a2Callbacks = a2.stats().callbacks.load();
    ASSERT_EQ(engine.switchDevice(&a2), "");
    EXPECT_GE(engine.currentFrame(), before) << "no jump back";
    EXPECT_FALSE(a1.isOpen()) << "the engine stopped and closed the old stream";
    ASSERT_TRUE(playsOnFrom(engine.currentFrame())) << "playing through the second device";
    EXPECT_GT(a2.stats().callbacks.load(), a2Callbacks + 100);
    EXPECT_FALSE(engine.stats().silentClock);
    EXPECT_GE(engine.stats().callbacks, callbacks) << "the first device's callbacks still count";

    // Device to the silent clock.
    before = engine.currentFrame();
    ASSERT_EQ(engine.switchDevice(nullptr), "");
    EXPECT_GE(engine.currentFrame(), before);
    EXPECT_TRUE(engine.stats().silentClock);
    EXPECT_FALSE(a2.isOpen());
    ASSERT_TRUE(playsOnFrom(engine.currentFrame())) << "playing on the silent clock";

    // Another sample rate is refused; the silent clock plays on.
    ASSERT_TRUE(openWhenUp(c, serverC)) << c.error();
    ASSERT_EQ(c.sampleRate(), 44100u);
    const std::string why = engine.switchDevice(&c);
    EXPECT_NE(why.find("44100"), std::string::npos) << why;
    EXPECT_NE(why.find("restart"), std::string::npos) << why;
    c.stop();
    EXPECT_TRUE(engine.stats().silentClock);
    ASSERT_TRUE(playsOnFrom(engine.currentFrame())) << "still on the silent clock after the refusal";

    // The silent clock to a device with another buffer size.
    ASSERT_TRUE(openWhenUp(b, serverB)) << b.error();
    EXPECT_EQ(b.bufferFrames(), 256u);
    before = engine.currentFrame();
    callbacks = engine.stats().callbacks;
    ASSERT_EQ(engine.switchDevice(&b), "");
    EXPECT_GE(engine.currentFrame(), before);
    ASSERT_TRUE(playsOnFrom(engine.currentFrame())) << "playing through server b";
    EXPECT_FALSE(engine.stats().silentClock);
    EXPECT_GT(b.stats().callbacks.load(), 100u);
    EXPECT_GE(engine.stats().callbacks, callbacks);
    EXPECT_EQ(engine.stats().deviceLosses, 0u);
    engine.stop();
    EXPECT_EQ(audioCallbackAllocations(), allocationsBefore) << "a callback allocated";
}
