#!/usr/bin/env python3
"""The DSP kernels' x86-64-v3 copies (src/audio/dsp/kernel.hpp) give the same bits as the
baseline: each benchmark load rendered by seiche-cli (whichever copies this processor runs)
and by render_baseline (baseline copies only) must be the same file, byte for byte.
Usage: same_bits_test.py SEICHE_CLI RENDER_BASELINE BENCH_DIR"""
import filecmp
import os
import subprocess
import sys
import tempfile

cli, baseline, bench = sys.argv[1:4]
flags = open("/proc/cpuinfo").read() if os.path.exists("/proc/cpuinfo") else ""
print("this processor runs the", "x86-64-v3" if " avx2 " in flags and " fma " in flags else "baseline",
      "copies in seiche-cli")
failed = []
with tempfile.TemporaryDirectory() as tmp:
    for load in ("dense_8ch", "dense_samples_8ch", "voices_256"):
        source = os.path.join(bench, load + ".tidal")
        ours, theirs = os.path.join(tmp, load + "-cli.wav"), os.path.join(tmp, load + "-baseline.wav")
        subprocess.run([cli, "render", "--kit-only", "--seconds", "6", "--out", ours, "--file", source],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run([baseline, "6", theirs, source], check=True)
        size = os.path.getsize(ours)
        assert size > 6 * 48000 * 6, f"{load}: {size} bytes is too short for 6 s of 24-bit stereo"
        same = filecmp.cmp(ours, theirs, shallow=False)
        print(f"{load}: {size} bytes, {'the same' if same else 'DIFFERENT'}")
        if not same:
            failed.append(load)
sys.exit(f"renders differ: {', '.join(failed)}" if failed else 0)
