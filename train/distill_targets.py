#!/usr/bin/env python3
"""Teacher scores for distillation into the n-gram model (option of train.py, not the default).

Teacher = frozen all-MiniLM-L6-v2 embeddings (the cache written by encoder_compare.py,
train/work/enc_*.npz; computed here if missing) + one logistic head per category, trained
as in encoder_compare.py (train.py's "severity >= medium" targets and masks, row weights,
balanced classes, C chosen on validation AUPRC).

* Train rows get OUT-OF-FOLD teacher probabilities (K folds by the row's split group, so
  near-duplicates share a fold): the student never sees a teacher score that was fitted on
  the same text.
* Validation rows get the probability of the heads fitted on the whole train split
  (diagnostic only: train.py still early-stops and picks thresholds on the real labels).
* Test rows are never embedded, scored or read here.
* With --extra-hh, the human turns of the unlabelled hh-rlhf-harmless-base red-team dialogues
  (../shared/data, MIT) are embedded and scored by the full-train heads; turns whose split
  group (normalised-text hash) matches any dataset row (train, validation or test) are
  dropped. train.py --distill-extra adds them as train-only rows whose violence/sexual
  targets are the teacher's (other categories masked).

The heads are fitted with balanced classes; their logits are shifted back to the train
split's class balance (logit + log(pos/neg mass with row weights) - log(pos/neg mass with
the balanced weights)) so that a teacher probability is on the same scale as a 0/1 label
and train.py's own class balancing is not applied twice.

    nice -n 10 python3 train/distill_targets.py        # -> train/work/distill_targets.npz
    python3 train/train.py --distill train/work/distill_targets.npz --out train/work/candidate/ftgate-ngram.onnx
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import CATS, DEFAULT_DATA, SEED, WORK, label_matrix, load_dataset, text_group  # noqa: E402
from evaluate import auprc  # noqa: E402


def fold_of(group: str, k: int) -> int:
    return int(hashlib.sha256(("ftgate-distill-fold:" + group).encode()).hexdigest()[:8], 16) % k


def fit_head(E, y, w, C):
    from sklearn.linear_model import LogisticRegression

    m = LogisticRegression(C=C, class_weight="balanced", max_iter=3000, random_state=SEED)
    m.fit(E, y, sample_weight=w)
    # balanced class weights as sklearn computes them, times the row weights
    n, npos = len(y), int(y.sum())
    cw_pos, cw_neg = n / (2 * npos), n / (2 * (n - npos))
    raw = np.log(w[y].sum() / w[~y].sum())
    bal = np.log(cw_pos * w[y].sum() / (cw_neg * w[~y].sum()))
    return m, float(raw - bal)


def prob(m, shift, E):
    return (1.0 / (1.0 + np.exp(-(m.decision_function(E) + shift)))).astype(np.float32)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-len", type=int, default=64)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, nargs="+", default=[0.3, 1, 3, 10, 30])
    ap.add_argument("--extra-hh", action="store_true",
                    help="also score the human turns of ../shared/data/hh-rlhf-harmless-base (unlabelled)")
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--out", default=str(WORK / "distill_targets.npz"))
    args = ap.parse_args()

    from encoder_compare import MiniLM, cached_embeddings, encoder_dir

    rows = load_dataset()
    tr = [r for r in rows if r["split"] == "train"]
    va = [r for r in rows if r["split"] == "validation"]
    enc = MiniLM(encoder_dir())
    Etr, _, _ = cached_embeddings(enc, f"train{len(tr)}", [r["text"] for r in tr], args.max_len, 32)
    Eva, _, _ = cached_embeddings(enc, "validation", [r["text"] for r in va], args.max_len, 32)
    Ytr, Yva = label_matrix(tr), label_matrix(va)
    wtr = np.array([r["weight"] for r in tr], np.float64)
    fold = np.array([fold_of(r["group"], args.folds) for r in tr])

    extra_texts: list[str] = []
    if args.extra_hh:
        extra_texts = hh_human_turns(args.data, {r["group"] for r in rows})
        Eex, _, _ = cached_embeddings(enc, f"hh{len(extra_texts)}", extra_texts, args.max_len, 32)
    Pex = np.full((len(extra_texts), len(CATS)), np.nan, np.float32)
    Ptr = np.full((len(tr), len(CATS)), np.nan, np.float32)
    Pva = np.full((len(va), len(CATS)), np.nan, np.float32)
    for j, c in enumerate(CATS):
        k = ~np.isnan(Ytr[:, j])
        kv = ~np.isnan(Yva[:, j])
        y = Ytr[:, j] >= 4
        best = None
        for C in args.C:
            m, sh = fit_head(Etr[k], y[k], wtr[k], C)
            ap_ = auprc(Yva[kv, j] >= 4, m.decision_function(Eva[kv])) or 0
            if best is None or ap_ > best[0]:
                best = (ap_, C, m, sh)
        ap_v, C, m, sh = best
        Pva[:, j] = prob(m, sh, Eva)
        if extra_texts:
            Pex[:, j] = prob(m, sh, Eex)
            print(f"  extra hh-rlhf turns, {c}: mean p {Pex[:, j].mean():.3f}, >= 0.5: {(Pex[:, j] >= 0.5).sum()}")
        # out-of-fold scores for every train row (labelled or not)
        for f in range(args.folds):
            fit = k & (fold != f)
            mf, shf = fit_head(Etr[fit], y[fit], wtr[fit], C)
            Ptr[fold == f, j] = prob(mf, shf, Etr[fold == f])
        oof = auprc(y[k], Ptr[k, j])
        print(f"  teacher {c:14s} C={C:<5} val AUPRC {ap_v:.4f}, train out-of-fold AUPRC {oof:.4f}, "
              f"shift {sh:+.2f}, mean p on unlabelled train rows "
              f"{float(Ptr[~k, j].mean()) if (~k).any() else float('nan'):.3f} (n={int((~k).sum())})", flush=True)
    key = rows_key(rows)
    np.savez(args.out, train=Ptr, validation=Pva, cats=np.array(CATS), rows_key=key,
             n_train=len(tr), n_validation=len(va), extra_texts=np.array(extra_texts, dtype=object),
             extra=Pex, extra_source="hh-rlhf-harmless-base human turns" if extra_texts else "")
    print(f"wrote {args.out} (train {Ptr.shape}, validation {Pva.shape}, rows key {key})")


def hh_human_turns(data_dir: str, dataset_groups: set) -> list[str]:
    """Unique human turns (>= 10 chars) of the hh-rlhf-harmless-base dialogues, minus any whose
    split group matches a dataset row."""
    import gzip
    import json
    import re

    out, seen = [], set()
    with gzip.open(os.path.join(data_dir, "hh-rlhf-harmless-base", "test.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            for d in (r["chosen"], r["rejected"]):
                for part in re.split(r"\n\nHuman: ", d)[1:]:
                    h = part.split("\n\nAssistant:")[0].strip()
                    g = text_group(h)
                    if len(h) >= 10 and g not in seen and g not in dataset_groups:
                        seen.add(g)
                        out.append(h)
    print(f"  hh-rlhf-harmless-base: {len(out)} unique human turns")
    return out


def rows_key(rows) -> str:
    """Key of the train+validation rows (train.py checks the targets belong to this dataset)."""
    tr = [r for r in rows if r["split"] == "train"]
    va = [r for r in rows if r["split"] == "validation"]
    return hashlib.sha256("\n".join(r["group"] + "\0" + r["text"] for r in tr + va).encode()).hexdigest()[:16]


if __name__ == "__main__":
    main()
