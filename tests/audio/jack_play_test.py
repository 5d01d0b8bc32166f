#!/usr/bin/env python3
"""Real-time playing through RtAudio's JACK API against a real JACK server.

usage: jack_play_test.py SEICHE_CLI (server|no-server|recover|freeze|late-server|trap)

server:    starts `jackd -d dummy -r 48000 -p 128` under a unique server name,
           plays a dense 8-channel pattern for 6 s through `seiche-cli play
           --api jack` and requires no xruns, no late events and >= 32 voices.
no-server: `play --api jack` with no server exits 1 with one line; play with
           no usable device at all runs on a silent clock (exit 0).
recover:   the JACK server quits in the middle of playing and comes back: the
           music goes on on the silent clock, then through JACK again.
freeze:    the JACK server stops answering for 2 s (SIGSTOP) and goes on: the
           engine gives the silent stream up without waiting on it, keeps time,
           and plays through a new connection once the server answers again.
late-server: no device at all when play starts; a JACK server started 1.5 s
           later is picked up and the music moves onto it.
trap:      SEICHE_CLI is the allocation-trap build (tests/alloc_trap): it aborts
           when asked to allocate inside a callback scope, and plays the dense
           pattern on the silent clock for 4 s without aborting.
The server and recover cases are run with the allocation-trap build too, so
every callback through JACK is checked for allocations and frees.

jackd missing is a failure, not a skip: scripts/test installs Debian's jackd2.

About xruns: on a virtual machine the host may take the CPU away from this
guest ("steal" time in /proc/stat, counted in 10 ms ticks) for milliseconds at
a time, and then even an empty JACK graph misses deadlines: the dummy driver's
own timer wakes late (jackd logs "JackTimedDriver::Process XRun = N usec") and
JACK passes every such miss to every client as an xrun. So an attempt with
xruns is retried, at most 6 attempts, and the test wants one clean attempt (no
xruns, no late events). If no attempt was clean (a heavily shared host
can steal 20% of the CPU for minutes; single xruns also occur with no steal
tick recorded and every callback well inside its period), it passes with a
loud WARNING only when no callback overran its own period ("overruns",
measured inside the callback) in an attempt without host steal: the engine's
own share of an xrun is a callback longer than its period, and one the host
cannot explain fails the test.
"""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

CLI = sys.argv[1] if len(sys.argv) > 1 else "seiche-cli"
CASE = sys.argv[2] if len(sys.argv) > 2 else "server"

DENSE = """
d1 $ s "bd*8" # cutoff 3000 # resonance 0.2 # room 0.3 # size 0.8
d2 $ s "hh*32" # hcutoff 4000 # delay 0.4 # delaytime 0.125 # delayfeedback 0.5 # orbit 1
d3 $ n "0 3 7 10 12 15 19 22" # s "supersaw" # cutoff 1200 # resonance 0.3 # sustain 0.5 # room 0.3
d4 $ n "[0,4,7,11]*4" # s "sine" # sustain 1 # cutoff 2500 # delay 0.3 # delaytime 0.25 # orbit 1
d5 $ s "sn*8 cp*8" # bandf 1500 # bandq 2 # room 0.6 # size 0.9
d6 $ n "0*16" # s "bass" # octave 3 # cutoff 600 # resonance 0.4 # sustain 0.4
d7 $ n "[0,7,12,19]*8" # s "tri" # sustain 0.6 # cutoff 1800 # pan sine # delay 0.5 # delaytime 0.375 # delayfeedback 0.6 # orbit 1
d8 $ s "arpy*16" # n "0 2 4 5 7 9 11 12" # speed 1.5 # vowel "a" # room 0.4 # shape 0.3 # crush 6
"""

FIRST_FIELDS = ["callbacks", "xruns", "late_events", "max_callback_us", "peak_voices"]
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)
    return cond


def unique_name():
    return "seiche-test-%d-%06d" % (os.getpid(), random.randrange(10**6))


def base_env(server):
    env = dict(os.environ)
    env["JACK_DEFAULT_SERVER"] = server
    env["JACK_NO_START_SERVER"] = "1"
    env["JACK_NO_AUDIO_RESERVATION"] = "1"
    return env


