#!/usr/bin/env python3
"""Which training data helps? One fixed, fast probe trained on variants of the data, measured
on the dev set (train/devset.py). The probe: the shipped featurizer's hashed n-gram windows
(131,072 buckets), one logistic regression per category on "level >= medium" (each window
carries its text's label, weighted 1/windows; text score = max over windows, as the product
scores). The probe is not the product model: it only ranks datasets against each other.

Variants (all exclude every text equal to a dev text up to case and punctuation):
  v2            rubric labels of the source texts + authored v2 chats
  v2+templates  v2 plus the v1 template rows (train/authored/authored.jsonl)
  v2+templates-nohate  v2 plus the template rows outside hate: no hate topic, no group or
                identity look-alike topic (HATE_HN), no row with a hate label
  v2-no-authored  rubric labels of the source texts only
  v2-half-sub   v2 with half of the subsampled sources' rows (davidson, diasafety, fortunes):
                if halving them costs nothing, the subsample left out is not missed
  v1-labels     the v1 dataset (source labels mapped to levels, templates), train split

  data_ablation.py [--variants v2 v2+templates ...] [--C 0.5]
"""
from __future__ import annotations

import argparse
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import devset  # noqa: E402
import eval_dev  # noqa: E402
from common import CATS, DEFAULT_BUCKETS, WORK, featurize_csr, text_max  # noqa: E402

HATE_HN = {"hn/counter_speech", "hn/counter_speech_replies", "hn/discrimination_law", "hn/discrimination_reporting",
           "hn/identity_community", "hn/identity_statements", "hn/lgbtq_identity", "hn/religion",
           "hn/religion_culture_questions", "hn/civil_rights_history", "hn/quoted_prejudice_critique"}
SUBSAMPLED = {"davidson-hate-offensive", "diasafety", "pkg-fortunes"}


def v2_train(data, with_templates):
    import build_dataset

    rows, _ = build_dataset.v2_rows(data, with_templates=with_templates)
    return [r for r in rows if r["split"] == "train"]


def variant_rows(name, data):
    if name == "v2":
        return v2_train(data, False)
    if name == "v2+templates":
        return v2_train(data, True)
    if name == "v2+templates-nohate":
        return [r for r in v2_train(data, True) if r["passes"] != "template" or not (
            r["topic"].startswith("hate/") or r["topic"] in HATE_HN or (r["labels"]["hate_fairness"] or 0) > 0)]
    if name == "v2-no-authored":
        return [r for r in v2_train(data, False) if r["source"] != "authored-v2"]
    if name == "v2-half-sub":
        import inventory

        rs = v2_train(data, False)
        return [r for r in rs if r["source"] not in SUBSAMPLED or inventory.unit(r["text"], "half") < 0.5]
    if name == "v1-labels":
        from common import load_dataset

        path = WORK / "dataset.jsonl"
        if not path.exists():
            sys.exit("v1-labels needs train/work/dataset.jsonl: python3 train/build_dataset.py")
        return [r for r in load_dataset(path) if r["split"] == "train"]
    sys.exit(f"unknown variant {name}")


def fit_probe(rows, C, tag):
    from sklearn.linear_model import LogisticRegression

    texts = [r["text"] for r in rows]
    X, owner = featurize_csr(texts, DEFAULT_BUCKETS, cache_name=f"abl_{tag}")
    nwin = np.bincount(owner, minlength=len(rows))
    w = 1.0 / nwin[owner]
    models = []
    for c in CATS:
        y = np.array([(r["labels"].get(c) if r["labels"].get(c) is not None else -1) for r in rows])
        keep = y[owner] >= 0
        yy = (y[owner] >= 4)[keep]
        ww = w[keep]
        # positives and negatives get equal total weight (ranking, not calibration)
        ww = np.where(yy, ww * (ww[~yy].sum() / max(ww[yy].sum(), 1e-9)), ww)
        lr = LogisticRegression(C=C, max_iter=300, solver="liblinear")
        lr.fit(X[keep], yy, sample_weight=ww)
        models.append(lr)
    return models


def score(models, texts):
    X, owner = featurize_csr(texts, DEFAULT_BUCKETS, cache_name="abl_dev")
    P = np.stack([m.predict_proba(X)[:, 1] for m in models], 1)
    return text_max(P, owner, len(texts))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--variants", nargs="*", default=["v2", "v2+templates", "v2-no-authored", "v2-half-sub",
                                                       "v1-labels"])
    ap.add_argument("--C", type=float, default=0.5)
    ap.add_argument("--data", default=str(devset.inventory.DEFAULT_DATA))
    ap.add_argument("--out", default=str(WORK / "data_ablation.json"))
    a = ap.parse_args()
    dev, _ = devset.load()
    from common import norm_for_group

    dev_texts = {norm_for_group(r["text"]) for r in dev}
    Y = np.array([[r["labels"][c] for c in CATS] for r in dev])
    results = {}
    f = lambda v: "  -  " if v is None else f"{v:.3f}"  # noqa: E731
    print(f"dev: {len(dev)} texts; probe C={a.C}")
    print(f"{'variant':16s} {'rows':>6s} " + " ".join(f"{c[:9]:>9s}" for c in CATS) + f" {'any':>6s} {'any CI':>14s}")
    for v in a.variants:
        rows = [r for r in variant_rows(v, a.data) if norm_for_group(r["text"]) not in dev_texts]
        models = fit_probe(rows, a.C, v.replace("+", "_"))
        P = score(models, [r["text"] for r in dev])
        per = [eval_dev.auprc(Y[:, j] >= 4, P[:, j]) for j in range(len(CATS))]
        anyy = Y.max(1) >= 4
        # any-harm: the per-category scores are ranks of balanced models; use the max of
        # per-category percentile ranks so the four are comparable
        R = np.argsort(np.argsort(P, 0), 0) / len(P)
        anys = R.max(1)
        an = eval_dev.auprc(anyy, anys)
        lo, hi = eval_dev.boot_ci(anyy, anys, [r["group"] for r in dev])
        results[v] = {"rows": len(rows), "auprc": dict(zip(CATS, per)), "any": an, "any_ci": [lo, hi]}
        print(f"{v:16s} {len(rows):6d} " + " ".join(f"{f(x):>9s}" for x in per) + f" {f(an):>6s} [{f(lo)}, {f(hi)}]",
              flush=True)
    with open(a.out, "w") as fh:
        json.dump(results, fh, indent=1)


if __name__ == "__main__":
    main()
