#!/usr/bin/python3
"""Checks `seiche-cli features --json --extra` against an independent numpy
implementation of the definition in docs/analysis.md, on Sonic Pi samples (read
here from 16-bit WAV copies made by sox) and on generated tones and noise.
Every value must agree to 1e-4 (absolute, or relative for values above 1).

usage: mfcc_reference_test.py SEICHE_CLI"""
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import wave

import numpy as np

SAMPLES = "/usr/share/sonic-pi/samples"
SONIC_PI_FILES = ["bd_haus.flac", "loop_amen.flac", "ambi_choir.flac", "drum_cymbal_open.flac",
                  "elec_blip.flac", "bass_hit_c.flac"]
TOLERANCE = 1e-4
RATE = 44100


def read_wav(path):
    with wave.open(path, "rb") as w:
        assert w.getsampwidth() == 2, path
        channels, rate = w.getnchannels(), w.getframerate()
        data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64) / 32768.0
    return data.reshape(-1, channels).mean(axis=1), rate


def write_wav(path, signal, channels=1):
    pcm = np.clip(np.round(signal * 32767.0), -32768, 32767).astype("<i2")
    with wave.open(path, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(pcm.tobytes())


# --- the definition, written from docs/analysis.md -----------------------------

def slaney_mel(hz):
    hz = np.asarray(hz, dtype=np.float64)
    linear = hz * 3.0 / 200.0
    logarithmic = 15.0 + 27.0 * np.log(np.maximum(hz, 1e-300) / 1000.0) / np.log(6.4)
    return np.where(hz >= 1000.0, logarithmic, linear)


def slaney_hz(mel):
    mel = np.asarray(mel, dtype=np.float64)
    return np.where(mel >= 15.0, 1000.0 * 6.4 ** ((mel - 15.0) / 27.0), mel * 200.0 / 3.0)


def mel_matrix(bands, n_fft, rate):
    freqs = np.fft.rfftfreq(n_fft, 1.0 / rate)
    edges = slaney_hz(np.linspace(slaney_mel(0.0), slaney_mel(rate / 2.0), bands + 2))
    lower, centre, upper = edges[:-2, None], edges[1:-1, None], edges[2:, None]
    up = (freqs[None, :] - lower) / (centre - lower)
    down = (upper - freqs[None, :]) / (upper - centre)
    return np.clip(np.minimum(up, down), 0.0, None) * (2.0 / (upper - lower))


def dct_ortho(x, keep):
    n = x.shape[-1]
    k = np.arange(keep)[:, None]
    m = np.arange(n)[None, :]
    basis = np.cos(np.pi * k * (m + 0.5) / n) * np.sqrt(2.0 / n)
    basis[0] /= np.sqrt(2.0)
    return x @ basis.T


def frames_of(x, window, hop):
    count = 1 + max(0, math.ceil((len(x) - window) / hop))
    padded = np.zeros((count - 1) * hop + window)
    padded[:len(x)] = x
    return np.stack([padded[i * hop:i * hop + window] for i in range(count)])


def onset_count(flux, around=3, history=10, above=2.0, floor=1e-4):
    padded = np.concatenate([np.zeros(history), flux, np.zeros(around)])
    count = 0
    for t in range(len(flux)):
        c = t + history
        # From the silent frame before the first at most, to the last frame.
        hood = padded[max(c - history, history - 1):min(c + around + 1, history + len(flux))]
        before, after = padded[c - around:c], padded[c + 1:c + around + 1]
        if padded[c] > floor and np.all(before < padded[c]) and np.all(after <= padded[c]) \
                and padded[c] >= above * hood.mean():
            count += 1
    return count


def reference(x, window=1024, hop=512, bands=40, coefficients=13):
    hann = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(window) / window)
    spectrum = np.abs(np.fft.rfft(frames_of(x, window, hop) * hann, axis=1))
    power = spectrum ** 2
    mfcc = dct_ortho(np.log(np.maximum(power @ mel_matrix(bands, window, RATE).T, 1e-10)), coefficients)
    out = {"mfcc_mean": mfcc.mean(axis=0), "mfcc_var": mfcc.var(axis=0)}

    out["duration"] = len(x) / RATE
    out["loudness"] = 10 * np.log10(max(np.mean(x ** 2), 1e-10))
    sounding = power.sum(axis=1) > 1e-10
    freqs = np.fft.rfftfreq(window, 1.0 / RATE)
    if sounding.any():
        s, p = spectrum[sounding], np.maximum(power[sounding], 1e-10)
        out["centroid"] = np.mean((s * freqs).sum(axis=1) / s.sum(axis=1))
        out["flatness"] = np.mean(np.exp(np.log(p).mean(axis=1)) / p.mean(axis=1))
    else:
        out["centroid"], out["flatness"] = 0.0, 1.0
    scaled = spectrum * 2.0 / hann.sum()
    flux = np.clip(np.diff(np.vstack([np.zeros(scaled.shape[1]), scaled]), axis=0), 0, None).sum(axis=1)
    out["onset_rate"] = onset_count(flux) / max(out["duration"], window / RATE)
    return out