def run(args, env, timeout=60):
    return subprocess.run([CLI] + args, env=env, capture_output=True, text=True, timeout=timeout)


def steal_ticks():
    try:
        with open("/proc/stat") as f:
            fields = f.readline().split()
        return int(fields[8]) if fields[0] == "cpu" and len(fields) > 8 else 0
    except OSError:
        return 0


def parse_stats(stdout):
    lines = [l for l in stdout.splitlines() if l.strip()]
    if len(lines) != 1:
        return None, "expected one line of statistics, got %r" % stdout
    line = lines[0]
    try:
        stats = json.loads(line)
    except ValueError as e:
        return None, "not JSON (%s): %r" % (e, line)
    keys = list(stats.keys())
    if keys[:5] != FIRST_FIELDS:
        return None, "the JSON must begin with %s, got %s" % (FIRST_FIELDS, keys)
    return stats, ""


def start_jackd(name, log):
    jackd = shutil.which("jackd")
    if not jackd:
        print("FAIL jackd not found: install Debian's jackd2 (scripts/test does)", flush=True)
        sys.exit(1)
    # Real-time scheduling when allowed (jackd2 falls back and says so when it is not):
    # without it the dummy driver's own timer misses deadlines even with nothing to play.
    proc = subprocess.Popen([jackd, "-n", name, "--realtime", "-d", "dummy", "-r", "48000", "-p", "128"],
                            stdout=log, stderr=subprocess.STDOUT, env=base_env(name),
                            start_new_session=True)
    deadline = time.time() + 20
    while time.time() < deadline:
        if proc.poll() is not None:
            break
        r = run(["devices", "--api", "jack", "--json"], base_env(name), timeout=20)
        if r.returncode == 0:
            try:
                apis = json.loads(r.stdout)["apis"]
                if apis and apis[0]["devices"]:
                    return proc
            except (ValueError, KeyError, IndexError):
                pass
        time.sleep(0.25)
    log.flush()
    log.seek(0)
    print("FAIL the JACK server did not come up:\n" + log.read(), flush=True)
    stop_jackd(proc)
    sys.exit(1)


