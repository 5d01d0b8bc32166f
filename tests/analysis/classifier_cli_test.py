#!/usr/bin/python3
"""The contract of seiche-cli train, evaluate and classify: outputs, model files,
several models at once, and one-line refusals of bad input.

usage: classifier_cli_test.py SEICHE_CLI REPOSITORY_ROOT
"""
import json
import os
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
ROOT = sys.argv[2]
MIRLCA = os.path.join(ROOT, "datasets", "mirlca-2021")
failures = []


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=300)


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def refused(result, fragment, what):
    lines = result.stderr.strip().splitlines()
    check(result.returncode != 0 and len(lines) == 1 and fragment in lines[0] and result.stdout == "",
          f"{what}: refused with one line containing {fragment!r} (got {result.returncode}, {result.stderr.strip()!r})")


def main():
    train_csv, test_csv = os.path.join(MIRLCA, "training.csv"), os.path.join(MIRLCA, "testing.csv")
    with tempfile.TemporaryDirectory() as work:
        a, b = os.path.join(work, "a.json"), os.path.join(work, "b.json")
        r = run("train", "--data", train_csv, "--out", a, "--seed", "3", "--json")
        check(r.returncode == 0, "train exits 0")
        report = json.loads(r.stdout)
        check(report["pcaComponents"] == 13 and report["examples"] == 100, "train caps PCA at 13 for 13 features")
        with open(a) as f:
            model = json.load(f)
        check(model["format"] == "seiche-classifier" and model["version"] == 1 and model["name"] == "a", "model file header")
        check(len(model["pca"]["bases"]) == 13 and len(model["pca"]["bases"][0]) == 13, "PCA bases are 13 x 13")
        check(model["labels"] == ["bad", "good"] and model["training"]["seed"] == 3, "labels and seed recorded")
        run("train", "--data", train_csv, "--out", b, "--seed", "3", "--hidden", "8,4")
        again = os.path.join(work, "again.json")
        run("train", "--data", train_csv, "--out", again, "--seed", "3")
        with open(again) as f:
            check(json.load(f)["mlp"] == model["mlp"], "the same seed gives the same network")
        with open(b) as f:
            check(len(json.load(f)["mlp"]["layers"]) == 3, "--hidden 8,4 gives two hidden layers")

        r = run("classify", "--model", a, "--model", f"deep={b}", "--data", test_csv, "--json")
        check(r.returncode == 0, "classify with two models exits 0")
        out = json.loads(r.stdout)
        check([m["name"] for m in out["models"]] == ["a", "deep"], "both models reported under their names")
        check(len(out["results"]) == 30 and all(set(x["predictions"]) == {"a", "deep"} for x in out["results"]),
              "every row labelled by both models")
        check(set(out["accuracy"]) == {"a", "deep"} and 0 <= out["accuracy"]["a"] <= 1, "accuracy on labelled rows")
        first = out["results"][0]["predictions"]["a"]
        check(abs(sum(first["scores"].values()) - 1) < 1e-9 and first["confidence"] == first["scores"][first["label"]],
              "softmax scores sum to 1 and confidence is the winner's")
        r = run("classify", "--model", a, "--data", test_csv)
        check(r.returncode == 0 and len(r.stdout.splitlines()) == 30 and "\t" in r.stdout, "classify text: one line per row")

        r = run("evaluate", "--data", train_csv, "--test", test_csv, "--json", "--repeat", "3")
        ev = json.loads(r.stdout)
        check(r.returncode == 0 and ev["method"] == "holdout" and sum(map(sum, ev["confusion"])) == 90,
              "evaluate --test --repeat 3 pools 3 x 30 predictions")
        check(len(ev["runs"]) == 3 and 0 <= ev["balancedAccuracy"] <= 1, "per-seed runs and balanced accuracy")
        r = run("evaluate", "--data", train_csv, "--folds", "4", "--json")
        ev = json.loads(r.stdout)
        check(ev["method"] == "k-fold" and ev["folds"] == 4 and sum(map(sum, ev["confusion"])) == 100, "4-fold tests all 100")
        tiny = os.path.join(work, "tiny.csv")
        with open(train_csv) as f:
            lines = f.read().splitlines()
        with open(tiny, "w") as f:
            f.write("\n".join(lines[:21]) + "\n")
        ev = json.loads(run("evaluate", "--data", tiny, "--json").stdout)
        check(ev["method"] == "leave-one-out" and ev["folds"] == 20, "tiny sets default to leave-one-out")
        r = run("evaluate", "--data", train_csv)
        check(r.returncode == 0 and "confusion" in r.stdout and "balanced accuracy" in r.stdout, "evaluate text report")

        bad = os.path.join(work, "bad.csv")
        with open(bad, "w") as f:
            f.write("\n".join(lines[:4]) + "\n12,good,1,2\n")
        refused(run("train", "--data", bad, "--out", os.path.join(work, "x.json")), f"{bad}:5: expected 15 fields", "short row")
        with open(bad, "w") as f:
            f.write("\n".join(line for line in lines[:10] if ",good," in line or line.startswith("freesound_id")) + "\n")
        refused(run("train", "--data", bad, "--out", os.path.join(work, "x.json")), "only one label", "one label")
        wrong = os.path.join(work, "wrong.json")
        with open(wrong, "w") as f:
            json.dump({**model, "version": 99}, f)
        refused(run("classify", "--model", wrong, "--data", test_csv), "version 99", "newer model version")
        with open(wrong, "w") as f:
            f.write('{"format": "seiche-classifier", "version": 1, "labels": [')
        refused(run("classify", "--model", wrong, "--data", test_csv), "not valid JSON", "truncated model")
        narrow = os.path.join(work, "narrow.csv")
        with open(narrow, "w") as f:
            f.write("id,label,x,y\n1,good,1,2\n")
        refused(run("classify", "--model", a, "--data", narrow), "needs 13 features", "feature count mismatch")
        refused(run("train", "--data", train_csv), "--out", "missing --out")
        refused(run("train", "--data", train_csv, "--out", a, "--pca", "0"), "--pca", "zero components")
        refused(run("evaluate", "--data", train_csv, "--bogus"), "unknown option", "unknown option")
        refused(run("evaluate", "--data", train_csv, "--test", test_csv, "--folds", "3"), "only one of", "conflicting splits")
        refused(run("train", "--import-flucoma", work, "--out", os.path.join(work, "f.json")), "standardizer.JSON", "missing FluCoMa files")

        samples = "/usr/share/sonic-pi/samples"
        if os.path.isdir(samples):
            files = sorted(os.path.join(samples, f) for f in os.listdir(samples) if f.endswith(".flac"))
            drums = [f for f in files if os.path.basename(f).startswith(("drum_", "elec_"))][:5]
            others = [f for f in files if os.path.basename(f).startswith(("ambi_", "bass_"))][:5]
            labelled = os.path.join(work, "files.csv")
            with open(labelled, "w") as f:
                f.write("path,label\n" + "".join(f"{p},drum\n" for p in drums) + "".join(f"{p},other\n" for p in others))
            model_from_files = os.path.join(work, "files.json")
            r = run("train", "--data", labelled, "--out", model_from_files, "--json")
            check(r.returncode == 0 and json.loads(r.stdout)["features"] == 26, "train extracts 26 features from files")
            r = run("classify", "--model", model_from_files, drums[0], others[0], "--json")
            check(r.returncode == 0 and [x["id"] for x in json.loads(r.stdout)["results"]] == [drums[0], others[0]],
                  "classify analyses sound files given by path")
            refused(run("classify", "--model", model_from_files, os.path.join(work, "missing.wav")), "missing.wav",
                    "missing sound file")
        else:
            failures.append(f"no {samples}: install sonic-pi-samples (scripts/test does)")
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
