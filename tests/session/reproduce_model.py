"""Re-runs the documented command that made a shipped model and checks the result
classifies the model's own dataset exactly as the shipped file does.

usage: reproduce_model.py SEICHE_CLI REPO MODEL_NAME

The command is read from docs/analysis.md ("## Shipped models"), so the test checks
what the docs promise, not a copy of it.
"""
import json
import os
import shlex
import subprocess
import sys
import tempfile


def documented_command(repo, name):
    text = open(os.path.join(repo, "docs", "analysis.md"), encoding="utf-8").read()
    section = text.split("## Shipped models", 1)
    if len(section) < 2:
        sys.exit("docs/analysis.md has no '## Shipped models' section")
    target = "--out models/%s.json" % name
    for line in section[1].splitlines():
        line = line.strip().strip("`")
        if line.startswith("seiche-cli train") and target in line:
            return shlex.split(line)
    sys.exit("no documented 'seiche-cli train ... %s' command" % target)


def predictions(cli, repo, model, data):
    run = subprocess.run([cli, "classify", "--model", model, "--data", data, "--json"], cwd=repo,
                         capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        sys.exit("classify with %s failed: %s" % (model, run.stderr.strip()))
    rows = json.loads(run.stdout)["results"]
    return [(row["id"], next(iter(row["predictions"].values()))) for row in rows]


def main():
    cli, repo, name = sys.argv[1], sys.argv[2], sys.argv[3]
    command = documented_command(repo, name)
    data = command[command.index("--data") + 1]
    first = open(os.path.join(repo, data), encoding="utf-8").read().splitlines()[1].split(",")[0]
    if first.startswith("/") and not os.path.exists(first):
        print("FAIL %s is missing: install sonic-pi-samples (scripts/test does)" % first)
        sys.exit(1)
    shipped = os.path.join(repo, "models", name + ".json")
    with tempfile.TemporaryDirectory() as scratch:
        retrained = os.path.join(scratch, name + ".json")
        out = command.index("--out") + 1
        command[out] = retrained
        command[0] = cli
        run = subprocess.run(command, cwd=repo, capture_output=True, text=True, timeout=600)
        if run.returncode != 0:
            sys.exit("the documented command failed: %s" % run.stderr.strip())
        old = predictions(cli, repo, shipped, data)
        new = predictions(cli, repo, retrained, data)
    if len(old) != len(new):
        sys.exit("%d predictions from the shipped model, %d from the retrained one" % (len(old), len(new)))
    differ = [(a[0], a[1]["label"], b[1]["label"]) for a, b in zip(old, new) if a[1]["label"] != b[1]["label"]]
    if differ:
        sys.exit("%d of %d predictions differ, e.g. %s: shipped %s, retrained %s"
                 % ((len(differ), len(old)) + differ[0]))
    drift = max(abs(a[1]["confidence"] - b[1]["confidence"]) for a, b in zip(old, new))
    if drift > 1e-6:
        sys.exit("same labels, but confidences drift by up to %g" % drift)
    print("%s: %d predictions reproduced (largest confidence difference %g)" % (name, len(old), drift))


if __name__ == "__main__":
    main()