def stop_jackd(proc):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def case_server():
    name = unique_name()
    with tempfile.TemporaryFile("w+") as log:
        proc = start_jackd(name, log)
        try:
            env = base_env(name)
            r = run(["devices", "--json"], env)
            listing = json.loads(r.stdout)["apis"] if r.returncode == 0 else []
            jack = [a for a in listing if a["api"] == "jack"]
            check(r.returncode == 0 and jack and jack[0]["devices"]
                  and jack[0]["devices"][0]["output_channels"] >= 2,
                  "devices --json lists the JACK server's stereo output: " + r.stdout.strip()[:300])

            r = run(["play", "--api", "jack", "--kit-only", "--seconds", "1", 'd1 $ s "bd*4" #'], env)
            check(r.returncode == 2 and r.stdout == "" and r.stderr.count("\n") == 1
                  and r.stderr.split(":")[0].isdigit(),
                  "a code error exits 2 with LINE:COL: %r" % r.stderr)

            attempts = 0
            all_disturbed = True
            unexplained_overruns = 0
            while True:
                attempts += 1
                before = steal_ticks()
                log.flush()
                log_start = log.tell()
                t0 = time.time()
                r = run(["play", "--api", "jack", "--kit-only", "--seconds", "6", "--json", DENSE], env, timeout=90)
                wall = time.time() - t0
                stolen = steal_ticks() - before
                log.flush()
                log.seek(log_start)
                server_late = [l.strip() for l in log.read().splitlines() if "JackTimedDriver::Process XRun" in l]
                log.seek(0, os.SEEK_END)
                print("attempt %d: exit %d, %.1f s, host steal %d ticks, server timer late %d times %s\n"
                      "  stdout: %s  stderr: %s"
                      % (attempts, r.returncode, wall, stolen, len(server_late), server_late[:3], r.stdout, r.stderr),
                      flush=True)
                disturbed = stolen > 0 or len(server_late) > 0
                if not check(r.returncode == 0, "play --api jack exits 0"):
                    return
                stats, why = parse_stats(r.stdout)
                if not check(stats is not None, "play prints one JSON line " + why):
                    return
                all_disturbed = all_disturbed and disturbed
                if stolen == 0:
                    unexplained_overruns += stats["overruns"]
                clean = stats["xruns"] == 0 and stats["late_events"] == 0
                if clean or attempts >= 6:
                    break
                print("  xruns (%d callbacks overran their period; machine disturbed: %s): trying again"
                      % (stats["overruns"], disturbed), flush=True)
            expected = 6 * 48000 / 128
            check(stats["api"] == "jack" and stats["silent_clock"] is False, "played through JACK, not a silent clock")
            low = 0.85 if not disturbed else 0.5  # a host that steals seconds of CPU also stalls JACK's clock
            check(low * expected <= stats["callbacks"] <= 1.1 * expected,
                  "callbacks %d ~ 6 s * 48000 / 128 = %d" % (stats["callbacks"], expected))
            if stats["xruns"] == 0:
                check(True, "no xruns in attempt %d" % attempts)
            else:
                check(unexplained_overruns == 0,
                      "xruns in all %d attempts (last: %d): allowed only if no callback overran its period without "
                      "host steal (%d did; machine seen late in every attempt: %s)"
                      % (attempts, stats["xruns"], unexplained_overruns, all_disturbed))
                if unexplained_overruns == 0:
                    print("WARNING: no clean attempt in %d; every callback without host steal fit in its period, so "
                          "the xruns are the machine's (steal / JACK server timing), not the engine's" % attempts,
                          flush=True)
            period_us = 128 / 48000 * 1e6
            check(stats["max_callback_us"] < period_us or disturbed,
                  "the longest callback (%.1f us) fits in the %.0f us period" % (stats["max_callback_us"], period_us))
            print("FIGURES callbacks=%d xruns=%d late_events=%d max_callback_us=%.1f overruns=%d peak_voices=%d "
                  "attempts=%d" % (stats["callbacks"], stats["xruns"], stats["late_events"], stats["max_callback_us"],
                                   stats["overruns"], stats["peak_voices"], attempts), flush=True)
            check(stats["late_events"] == 0, "no late events (got %d)" % stats["late_events"])
            check(stats["peak_voices"] >= 32, "at least 32 voices at once (got %d)" % stats["peak_voices"])
            check(stats["max_callback_us"] > 0, "the longest callback was measured (%.1f us)" % stats["max_callback_us"])
            check(stats.get("dropped_triggers", 0) == 0, "no dropped triggers")
        finally:
            stop_jackd(proc)
    check(proc.returncode is not None, "jackd stopped")


def case_no_server():
    env = base_env(unique_name())  # a server name nobody runs
    r = run(["play", "--api", "jack", "--kit-only", "--seconds", "1", 's "bd"'], env)
    lines = r.stderr.splitlines()
    check(r.returncode == 1, "play --api jack with no server exits 1 (got %d)" % r.returncode)
    check(len(lines) == 1 and "jack" in lines[0] and lines[0].startswith("seiche-cli play:"),
          "... with one line on stderr: %r" % r.stderr)
    check(r.stdout == "", "... and nothing on stdout")

    # No device at all: no JACK server, no PulseAudio server, and (on this headless
    # machine) no ALSA card. The engine says so in one line and plays on a silent clock.
    env_none = dict(env)
    env_none["PULSE_SERVER"] = "unix:/nonexistent/seiche-test-pulse"
    r = run(["play", "--kit-only", "--seconds", "2", "--json", 's "bd*4 hh*8"'], env_none)
    check(r.returncode == 0, "play with no device exits 0 (got %d: %r)" % (r.returncode, r.stderr))
    stats, why = parse_stats(r.stdout)
    if check(stats is not None, "play prints one JSON line " + why):
        if stats["silent_clock"]:
            lines = r.stderr.splitlines()
            check(len(lines) == 1 and "silent clock" in lines[0],
                  "it says so in one line: %r" % r.stderr)
            expected = 2 * 48000 / 128
            check(0.85 * expected <= stats["callbacks"] <= 1.1 * expected,
                  "the silent clock keeps real time: %d blocks ~ %d" % (stats["callbacks"], expected))
            check(stats["peak_voices"] >= 1,
                  "the mixer ran on the silent clock (%d voices, %d late)" % (stats["peak_voices"], stats["late_events"]))
            check(stats["device_attempts"] >= 1 and "cannot open" in stats["last_device_error"],
                  "it kept looking for a device, and says why none opened: %d tries, %r"
                  % (stats["device_attempts"], stats["last_device_error"]))
        else:
            check(stats["api"] == "alsa", "with a sound card it played through ALSA: %r" % stats)

    # A requested API is never replaced by the silent clock: --api alsa here either plays or exits 1.
    r = run(["play", "--api", "alsa", "--kit-only", "--seconds", "1", "--json", 's "bd"'], env_none)
    if r.returncode == 0:
        stats, why = parse_stats(r.stdout)
        check(stats is not None and stats["api"] == "alsa" and not stats["silent_clock"],
              "--api alsa played through ALSA: %r" % r.stdout)
    else:
        lines = r.stderr.splitlines()
        check(r.returncode == 1 and len(lines) == 1 and "cannot open alsa" in lines[0],
              "--api alsa without a card exits 1 with one line: %d %r" % (r.returncode, r.stderr))


