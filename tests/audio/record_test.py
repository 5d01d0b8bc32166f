#!/usr/bin/env python3
"""seiche-cli play --record FILE, from outside.

usage: record_test.py SEICHE_CLI JACK_PLAY_TEST_PY

SEICHE_CLI is the allocation-trap build (tests/alloc_trap): recording must not allocate
in the audio callback. Cases:
  silent clock: a known pattern recorded to WAV; the file read back has exactly
      record_frames frames, the frames the clock played, and sounds from its start.
  unwritable path / unknown extension: exit 3 at once with one line on stderr.
  file-size limit: RLIMIT_FSIZE is hit while recording (SIGXFSZ ignored, so the write
      fails with EFBIG, as on a full disk): play says so on stderr while playing, reports
      record_error, exits 3, and the file so far is a valid WAV.
  JACK: the same recording through a JACK server (jackd -d dummy), to FLAC.
"""
import importlib.util
import json
import os
import resource
import signal
import struct
import subprocess
import sys
import tempfile
import wave

CLI = sys.argv[1]
spec = importlib.util.spec_from_file_location("jack_play_test", sys.argv[2])
jack = importlib.util.module_from_spec(spec)
spec.loader.exec_module(jack)  # its helpers: check, start_jackd, parse_stats...
check = jack.check

CODE = 'd1 $ s "bd*4 hh*8" # gain 1.1\nd2 $ n "0 7" # s "superpiano"'


def play(args, env=None, preexec=None):
    return subprocess.run([CLI, "play", "--kit-only", "--json"] + args + [CODE], capture_output=True, text=True,
                          timeout=120, env=env or jack.base_env(jack.unique_name()), preexec_fn=preexec)


def wav_frames_and_peak(path):
    with wave.open(path, "rb") as w:
        assert w.getnchannels() == 2 and w.getsampwidth() == 3, "24-bit stereo"
        frames = w.getnframes()
        data = w.readframes(frames)
        rate = w.getframerate()
    peak = 0
    first_loud = None
    for i in range(0, len(data), 3):
        v = struct.unpack("<i", data[i:i + 3] + (b"\xff" if data[i + 2] & 0x80 else b"\x00"))[0]
        peak = max(peak, abs(v))
        if first_loud is None and abs(v) > 0.1 * 2**23:
            first_loud = i // 6
    return frames, rate, peak / 2**23, first_loud


def case_silent_clock(tmp):
    path = os.path.join(tmp, "take.wav")
    r = play(["--no-device", "--seconds", "2", "--record", path])
    check(r.returncode == 0, "play --record exits 0 (%d, %r)" % (r.returncode, r.stderr))
    stats, why = jack.parse_stats(r.stdout)
    if not check(stats is not None, "one JSON line " + why):
        return
    check(stats["record_file"] == path and stats["record_error"] == "", "record_file and no record_error: %r" % stats)
    frames, rate, peak, first_loud = wav_frames_and_peak(path)
    check(frames == stats["record_frames"], "the file holds record_frames frames (%d, %d)" % (frames, stats["record_frames"]))
    check(abs(frames - stats["seconds"] * 48000) <= 25,  # seconds are printed to the millisecond
          "exactly the frames the clock played (%d frames, %.3f s)" % (frames, stats["seconds"]))
    check(rate == 48000, "at the engine's rate (%d)" % rate)
    check(0.3 < peak <= 0.97, "it sounds, under the limiter's ceiling (peak %.3f)" % peak)
    check(first_loud is not None and first_loud < 4800, "the first kick is at the start (frame %s)" % first_loud)
    check("recorded" in r.stderr and path in r.stderr, "stderr says what was recorded: %r" % r.stderr)


def case_unwritable(tmp):
    for path, words in ((os.path.join(tmp, "missing", "x.wav"), "cannot write"),
                        (os.path.join(tmp, "x.mp3"), ".wav or .flac")):
        r = play(["--no-device", "--seconds", "1", "--record", path])
        lines = r.stderr.splitlines()
        check(r.returncode == 3 and r.stdout == "" and len(lines) == 1 and words in lines[0],
              "%s: exit 3 at once with one line (%d, %r)" % (os.path.basename(path), r.returncode, r.stderr))


def case_file_size_limit(tmp):
    path = os.path.join(tmp, "limited.wav")
    limit = 200_000  # bytes: about 0.7 s of 24-bit stereo at 48 kHz

    def limited():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead

    r = play(["--no-device", "--seconds", "3", "--record", path], preexec=limited)
    check(r.returncode == 3, "a failed recording exits 3 (%d, %r)" % (r.returncode, r.stderr))
    check("failed and stopped" in r.stderr and "File too large" in r.stderr,
          "stderr says the recording failed and why: %r" % r.stderr)
    stats, why = jack.parse_stats(r.stdout)
    if not check(stats is not None, "statistics all the same " + why):
        return
    check("File too large" in stats["record_error"], "record_error: %r" % stats["record_error"])
    check(stats["seconds"] > 2.5, "the music went on (%.2f s)" % stats["seconds"])
    frames, _, peak, _ = wav_frames_and_peak(path)
    check(0 < frames == stats["record_frames"] and frames * 6 < limit,
          "the file so far is a valid WAV with the frames written (%d, record_frames %d)" % (frames, stats["record_frames"]))
    check(peak > 0.3, "and it sounds (peak %.3f)" % peak)


def case_jack(tmp):
    name = jack.unique_name()
    path = os.path.join(tmp, "jack.flac")
    with tempfile.TemporaryFile("w+") as log:
        server = jack.start_jackd(name, log)
        try:
            r = play(["--api", "jack", "--seconds", "2", "--record", path], env=jack.base_env(name))
        finally:
            jack.stop_jackd(server)
    check(r.returncode == 0, "play --api jack --record exits 0 (%d, %r)" % (r.returncode, r.stderr))
    stats, why = jack.parse_stats(r.stdout)
    if not check(stats is not None, "one JSON line " + why):
        return
    check(stats["api"] == "jack" and not stats["silent_clock"], "through JACK: %r" % stats)
    check(stats["record_error"] == "" and abs(stats["record_frames"] - stats["seconds"] * 48000) <= 25,
          "every frame the device played is recorded (%d, %.3f s)" % (stats["record_frames"], stats["seconds"]))
    info = subprocess.run(["soxi", "-s", path], capture_output=True, text=True)
    check(info.returncode == 0 and int(info.stdout.strip() or -1) == stats["record_frames"],
          "the FLAC file holds them (soxi: %r %r)" % (info.stdout, info.stderr))


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        case_silent_clock(tmp)
        case_unwritable(tmp)
        case_file_size_limit(tmp)
        case_jack(tmp)
    if jack.failures:
        print("%d check(s) failed" % len(jack.failures))
        sys.exit(1)
    print("all checks passed")
