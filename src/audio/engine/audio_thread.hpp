#pragma once
// Marks the stretch of a thread that runs inside the audio callback, so a test
// build can make every allocation there fatal (tests/alloc_trap). Setting a
// thread-local flag costs nothing the callback would notice.
namespace seiche::audio::audio_thread {

inline thread_local bool tlInCallback = false;

inline bool inCallback() { return tlInCallback; }

class CallbackScope {
public:
    CallbackScope() : outer_(tlInCallback) { tlInCallback = true; }
    ~CallbackScope() { tlInCallback = outer_; }
    CallbackScope(const CallbackScope&) = delete;
    CallbackScope& operator=(const CallbackScope&) = delete;

private:
    bool outer_;
};

}  // namespace seiche::audio::audio_thread
