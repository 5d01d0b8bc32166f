// Linked into a test build of seiche-cli: every global allocation or free made
// inside the audio callback (audio_thread::CallbackScope, raised by the device
// callback and by the silent clock around the mixer) aborts the process with a
// message. Outside the callback, allocation works as usual.
//
// SEICHE_ALLOC_TRAP_SELFTEST=1 allocates inside a callback scope at start-up, to
// prove the trap is linked in and fires.
#include <unistd.h>

#include <cstdlib>
#include <new>

#include "alloc_trap/replaced_operators.hpp"
#include "audio/engine/audio_thread.hpp"

namespace {

[[noreturn]] void trapped(const char* what) {
    static const char prefix[] = "alloc-trap: ";
    static const char suffix[] = " inside the audio callback\n";
    auto say = [](const char* text) {
        size_t n = 0;
        while (text[n]) ++n;
        ssize_t ignored = write(2, text, n);
        (void)ignored;
    };
    say(prefix);
    say(what);
    say(suffix);
    std::abort();
}

const bool selfTest = [] {
    const char* flag = std::getenv("SEICHE_ALLOC_TRAP_SELFTEST");
    if (flag && *flag == '1') {
        seiche::audio::audio_thread::CallbackScope scope;
        delete new int(1);
    }
    return true;
}();

}  // namespace

void* trackedAllocate(std::size_t n) {
    if (seiche::audio::audio_thread::inCallback()) trapped("allocation");
    void* p = std::malloc(n ? n : 1);
    if (!p) throw std::bad_alloc();
    return p;
}

void trackedRelease(void* p) noexcept {
    if (p && seiche::audio::audio_thread::inCallback()) trapped("free");
    std::free(p);
}
