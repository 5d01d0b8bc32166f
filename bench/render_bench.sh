#!/usr/bin/env bash
# Offline render speed on one core with the built-in kit, best of three runs, for each load:
#   bench/dense_8ch.tidal          8 channels with synths (superpiano, supersaw, sine/tri
#                                  chords), kit drums, filters, crusher, reverb and delay
#   bench/dense_samples_8ch.tidal  the same 8 channels with kit sounds in place of the synths
# Usage: bench/render_bench.sh [SECONDS (default 60)] [FILE.tidal ...]
# Prints the real-time factor, the peak and mean number of simultaneous voices, and the
# cost of one voice sounding for one second.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(bench/dense_8ch.tidal bench/dense_samples_8ch.tidal)
field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
# The host's stolen time (/proc/stat, 10 ms ticks, all cores) says how quiet the machine was:
# on a virtual machine a busy neighbour costs up to half the speed.
steal() { awk '/^cpu /{print $9}' /proc/stat 2>/dev/null || echo 0; }
for file in "${files[@]}"; do
  best=0
  before=$(steal)
  for _ in 1 2 3; do
    line=$(build/seiche-cli render --kit-only --seconds "$seconds" --out /tmp/seiche-render-bench.wav --json --file "$file")
    best=$(python3 -c "print(max($best, $(field "$line" realtime_factor)))")
  done
  echo "render of $file, ${seconds} s: ${best}x real time (best of 3), peak $(field "$line" peak_voices) voices, $(field "$line" mean_voices) on average, $(field "$line" us_per_voice_second) us per voice-second (last run); host steal $(( $(steal) - before )) ticks"
done
rm -f /tmp/seiche-render-bench.wav
