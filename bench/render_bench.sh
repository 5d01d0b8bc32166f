#!/usr/bin/env bash
# Offline render speed: bench/dense_8ch.tidal (8 channels, filters, reverb, delay)
# rendered for SECONDS (default 60) with the built-in kit, best of three runs.
# Prints the real-time factor, the peak and mean number of simultaneous voices, and the
# cost of one voice sounding for one second.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
best=0
for _ in 1 2 3; do
  line=$(build/seiche-cli render --kit-only --seconds "$seconds" --out /tmp/seiche-render-bench.wav --json --file bench/dense_8ch.tidal)
  factor=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["realtime_factor"])' "$line")
  voices=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["peak_voices"])' "$line")
  mean=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["mean_voices"])' "$line")
  per_voice=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["us_per_voice_second"])' "$line")
  best=$(python3 -c "print(max($best, $factor))")
done
echo "render of bench/dense_8ch.tidal, ${seconds} s: ${best}x real time (best of 3), peak ${voices} voices, ${mean} on average, ${per_voice} us per voice-second (last run)"
rm -f /tmp/seiche-render-bench.wav
