#!/usr/bin/env python3
"""Offline renders checked as sound: seiche-cli render writes real files, and
sox / aubio (Debian's sox and aubio-tools) measure them. Usage: render_sound_test.py SEICHE_CLI"""
import os
import re
import subprocess
import sys
import tempfile
import wave
import struct
import math

CLI = sys.argv[1]
TMP = tempfile.mkdtemp(prefix="seiche-render-")
failures = []


def render(name, code, *extra):
    out = os.path.join(TMP, name)
    r = subprocess.run([CLI, "render", "--kit-only", "--out", out, *extra, code], capture_output=True, text=True)
    if r.returncode != 0:
        raise AssertionError(f"render failed for {code!r}: {r.stderr.strip()}")
    return out


def read_wav(path):
    """Frames of a 24-bit stereo WAV as two lists of floats."""
    with wave.open(path) as w:
        assert w.getsampwidth() == 3 and w.getnchannels() == 2
        raw = w.readframes(w.getnframes())
    left, right = [], []
    for i in range(0, len(raw), 6):
        for ch, dst in ((0, left), (3, right)):
            b = raw[i + ch:i + ch + 3]
            v = int.from_bytes(b, "little", signed=True)
            dst.append(v / 8388608.0)
    return left, right


def sox_stat(path, *effects):
    r = subprocess.run(["sox", path, "-n", *effects, "stat"], capture_output=True, text=True)
    stats = {}
    for line in r.stderr.splitlines():
        m = re.match(r"(.+?):\s+(-?[\d.]+)", line)
        if m:
            stats[m.group(1).strip()] = float(m.group(2))
    return stats


def check(name, cond, detail):
    print(("ok   " if cond else "FAIL ") + name + ": " + detail)
    if not cond:
        failures.append(name)


# Onsets land on the expected samples: bd*4 at cps 0.5 -> one hit every 0.5 s.
path = render("onsets.wav", 's "bd*4"', "--cps", "0.5", "--cycles", "4")
r = subprocess.run(["aubioonset", "-i", path, "-O", "hfc", "-t", "0.5"], capture_output=True, text=True)
onsets = [float(x) for x in r.stdout.split()]
expected = [i * 0.5 for i in range(16)]
matched = all(any(abs(o - e) < 0.012 for o in onsets) for e in expected)
check("onsets", matched and len(onsets) == 16, f"aubio found {len(onsets)} onsets, first {onsets[:4]}")

# Exact sample positions, by our own detector: a short sound every 1/8 cycle at
# cps 0.5 (every 0.25 s = 12000 frames); each hit's first non-silent sample.
left, _ = read_wav(render("exact.wav", 's "rim*8"', "--cps", "0.5", "--cycles", "1"))
starts = []
for k in range(8):
    e = k * 12000
    window = left[max(0, e - 50):e + 50]
    first = next((max(0, e - 50) + i for i, x in enumerate(window) if abs(x) > 1e-5), None)
    starts.append(first)
# The kit's rim starts with one zero sample (its attack begins at 0), so the first
# non-silent sample is the onset frame + 1.
check("onset samples", starts == [k * 12000 + 1 for k in range(8)], f"first non-silent samples {starts}")

# Deterministic: two renders are bit-identical.
code = 'd1 $ s "bd*8 sn*4" # room 0.4 # pan rand\nd2 $ n "0 .. 7" # s "superpiano" # delay 0.5 # delaytime 0.1'
a = open(render("det1.wav", code), "rb").read()
b = open(render("det2.wav", code), "rb").read()
check("deterministic", a == b, f"{len(a)} bytes")

# pan 0 is left only.
left, right = read_wav(render("pan.wav", 's "sn*4" # pan 0'))
check("pan 0", max(map(abs, left)) > 0.05 and max(map(abs, right)) < 1e-6,
      f"left peak {max(map(abs, left)):.3f}, right peak {max(map(abs, right)):.2e}")

