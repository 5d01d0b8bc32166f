#!/usr/bin/env python3
"""The DSP kernels' x86-64-v3 copies (src/audio/dsp/kernel.hpp) give the same bits as the
baseline: each benchmark load, and a load that runs every kernel, rendered by seiche-cli
(whichever copies this processor runs) and by render_baseline (baseline copies only) must be
the same file, byte for byte. On a processor without AVX2 and FMA both run the baseline, so
the test is skipped (exit 77).
Usage: same_bits_test.py SEICHE_CLI RENDER_BASELINE BENCH_DIR"""
import filecmp
import os
import subprocess
import sys
import tempfile

cli, baseline, bench = sys.argv[1:4]
flags = set()
if os.path.exists("/proc/cpuinfo"):
    for line in open("/proc/cpuinfo"):
        if line.startswith("flags"):
            flags = set(line.split(":", 1)[1].split())
            break
if not {"avx2", "fma", "bmi2", "movbe"} <= flags:
    print("this processor has no x86-64-v3 (AVX2, FMA...): seiche-cli runs the baseline copies too")
    sys.exit(77)
failed = []
loads = [os.path.join(bench, name + ".tidal") for name in ("dense_8ch", "dense_samples_8ch", "voices_256")]
loads.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "every_kernel.tidal"))
with tempfile.TemporaryDirectory() as tmp:
    for source in loads:
        load = os.path.splitext(os.path.basename(source))[0]
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
