#!/usr/bin/python3
"""Seiche's classifier against scikit-learn's StandardScaler -> PCA -> MLPClassifier
on identical splits over many seeds.

Run with Debian's /usr/bin/python3 (python3-sklearn, python3-numpy).

    compare_sklearn.py --cli build/seiche-cli --data train.csv --test test.csv [--seeds 30]
    compare_sklearn.py --cli build/seiche-cli --data labels.csv --folds 5 [--seeds 30]

A data CSV without feature columns (path,label) is analysed once by Seiche
(`evaluate --save-features`) and both sides then use the same numbers.
Each seed sets the network's initial weights on both sides and, with --folds,
the stratified folds (made here, by scikit-learn, and handed to both).
--require-at-least-sklearn exits 1 when Seiche's mean accuracy is below the mean
of scikit-learn with its default settings.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import warnings

import numpy as np
from sklearn.decomposition import PCA
from sklearn.metrics import confusion_matrix
from sklearn.model_selection import StratifiedKFold
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HIDDEN = 14
PCA_WANTED = 20


def read_csv(path):
    with open(path, newline="") as f:
        rows = [r for r in csv.reader(f) if r]
    header, rows = rows[0], rows[1:]
    names = header[2:]
    ids = [r[0] for r in rows]
    labels = np.array([r[1] for r in rows])
    features = np.array([[float(x) for x in r[2:]] for r in rows]) if names else None
    return header, ids, labels, features


def with_features(cli, path, workdir):
    header, ids, labels, features = read_csv(path)
    if features is not None:
        return header, ids, labels, features
    cache = os.path.join(workdir, os.path.basename(path) + ".features.csv")
    subprocess.run([cli, "evaluate", "--data", path, "--folds", "2", "--save-features", cache, "--json"],
                   check=True, stdout=subprocess.DEVNULL)
    return read_csv(cache)


def write_csv(path, header, ids, labels, features):
    with open(path, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(header)
        for i, label, row in zip(ids, labels, features):
            out.writerow([i, label] + [repr(float(x)) for x in row])


def seiche_confusion(cli, train_csv, test_csv, seed, labels):
    result = subprocess.run([cli, "evaluate", "--data", train_csv, "--test", test_csv, "--seed", str(seed), "--json"],
                            check=True, capture_output=True, text=True)
    report = json.loads(result.stdout)
    confusion = np.zeros((len(labels), len(labels)), dtype=int)
    where = [labels.index(label) for label in report["labels"]]
    for r, row in enumerate(report["confusion"]):
        for c, count in enumerate(row):
            confusion[where[r], where[c]] += count
    return confusion, report["pcaComponents"]["max"]


def sklearn_confusion(train_x, train_y, test_x, test_y, seed, k, labels, **mlp):
    model = make_pipeline(StandardScaler(), PCA(n_components=k, random_state=seed),
                          MLPClassifier(hidden_layer_sizes=(HIDDEN,), random_state=seed, **mlp))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # non-convergence and batch-size clipping are expected here
        model.fit(train_x, train_y)
    return confusion_matrix(test_y, model.predict(test_x), labels=labels)


def balanced_accuracy(confusion):
    present = confusion.sum(axis=1) > 0
    return float(np.mean(np.diag(confusion)[present] / confusion.sum(axis=1)[present]))


# scikit-learn as shipped, and scikit-learn given Seiche's own recipe (full batch,
# step 0.01, alpha 3, up to 1500 epochs) so the difference left is the implementation.
SKLEARN_VARIANTS = {
    "sklearn_default": {},
    "sklearn_seiche_settings": {"alpha": 3.0, "learning_rate_init": 0.01, "batch_size": 100000, "max_iter": 1500,
                                "n_iter_no_change": 60, "tol": 1e-6},
}


def splits(labels, folds, seed):
    """(train rows, test rows) pairs; with a fixed test set, one pair of flags."""
    if folds is None:
        return [(None, None)]
    return list(StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed).split(np.zeros(len(labels)), labels))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--test")
    parser.add_argument("--folds", type=int)
    parser.add_argument("--seeds", type=int, default=30)
    parser.add_argument("--name")
    parser.add_argument("--require-at-least-sklearn", action="store_true")
    args = parser.parse_args()
    if (args.test is None) == (args.folds is None):
        parser.error("give --test or --folds")

    with tempfile.TemporaryDirectory() as work:
        header, ids, labels, x = with_features(args.cli, args.data, work)
        if args.test:
            _, test_ids, test_labels, test_x = with_features(args.cli, args.test, work)
        all_labels = sorted(set(labels) | (set(test_labels) if args.test else set()))
        names = ["seiche", *SKLEARN_VARIANTS]
        accuracy = {name: [] for name in names}
        balanced = {name: [] for name in names}
        ks = set()
        for seed in range(1, args.seeds + 1):
            confusion = {name: np.zeros((len(all_labels), len(all_labels)), dtype=int) for name in names}
            for fold, (train_rows, test_rows) in enumerate(splits(labels, args.folds, seed)):
                if train_rows is None:
                    tr = (ids, labels, x)
                    te = (test_ids, test_labels, test_x)
                else:
                    tr = ([ids[i] for i in train_rows], labels[train_rows], x[train_rows])
                    te = ([ids[i] for i in test_rows], labels[test_rows], x[test_rows])
                train_csv = os.path.join(work, f"train{fold}.csv")
                test_csv = os.path.join(work, f"test{fold}.csv")
                write_csv(train_csv, header, *tr)
                write_csv(test_csv, header, *te)
                counts, k = seiche_confusion(args.cli, train_csv, test_csv, seed, all_labels)
                ks.add(k)
                confusion["seiche"] += counts
                for name, mlp in SKLEARN_VARIANTS.items():
                    confusion[name] += sklearn_confusion(tr[2], tr[1], te[2], te[1], seed, k, all_labels, **mlp)
            for name in names:
                accuracy[name].append(np.trace(confusion[name]) / confusion[name].sum())
                balanced[name].append(balanced_accuracy(confusion[name]))
        tested = test_labels if args.test else labels
        majority = max(list(tested).count(label) for label in all_labels) / len(tested)

    summary = {
        "dataset": args.name or os.path.basename(args.data),
        "split": f"train {len(labels)} / test {len(test_labels)}" if args.test else f"stratified {args.folds}-fold",
        "examples": len(labels) + (len(test_labels) if args.test else 0),
        "features": x.shape[1],
        "pcaComponents": sorted(ks),
        "seeds": args.seeds,
        "majorityLabelAccuracy": majority,
    }
    for name in names:
        summary[name] = {"mean": float(np.mean(accuracy[name])), "sd": float(np.std(accuracy[name], ddof=1)),
                         "balancedMean": float(np.mean(balanced[name])), "balancedSd": float(np.std(balanced[name], ddof=1))}
    print(json.dumps(summary))
    if args.require_at_least_sklearn and summary["seiche"]["mean"] < summary["sklearn_default"]["mean"]:
        print(f"Seiche's mean accuracy {summary['seiche']['mean']:.4f} is below scikit-learn's "
              f"{summary['sklearn_default']['mean']:.4f}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
