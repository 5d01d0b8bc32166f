#!/usr/bin/env bash
# Feature extraction speed, Seiche against aubiomfcc (Debian aubio-tools) on the
# same files in the same run, as a multiple of real time: audio seconds analysed
# per second of wall time, and per second of CPU time (user + system of the child
# processes; steadier than wall time when other work shares the machine). Best of
# RUNS (default 3) for each.
#   short: every Sonic Pi sample (/usr/share/sonic-pi/samples/*.flac), one process
#          per file for both tools, so process start-up counts alike; Seiche also
#          in one call for all files (how its CLI is meant to be used);
#   long:  loop_compus repeated to about 5 minutes (16-bit WAV), where start-up no
#          longer matters.
# aubiomfcc runs with Seiche's framing (-B 1024 -H 512) and with its own default
# (-B 512 -H 256); its per-frame text output goes to /dev/null, as Seiche's does.
# usage: bench/features_bench.sh [SEICHE_CLI] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
cli="${1:-build/seiche-cli}"
runs="${2:-3}"
samples=/usr/share/sonic-pi/samples
command -v aubiomfcc >/dev/null || { echo "aubiomfcc not found (apt-get install aubio-tools)" >&2; exit 1; }
command -v sox >/dev/null || { echo "sox not found" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sox "$samples/loop_compus.flac" -b 16 "$tmp/long.wav" repeat 45

/usr/bin/python3 - "$cli" "$runs" "$tmp/long.wav" "$samples"/*.flac <<'PY'
import json, os, resource, subprocess, sys, time

cli, runs, long_file, short_files = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]

def audio_seconds(files):
    out = subprocess.run([cli, "features", "--json", "--extra", *files], capture_output=True, text=True, check=True).stdout
    return sum(f["duration"] for f in json.loads(out)["files"])

def best(audio, commands):
    """Best wall and CPU real-time factors over `runs` runs of the commands in turn."""
    wall_best = cpu_best = 0.0
    for _ in range(runs):
        before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
        for command in commands:
            subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        wall_best, cpu_best = max(wall_best, audio / wall), max(cpu_best, audio / cpu)
    return wall_best, cpu_best

short_audio, long_audio = audio_seconds(short_files), audio_seconds([long_file])
print(f"files: {len(short_files)} Sonic Pi samples, {short_audio:.1f} s of audio; long file {long_audio:.1f} s")
print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}, "
      f"{time.strftime('%Y-%m-%dT%H:%MZ', time.gmtime())}, best of {runs}")
cases = [
    ("short", "seiche, one process per file", short_audio, [[cli, "features", f] for f in short_files]),
    ("short", "seiche --extra, one process per file", short_audio, [[cli, "features", "--extra", f] for f in short_files]),
    ("short", "seiche, one call for all files", short_audio, [[cli, "features", *short_files]]),
    ("short", "aubiomfcc -B 1024 -H 512, one process per file", short_audio, [["aubiomfcc", "-B", "1024", "-H", "512", "-i", f] for f in short_files]),
    ("short", "aubiomfcc (512/256), one process per file", short_audio, [["aubiomfcc", "-i", f] for f in short_files]),
    ("long", "seiche", long_audio, [[cli, "features", long_file]]),
    ("long", "seiche --extra", long_audio, [[cli, "features", "--extra", long_file]]),
    ("long", "aubiomfcc -B 1024 -H 512", long_audio, [["aubiomfcc", "-B", "1024", "-H", "512", "-i", long_file]]),
    ("long", "aubiomfcc (512/256)", long_audio, [["aubiomfcc", "-i", long_file]]),
]
results = {}
print(f"{'set':5}  {'tool':48} {'x real time (wall)':>18} {'x real time (CPU)':>18}")
for group, name, audio, commands in cases:
    wall, cpu = best(audio, commands)
    results[(group, name)] = (wall, cpu)
    print(f"{group:5}  {name:48} {wall:18.0f} {cpu:18.0f}")
for group, ours, theirs in [("short", "seiche, one process per file", "aubiomfcc -B 1024 -H 512, one process per file"),
                            ("long", "seiche", "aubiomfcc -B 1024 -H 512")]:
    (w1, c1), (w2, c2) = results[(group, ours)], results[(group, theirs)]
    print(f"{group}: seiche / aubiomfcc at the same framing: {w1 / w2:.1f}x (wall), {c1 / c2:.1f}x (CPU)")
PY
