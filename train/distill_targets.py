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

With --stack CAT (0.4.0: hate_fairness), the teacher for CAT is a STACK of two out-of-fold
scores, because the encoder alone is weaker than the n-gram model on hate (validation AUPRC
0.43 vs 0.51) while the two together beat both (0.56):
* the n-gram linear model (the Rust featurizer's windows, one L2 logistic regression on
  "severity >= medium", balanced classes, text score = max over windows; the same K folds),
* the encoder head's logit (above);
combined by a logistic regression fit on the VALIDATION rows (two weights and a bias;
calibrated to validation's class balance, not balanced). Train rows get the stack of their
out-of-fold scores; validation and hh-rlhf rows the stack of the full-train models.
The hard negatives of a stacked category (rows listed as look-alikes for it, label 0) get no
teacher score (NaN), so train.py keeps their label, a hard 0, as the target: the encoder ties mentions of groups to
hate, and letting it soften those rows flagged 7 of 32 benign toxigen statements on test
(measured, model card).

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
    ap.add_argument("--stack", nargs="*", default=[], metavar="CAT",
                    help="categories whose teacher stacks the n-gram linear model with the encoder head (see above)")
    ap.add_argument("--stack-C", type=float, default=4.0, help="C of the n-gram linear model (--stack)")
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
    for c in args.stack:
        stack_category(CATS.index(c), tr, va, extra_texts, Ytr, Yva, wtr, fold, Ptr, Pva, Pex, args.stack_C, args.folds)
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


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p.astype(np.float64), 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def stack_category(j, tr, va, extra_texts, Ytr, Yva, wtr, fold, Ptr, Pva, Pex, C, folds):
    """Replaces column j of the teacher scores (encoder head, out of fold for train) by the stack
    of the n-gram linear model and the encoder head (module docstring). In place."""
    import time

    from sklearn.linear_model import LogisticRegression

    from common import DEFAULT_BUCKETS, featurize_csr, text_max

    t0 = time.time()
    Xtr, otr = featurize_csr([r["text"] for r in tr], DEFAULT_BUCKETS, cache_name="teacher_train")
    Xva, ova = featurize_csr([r["text"] for r in va], DEFAULT_BUCKETS, cache_name="teacher_val")
    y = Ytr[:, j] >= 4
    k = ~np.isnan(Ytr[:, j])
    # a text's weight is shared by its windows; then classes balanced, as train.py does
    w_win = (wtr / np.bincount(otr, minlength=len(tr)))[otr]

    def fit(text_mask):
        m = text_mask[otr]
        yy, sw = y[otr][m], w_win[m]
        sw = np.where(yy, sw / sw[yy].sum(), sw / sw[~yy].sum())
        lr = LogisticRegression(C=C, max_iter=400, solver="lbfgs", tol=1e-5)
        lr.fit(Xtr[m], yy, sample_weight=sw * len(sw) / sw.sum())
        return lr

    def text_logit(X, owner, n, lr):  # the text's worst window, as the Rust side scores
        return text_max(lr.decision_function(X)[:, None], owner, n, dtype=np.float64)[:, 0]

    ng_tr = np.full(len(tr), np.nan)
    for f in range(folds):
        ng_tr[fold == f] = text_logit(Xtr, otr, len(tr), fit(k & (fold != f)))[fold == f]
    full = fit(k)
    ng_va = text_logit(Xva, ova, len(va), full)
    kv = ~np.isnan(Yva[:, j])
    Sva = np.stack([ng_va, logit(Pva[:, j])], 1)
    st = LogisticRegression(random_state=SEED).fit(Sva[kv], Yva[kv, j] >= 4)
    c = CATS[j]
    print(f"  stack {c}: n-gram out-of-fold train AUPRC {auprc(y[k], ng_tr[k]):.4f}, encoder {auprc(y[k], Ptr[k, j]):.4f}; "
          f"validation n-gram {auprc(Yva[kv, j] >= 4, ng_va[kv]):.4f}, encoder {auprc(Yva[kv, j] >= 4, Pva[kv, j]):.4f}; "
          f"weights {np.round(st.coef_[0], 3).tolist()} bias {st.intercept_[0]:+.3f}")
    Ptr[:, j] = st.predict_proba(np.stack([ng_tr, logit(Ptr[:, j])], 1))[:, 1]
    Pva[:, j] = st.predict_proba(Sva)[:, 1]
    if extra_texts:
        Xex, oex = featurize_csr(extra_texts, DEFAULT_BUCKETS, cache_name="teacher_extra")
        Pex[:, j] = st.predict_proba(np.stack([text_logit(Xex, oex, len(extra_texts), full), logit(Pex[:, j])], 1))[:, 1]
    oof = auprc(y[k], Ptr[k, j])  # before the hard negatives are set (that step reads their labels)
    # No teacher score (NaN) for the category's look-alikes: train.py then keeps their label as
    # the target (a hard 0) instead of blending in the teacher
    hn = np.array([c in r["hn"] for r in tr]) & (Ytr[:, j] == 0)
    Ptr[hn, j] = np.nan
    print(f"  stack {c}: train out-of-fold AUPRC {oof:.4f}; {int(hn.sum())} hard negatives keep their label "
          f"({time.time() - t0:.0f} s)", flush=True)


def rows_key(rows) -> str:
    """Key of the train+validation rows (train.py checks the targets belong to this dataset)."""
    tr = [r for r in rows if r["split"] == "train"]
    va = [r for r in rows if r["split"] == "validation"]
    return hashlib.sha256("\n".join(r["group"] + "\0" + r["text"] for r in tr + va).encode()).hexdigest()[:16]


if __name__ == "__main__":
    main()
