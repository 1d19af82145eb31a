#!/usr/bin/env python3
"""Thresholds per category and level for the confirmer, chosen on the dev set: the shipped
int8 model (onnxruntime, HuggingFace word pieces, windows as in src/confirmer.rs) scores the
dev texts (the "validation" rows of dataset_v2), and for each category and level the threshold
on that level's own output P(>= level) that maximises F1 against the rubric labels (>= level).
Writes the thresholds JSON (for export_teacher.py --thresholds) and the dev probabilities
(train/work/confirmer_dev.npz, for the cascade band).

  calibrate_confirmer.py [--model models/ftgate-confirmer.onnx] [--out train/work/confirmer_thresholds.json]
"""
from __future__ import annotations

import argparse
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import CATS, WORK  # noqa: E402

LEVELS = (("low", 2), ("medium", 4), ("high", 6))


def score(model, texts):
    import onnx
    import onnxruntime as ort
    from encoder_compare import encoder_dir
    from transformers import AutoTokenizer

    meta = json.loads({p.key: p.value for p in onnx.load(model).metadata_props}["ftgate"])
    body, stride = meta["maxLen"] - 2, meta["stride"]
    tok = AutoTokenizer.from_pretrained(str(encoder_dir()))
    sess = ort.InferenceSession(model)
    wins, owner = [], []
    for i, t in enumerate(texts):
        ids = tok(t, add_special_tokens=False, truncation=False)["input_ids"]
        s = 0
        while True:
            wins.append(ids[s:s + body])
            owner.append(i)
            if s + body >= len(ids):
                break
            s += stride
    order = np.argsort([len(w) for w in wins], kind="stable")
    P = np.zeros((len(wins), 12), np.float32)
    for s in range(0, len(order), 64):
        idx = order[s:s + 64]
        L = max(len(wins[k]) for k in idx) + 2
        x = np.full((len(idx), L), tok.pad_token_id, np.int64)
        m = np.zeros_like(x)
        for r, k in enumerate(idx):
            w = [tok.cls_token_id] + wins[k] + [tok.sep_token_id]
            x[r, :len(w)] = w
            m[r, :len(w)] = 1
        P[idx] = sess.run(None, {"ids": x, "mask": m})[0]
    out = np.zeros((len(texts), 12), np.float32)
    np.maximum.at(out, np.asarray(owner), P)
    return out


def best_f1(y, p):
    order = np.argsort(-p)
    ys, ps = y[order], p[order]
    tp = np.cumsum(ys)
    k = np.arange(1, len(ys) + 1)
    f1 = 2 * tp / (k + ys.sum())
    # only cut between distinct scores
    ok = np.r_[ps[1:] < ps[:-1], True]
    j = int(np.argmax(np.where(ok, f1, -1)))
    return float(ps[j]), float(f1[j])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="models/ftgate-confirmer.onnx")
    ap.add_argument("--dataset", default=str(WORK / "dataset_v2.jsonl"))
    ap.add_argument("--out", default=str(WORK / "confirmer_thresholds.json"))
    a = ap.parse_args()
    rows = [json.loads(x) for x in open(a.dataset, encoding="utf-8")]
    dv = [r for r in rows if r["split"] == "validation"]
    P = score(a.model, [r["text"] for r in dv])
    np.savez(WORK / "confirmer_dev.npz", probs=P, keys=np.array([r.get("key", "") for r in dv], dtype=object))
    th = {}
    for j, c in enumerate(CATS):
        th[c] = {}
        v = np.array([r["labels"][c] or 0 for r in dv])
        for k, (name, lv) in enumerate(LEVELS):
            y = (v >= lv).astype(np.float64)
            t, f = best_f1(y, P[:, j * 3 + k]) if y.sum() else (0.5, 0.0)
            th[c][name] = round(t, 4)
            print(f"{c:14s} {name:6s} positives {int(y.sum()):4d} threshold {t:.4f} F1 {f:.3f}")
    json.dump(th, open(a.out, "w"), indent=1)
    print(f"-> {a.out}")


if __name__ == "__main__":
    main()
