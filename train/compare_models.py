#!/usr/bin/env python3
"""Paired comparison of two models on the same split: per-category AUPRC of each and a 95 %
paired bootstrap interval of the difference (B vs A), resampling the split's texts.

The interval covers test sampling only (one training run per model), not training noise.

    python3 train/compare_models.py --a OLD.onnx --b models/ftgate-ngram.onnx [--split test] [--n 1000]

Point FTGATE_DATASET at another build_dataset.py output to compare on other rows (e.g. an
older model's own test split).
"""
from __future__ import annotations

import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import CATS, label_matrix, load_dataset, model_text_probs  # noqa: E402
from evaluate import auprc  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--a", required=True, help="baseline model")
    ap.add_argument("--b", required=True, help="candidate model")
    ap.add_argument("--split", default="test")
    ap.add_argument("--n", type=int, default=1000, help="bootstrap resamples")
    args = ap.parse_args()
    rows = [r for r in load_dataset() if r["split"] == args.split]
    Y = label_matrix(rows)
    texts = [r["text"] for r in rows]
    Pa, Pb = (model_text_probs(m, texts, args.split)[0] for m in (args.a, args.b))
    rng = np.random.default_rng(0)
    print(f"{args.split} split, {len(rows)} texts; AUPRC A -> B, B - A with a 95 % paired bootstrap interval")
    for j, c in enumerate(CATS):
        k = np.flatnonzero(~np.isnan(Y[:, j]))
        y, a, b = Y[k, j] >= 4, Pa[k, j], Pb[k, j]
        ds = []
        for _ in range(args.n):
            i = rng.integers(0, len(k), len(k))
            if y[i].any():
                ds.append(auprc(y[i], b[i]) - auprc(y[i], a[i]))
        lo, hi = np.percentile(ds, [2.5, 97.5])
        print(f"  {c:14s} {auprc(y, a):.3f} -> {auprc(y, b):.3f}  {auprc(y, b) - auprc(y, a):+.3f} [{lo:+.3f}, {hi:+.3f}]")


if __name__ == "__main__":
    main()
