#!/usr/bin/python3
"""The imported MIRLCa agents compute what FluCoMa computes.

An independent numpy forward pass, written from FluCoMa's documented arithmetic
((x - mean) / std, then (. - pcaMean) . bases[:, :k], then act(x . W + b) per
layer, the label at the largest output), is compared with
`seiche-cli train --import-flucoma` followed by `seiche-cli classify --json`, on
synthetic 26-vectors (the real MFCC variances are not public).

usage: flucoma_import_test.py SEICHE_CLI MIRLCA_JSON_DIR
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

ACTIVATIONS = {0: lambda v: v, 1: lambda v: 1 / (1 + np.exp(-v)), 2: lambda v: np.maximum(v, 0), 3: np.tanh}


def load(directory, name):
    with open(os.path.join(directory, name)) as f:
        return json.load(f)


def forward(directory, model_file, x):
    scaler, pca, model = load(directory, "standardizer.JSON"), load(directory, "pca.JSON"), load(directory, model_file)
    layers = model["mlp"]["layers"]
    k = len(layers[0]["weights"])
    v = (x - np.array(scaler["mean"])) / np.array(scaler["std"])
    v = (v - np.array(pca["mean"])) @ np.array(pca["bases"])[:, :k]
    for layer in layers:
        v = ACTIVATIONS[layer["activation"]](v @ np.array(layer["weights"]) + np.array(layer["biases"]))
    return model["labels"]["labels"], v


def main():
    cli, directory = sys.argv[1], sys.argv[2]
    if not os.path.isdir(directory):
        print(f"FAIL no MIRLCa agent files at {directory}")
        return 1
    scaler = load(directory, "standardizer.JSON")
    rng = np.random.default_rng(2021)
    # Around the training statistics, wide enough that both labels come up.
    x = np.array(scaler["mean"]) + np.array(scaler["std"]) * rng.normal(0, 1.5, size=(60, 26))
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        data = os.path.join(work, "probe.csv")
        with open(data, "w", newline="") as f:
            out = csv.writer(f)
            out.writerow(["id", "label"] + [f"mfcc_mean_{i}" for i in range(13)] + [f"mfcc_var_{i}" for i in range(13)])
            for r, row in enumerate(x):
                out.writerow([f"probe{r}", ""] + [repr(float(v)) for v in row])
        for model_file in ("model.JSON", "model-gerard.JSON"):
            imported = os.path.join(work, model_file + ".seiche.json")
            subprocess.run([cli, "train", "--import-flucoma", directory, "--flucoma-model", model_file, "--out", imported],
                           check=True, stdout=subprocess.DEVNULL)
            result = json.loads(subprocess.run([cli, "classify", "--model", f"agent={imported}", "--data", data, "--json"],
                                               check=True, capture_output=True, text=True).stdout)
            labels, expected = forward(directory, model_file, x)
            got = np.array([[row["predictions"]["agent"]["scores"][label] for label in labels] for row in result["results"]])
            got_labels = [row["predictions"]["agent"]["label"] for row in result["results"]]
            want_labels = [labels[i] for i in expected.argmax(axis=1)]
            error = np.max(np.abs(got - expected))
            counts = {label: want_labels.count(label) for label in labels}
            print(f"{model_file}: max |seiche - numpy| = {error:.3g}; labels {counts}")
            if error > 1e-9 or got_labels != want_labels:
                print(f"FAIL: {model_file} differs from the numpy forward pass", file=sys.stderr)
                failures += 1
            if min(counts.values()) == 0:
                print(f"FAIL: the probe never reaches one of {labels}; it tests too little", file=sys.stderr)
                failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