# cutoff 300 leaves little energy above 1 kHz (noise has plenty without it).
plain = render("noise.wav", 's "noise*2" # legato 1')
cut = render("noise_lpf.wav", 's "noise*2" # legato 1 # cutoff 300')
hi_plain = sox_stat(plain, "sinc", "1000")["RMS     amplitude"]
hi_cut = sox_stat(cut, "sinc", "1000")["RMS     amplitude"]
check("cutoff 300", hi_cut < hi_plain * 0.05, f"RMS above 1 kHz {hi_cut:.5f} vs {hi_plain:.5f} unfiltered")

# crush 4 adds harmonics to a sine: energy above 2 kHz of a 220 Hz tone.
clean = render("sine.wav", 'n "-15" # s "sine" # legato 1')
crushed = render("sine_crush.wav", 'n "-15" # s "sine" # legato 1 # crush 4')
h_clean = sox_stat(clean, "sinc", "2000")["RMS     amplitude"]
h_crush = sox_stat(crushed, "sinc", "2000")["RMS     amplitude"]
check("crush 4", h_crush > h_clean * 20 and h_crush > 0.005, f"RMS above 2 kHz {h_crush:.5f} vs {h_clean:.6f}")

# cut 1 stops the previous voice: a long sound retriggered every 1/8 cycle.
long_free = read_wav(render("cut0.wav", 's "cr*8"', "--cycles", "1"))[0]
long_cut = read_wav(render("cut1.wav", 's "cr*8" # cut 1', "--cycles", "1"))[0]
# Just before the second hit, the first is still sounding in both; well after the
# last hit starts, the cut version holds only one voice: compare sustained level
# right before hit 2 + 200 ms with and without the cut (voices pile up without it).
seg = lambda xs, a, b: math.sqrt(sum(x * x for x in xs[a:b]) / max(1, b - a))
step = int(48000 / 0.5625 / 8)
rms_free = seg(long_free, 7 * step - 2000, 7 * step)
rms_cut = seg(long_cut, 7 * step - 2000, 7 * step)
check("cut 1", rms_cut < rms_free * 0.8, f"RMS before the last hit: cut {rms_cut:.4f}, free {rms_free:.4f}")

# A loud pattern never clips: the limiter holds the ceiling.
peak = sox_stat(render("loud.wav", 's "bd*16 sn*16" # gain 1.6 # shape 0.9'))["Maximum amplitude"]
check("limiter", 0.5 < peak <= 0.9661, f"peak {peak:.4f}")

# Bad input: a clear error and exit status, never a crash.
r = subprocess.run([CLI, "render", "--kit-only", "--out", os.path.join(TMP, "x.mp4"), 's "bd"'], capture_output=True, text=True)
check("bad extension", r.returncode == 1 and ".wav or .flac" in r.stderr, r.stderr.strip())
r = subprocess.run([CLI, "render", "--kit-only", "--out", "/nonexistent-dir/x.wav", 's "bd"'], capture_output=True, text=True)
check("unwritable path", r.returncode == 1 and "cannot write" in r.stderr, r.stderr.strip())
r = subprocess.run([CLI, "render", "--kit-only", "--out", os.path.join(TMP, "e.wav"), 's "bd'], capture_output=True, text=True)
check("parse error", r.returncode == 2 and re.match(r"\d+:\d+: ", r.stderr), r.stderr.strip())
r = subprocess.run([CLI, "render", "--kit-only", "--out", os.path.join(TMP, "u.wav"), 's "nosuchsound bd"'], capture_output=True, text=True)
check("unknown sound", r.returncode == 0 and "unknown sound 'nosuchsound'" in r.stderr, r.stderr.strip())
path = render("flac.flac", 's "bd sn"')
check("flac", subprocess.run(["soxi", "-t", path], capture_output=True, text=True).stdout.strip() == "flac", path)

# --json is valid JSON even for a path with a quote in it.
import json
quoted = os.path.join(TMP, 'say "hi".wav')
r = subprocess.run([CLI, "render", "--kit-only", "--json", "--out", quoted, 's "bd"'], capture_output=True, text=True)
try:
    report = json.loads(r.stdout)
    check("json report", report["file"] == quoted and report["triggers"] == 4, r.stdout.strip())
except ValueError:
    check("json report", False, r.stdout.strip())

print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
