#!/usr/bin/env bash
# Real-time capacity: plays bench/voices_256.tidal (256+ simultaneous filtered voices)
# through RtAudio's JACK API into a dummy-driver JACK server at 48 kHz with 128-frame
# buffers, and prints the statistics line (xruns, longest callback, peak voices).
# Usage: bench/realtime_voices.sh [SECONDS] [PATTERN_FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
pattern="${2:-bench/voices_256.tidal}"
name="seiche-bench-$$"
export JACK_DEFAULT_SERVER="$name" JACK_NO_START_SERVER=1 JACK_NO_AUDIO_RESERVATION=1
jackd -n "$name" --realtime -d dummy -r 48000 -p 128 >/tmp/"$name".log 2>&1 &
jack_pid=$!
trap 'kill $jack_pid 2>/dev/null; wait $jack_pid 2>/dev/null; rm -f /tmp/'"$name"'.log' EXIT
for _ in $(seq 1 80); do
  build/seiche-cli devices --api jack --json 2>/dev/null | grep -q '"name"' && break
  sleep 0.25
done
steal_before=$(awk '/^cpu /{print $9}' /proc/stat)
build/seiche-cli play --api jack --kit-only --seconds "$seconds" --json --file "$pattern"
steal_after=$(awk '/^cpu /{print $9}' /proc/stat)
echo "host steal during the run: $((steal_after - steal_before)) ticks of 10 ms; jackd's own late timer wake-ups: $(grep -c 'XRun' /tmp/"$name".log || true)"
