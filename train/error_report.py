#!/usr/bin/env python3
"""Top false alarms and misses of a model on the dev set, per category and kind of text.

A false alarm: a text labelled below medium in a category that the model flags at medium+
there (sorted by score). A miss: a text labelled medium+ in a category that the model leaves
below medium (sorted by lowest score). Also the error counts by source / form / role, so a
data change can be aimed at a measured failure. Prints texts (from ../shared/data too):
the report goes to the terminal or to train/work/ (git-ignored), never into the repository.

  error_report.py [--model M] [--top 15] [--width 160]
"""
from __future__ import annotations

import argparse
import collections
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import devset  # noqa: E402
import eval_dev  # noqa: E402
from common import CATS, MODEL_PATH  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=str(MODEL_PATH))
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--width", type=int, default=160)
    ap.add_argument("--allow-single", action="store_true")
    a = ap.parse_args()
    rows, _ = devset.load(require_two=not a.allow_single)
    probs, thr, _ = eval_dev.score_rows(a.model, rows)
    Y = np.array([[r["labels"][c] for c in CATS] for r in rows])
    cut = lambda t: (t.replace("\n", " ⏎ ")[: a.width])  # noqa: E731
    for j, c in enumerate(CATS):
        fa = [i for i in range(len(rows)) if Y[i, j] < 4 and probs[i, j] >= thr[j]]
        miss = [i for i in range(len(rows)) if Y[i, j] >= 4 and probs[i, j] < thr[j]]
        print(f"\n== {c}: {len(fa)} false alarms, {len(miss)} misses (medium threshold {thr[j]:.4f})")
        kinds = collections.Counter(f"{rows[i]['source']}/{rows[i]['kind']}" for i in fa)
        print("  false alarms by kind:", dict(kinds.most_common(8)))
        kinds = collections.Counter(f"{rows[i]['source']}/{rows[i]['kind']}" for i in miss)
        print("  misses by kind:      ", dict(kinds.most_common(8)))
        print("  top false alarms (score, label):")
        for i in sorted(fa, key=lambda i: -probs[i, j])[: a.top]:
            print(f"    {probs[i, j]:.3f} {Y[i, j]}  {rows[i]['key'][:40]:40s} {cut(rows[i]['text'])}")
        print("  top misses (score, label):")
        for i in sorted(miss, key=lambda i: probs[i, j])[: a.top]:
            print(f"    {probs[i, j]:.3f} {Y[i, j]}  {rows[i]['key'][:40]:40s} {cut(rows[i]['text'])}")


if __name__ == "__main__":
    main()
