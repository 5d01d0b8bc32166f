#!/usr/bin/env bash
# Time from starting `seiche --demo` to its window on screen and the demo's first
# sound, measured from outside (process spawn) and from inside (main()).
# Usage: bench/app_startup.sh [RUNS] [extra seiche options]   (default 5 runs)
# Runs under Xvfb when there is no display; --no-device is not implied: with no
# audio device the app plays on its silent clock, which is what is timed then.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"; shift || true
export SEICHE_REPORT_STARTUP=1
export XDG_CONFIG_HOME="$(mktemp -d)" SEICHE_DATA_DIR="$(mktemp -d)"
wrap=()
if [[ -z "${DISPLAY:-}" ]]; then wrap=(xvfb-run -a -s "-screen 0 1920x1080x24"); fi
exec "${wrap[@]}" python3 - "$runs" "$@" <<'PY'
import subprocess, sys, time, re
runs = int(sys.argv[1]); extra = sys.argv[2:]
for i in range(runs):
    t0 = time.monotonic()
    p = subprocess.Popen(["build/seiche", "--demo", "--restore", "no", *extra], stderr=subprocess.PIPE, text=True)
    line = ""
    for line in p.stderr:
        if "first sound" in line:
            break
    outside = (time.monotonic() - t0) * 1000
    p.kill(); p.wait()
    m = re.search(r"window shown at ([\d.]+) ms, first sound at ([\d.]+) ms", line)
    if m:
        print(f"run {i+1}: window {float(m.group(1)):.0f} ms, first sound {float(m.group(2)):.0f} ms after main(); "
              f"{outside:.0f} ms after spawn")
    else:
        print(f"run {i+1}: no report ({line.strip()})")
PY