# --- the comparison -------------------------------------------------------------

def agree(ours, theirs):
    return abs(ours - theirs) <= TOLERANCE * max(1.0, abs(theirs))


def check(cli, seiche_path, wav_path, extra_args=(), config=None):
    config = config or {}
    run = subprocess.run([cli, "features", "--json", "--extra", *extra_args, seiche_path],
                         capture_output=True, text=True, timeout=120)
    if run.returncode != 0:
        return [f"{seiche_path}: seiche-cli failed: {run.stderr.strip()}"]
    got = json.loads(run.stdout)["files"][0]
    x, rate = read_wav(wav_path)
    assert rate == RATE, wav_path
    want = reference(x, **config)
    failures = []
    for key in ("mfcc_mean", "mfcc_var"):
        for i, (o, t) in enumerate(zip(got[key], want[key])):
            if not agree(o, t):
                failures.append(f"{seiche_path} {key}[{i}]: seiche {o!r}, numpy {t!r}")
        if len(got[key]) != len(want[key]):
            failures.append(f"{seiche_path} {key}: {len(got[key])} values, numpy {len(want[key])}")
    for key in ("duration", "loudness", "centroid", "flatness", "onset_rate"):
        if not agree(got[key], want[key]):
            failures.append(f"{seiche_path} {key}: seiche {got[key]!r}, numpy {want[key]!r}")
    return failures


def main():
    cli = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="seiche-mfcc-")
    try:
        cases = []
        for name in SONIC_PI_FILES:
            flac = os.path.join(SAMPLES, name)
            if not os.path.exists(flac):
                continue
            wav = os.path.join(tmp, name.replace(".flac", ".wav"))
            subprocess.run(["sox", flac, "-b", "16", wav], check=True)
            cases.append((flac, wav))
        if not cases:
            print("no Sonic Pi samples found (install sonic-pi-samples)")
            return 1
        rng = np.random.default_rng(5)
        t = np.arange(int(0.75 * RATE)) / RATE
        generated = {
            "tone.wav": 0.5 * np.sin(2 * np.pi * 440 * t),
            "noise.wav": 0.3 * rng.standard_normal(len(t)).clip(-3, 3),
            "clicks.wav": np.where(np.arange(len(t)) % 8000 == 100, 0.9, 0.0),
            "short.wav": 0.4 * np.sin(2 * np.pi * 1000 * t[:700]),
            "chirp_then_silence.wav": np.concatenate([0.6 * np.sin(2 * np.pi * (200 + 4000 * t[:RATE // 4]) * t[:RATE // 4]),
                                                      np.zeros(RATE // 4)]),
        }
        for name, signal in generated.items():
            path = os.path.join(tmp, name)
            write_wav(path, signal)
            cases.append((path, path))

        failures = []
        for seiche_path, wav_path in cases:
            failures += check(cli, seiche_path, wav_path)
        # A non-default configuration, to catch sizes wired to the defaults.
        failures += check(cli, cases[1][0], cases[1][1],
                          ["--window", "2048", "--hop", "300", "--bands", "26", "--coefficients", "20"],
                          {"window": 2048, "hop": 300, "bands": 26, "coefficients": 20})
        for f in failures:
            print("FAIL", f)
        print(f"{len(cases) + 1} comparisons, {len(failures)} disagreements (tolerance {TOLERANCE})")
        return 1 if failures else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