def play_while(args, env, change_server):
    """Runs `play ARGS` while change_server() starts or stops JACK servers; it returns
    the server left running (stopped here afterwards). Returns (exit status, stdout, stderr)."""
    player = subprocess.Popen([CLI, "play"] + args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc = None
    try:
        proc = change_server()
        try:
            out, err = player.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            # A hang is a defect: say where every thread of the player is stuck.
            print("play did not end within 60 s; its threads:", flush=True)
            if shutil.which("gdb"):
                subprocess.run(["gdb", "-p", str(player.pid), "-batch", "-ex", "thread apply all bt"],
                               stdout=sys.stdout, stderr=subprocess.STDOUT, timeout=60, check=False)
            raise
    finally:
        if player.poll() is None:
            player.kill()
        if proc:
            stop_jackd(proc)
    print("stdout: %s stderr: %s" % (out, err), flush=True)
    if "did not stop within" in err:
        # play gave up on a driver that would not let go and exited anyway; the hand-over
        # itself is judged by the checks that follow.
        print("WARNING: " + err.strip().splitlines()[-1], flush=True)
    return player.returncode, out, err


def play_through_server(seconds, change_server):
    """Starts a JACK server, plays DENSE through it for SECONDS while
    change_server(server, name, log) disturbs it (returning the server left running),
    and returns (exit status, parsed statistics or None, stderr)."""
    name = unique_name()
    with tempfile.TemporaryFile("w+") as log:
        server = start_jackd(name, log)
        status, out, err = play_while(["--api", "jack", "--kit-only", "--seconds", str(seconds), "--json", DENSE],
                                      base_env(name), lambda: change_server(server, name, log))
        log.flush()
        log.seek(0)
        server_log = log.read()
    stats, why = parse_stats(out)
    if stats is not None and stats["device_losses"] > 0 and stats["device_recoveries"] == 0:
        # What the servers said, for the rare run whose device never comes back.
        print("the JACK servers' log:\n" + server_log, flush=True)
    check(stats is not None, "play prints one JSON line " + why)
    return status, stats, err


def case_recover():
    def quit_and_come_back(server, name, log):
        time.sleep(2.5)
        stop_jackd(server)
        time.sleep(2.5)
        return start_jackd(name, log)

    status, stats, err = play_through_server(10, quit_and_come_back)
    if status == 0 and stats is not None and stats["device_recoveries"] == 0:
        # Seen twice in many runs on this VM, both times with other tests loading the host:
        # the restarted server answered a fresh process but not the player's retries. play
        # says why on stderr ("did not come back ... (last: ...)"); one more attempt.
        print("WARNING: the device did not come back; trying once more. stderr: %r" % err, flush=True)
        status, stats, err = play_through_server(10, quit_and_come_back)
    check(status == 0, "play survives the JACK server quitting (exit %d)" % status)
    if stats is None:
        return
    check(stats["device_losses"] >= 1, "the loss was noticed (%d)" % stats["device_losses"])
    check(stats["device_recoveries"] >= 1, "the device came back (%d)" % stats["device_recoveries"])
    check("went away" in err and "playing through jack" in err, "both moments are reported on stderr: %r" % err)
    check(stats["silent_clock"] is False and stats["api"] == "jack", "it ends playing through JACK again")
    # The clock never stopped: the silent clock covered the gap (less the watchdog's 0.5 s stall timeout).
    check(stats["seconds"] >= 8.5, "the engine clock ran %.2f s of 10" % stats["seconds"])
    # Late events are not asserted here: a host that steals the CPU (see above) makes
    # some whatever the engine does; the dense case is where they are judged.
    print("late events across the hand-overs: %d" % stats["late_events"], flush=True)


def case_freeze():
    def freeze_and_thaw(server, name, log):
        time.sleep(2.5)
        os.killpg(server.pid, signal.SIGSTOP)
        time.sleep(2.0)
        os.killpg(server.pid, signal.SIGCONT)
        return server

    status, stats, err = play_through_server(9, freeze_and_thaw)
    check(status == 0, "play survives a frozen JACK server and exits on time (exit %d)" % status)
    if stats is None:
        return
    check(stats["device_losses"] >= 1 and "went away" in err, "the stall was noticed: %r" % err)
    check(stats["seconds"] >= 7.5, "the engine clock ran %.2f s of 9" % stats["seconds"])
    print("late events: %d" % stats["late_events"], flush=True)


def case_late_server():
    name = unique_name()
    env = base_env(name)
    env["PULSE_SERVER"] = "unix:/nonexistent/seiche-test-pulse"
    with tempfile.TemporaryFile("w+") as log:

        def appear_later():
            time.sleep(1.5)
            return start_jackd(name, log)

        status, out, err = play_while(["--kit-only", "--seconds", "7", "--json", DENSE], env, appear_later)
    check(status == 0, "play exits 0 (%d)" % status)
    stats, why = parse_stats(out)
    if not check(stats is not None, "play prints one JSON line " + why):
        return
    if "no audio device" not in err:
        check(stats["api"] == "alsa", "this machine has a sound card; it played through ALSA: %r" % stats)
        return
    check("until one appears" in err.splitlines()[0], "it says it looks for a device: %r" % err)
    check("playing through jack" in err, "it reports the server it found: %r" % err)
    check(stats["device_recoveries"] >= 1 and stats["api"] == "jack" and stats["silent_clock"] is False,
          "the music moved onto the JACK server: %r" % stats)
    check(stats["device_attempts"] >= stats["device_recoveries"], "every recovery was a try (%d tries, %d recoveries)"
          % (stats["device_attempts"], stats["device_recoveries"]))
    check(stats["seconds"] >= 6.5, "the clock ran on across the move (%.2f s of 7, %d late events)"
          % (stats["seconds"], stats["late_events"]))


def case_trap():
    env = base_env(unique_name())
    self_test = dict(env, SEICHE_ALLOC_TRAP_SELFTEST="1")
    r = subprocess.run([CLI, "--version"], env=self_test, capture_output=True, text=True, timeout=30)
    check(r.returncode < 0 and "alloc-trap: allocation inside the audio callback" in r.stderr,
          "the trap build aborts on an allocation inside a callback scope (exit %d, %r)" % (r.returncode, r.stderr))
    r = run(["play", "--no-device", "--kit-only", "--seconds", "4", "--json", DENSE], env, timeout=60)
    check(r.returncode == 0, "4 s of the dense pattern on the silent clock never allocate (exit %d, %r)"
          % (r.returncode, r.stderr))
    stats, why = parse_stats(r.stdout)
    if check(stats is not None, "play prints one JSON line " + why):
        check(stats["silent_clock"] is True and stats["peak_voices"] >= 32,
              "the silent clock mixed a dense load (%d voices)" % stats["peak_voices"])


if __name__ == "__main__":
    if CASE == "server":
        case_server()
    elif CASE == "no-server":
        case_no_server()
    elif CASE == "recover":
        case_recover()
    elif CASE == "freeze":
        case_freeze()
    elif CASE == "late-server":
        case_late_server()
    elif CASE == "trap":
        case_trap()
    else:
        sys.exit("unknown case " + CASE)
    if failures:
        print("%d check(s) failed" % len(failures))
        sys.exit(1)
    print("all checks passed")
