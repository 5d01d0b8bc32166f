#!/usr/bin/env bash
# Query speed, Seiche against TidalCycles 1.7.10 (ghc -O2), same patterns, same run.
#   bench/compare_with_tidal.sh [CYCLES]      (default 2000; needs build/seiche-cli)
set -euo pipefail
cd "$(dirname "$0")/.."
cycles="${1:-2000}"
tidal=$(bench/run_tidal_bench.sh build/tidal-bench "$cycles")
seiche=$(build/seiche-cli bench --patterns bench/patterns.txt --cycles "$cycles" --repeats 3)
python3 - "$tidal" "$seiche" <<'PY'
import sys
def parse(text):
    out = {}
    for line in text.splitlines():
        f = line.split()
        if len(f) < 4: continue
        kv = dict(x.split('=') for x in f[1:])
        out[f[0]] = (int(kv['events']), float(kv['events_per_sec']))
    return out
tidal, seiche = parse(sys.argv[1]), parse(sys.argv[2])
print('| pattern | events | Tidal 1.7.10 events/s | Seiche events/s | speed-up |')
print('|---|---:|---:|---:|---:|')
ratios = []
for name, (ev, tr) in tidal.items():
    if name not in seiche: continue
    sev, sr = seiche[name]
    note = '' if sev == ev else ' (event counts differ: %d vs %d)' % (ev, sev)
    ratios.append(sr / tr)
    print('| %s | %d | %.0f | %.0f | %.1f×%s |' % (name, ev, tr, sr, sr / tr, note))
import math
if ratios:
    print('\ngeometric mean speed-up: %.1f×, slowest: %.1f×' % (math.exp(sum(map(math.log, ratios)) / len(ratios)), min(ratios)))
PY
