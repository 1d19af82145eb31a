#!/usr/bin/env python3
"""A model on the dev set (train/devset.py): the figures every model decision is made on.

Per category: AUPRC of medium+ (label >= 4) against the category's score, with a 95 %
bootstrap interval over groups (dialogues, users, chats); recall at the model's own medium threshold. Any-harm: AUPRC of "some
category medium+" against one score per text, the largest margin over the medium thresholds
(logit(p) - logit(thr), so the four scores are comparable), and against the plain max
probability. The gate: share of fully safe texts (0 in every category) flagged at medium+,
and share of harmful texts (some category medium+) flagged, per part (real / written).

Thresholds, early stopping and recipes are chosen on this same set (that is its job), so the
gate figures of a model tuned on it are optimistic; the check on other data is external.

  eval_dev.py [--model models/ftgate-ngram.onnx] [--out train/work/eval_dev.json]
"""
from __future__ import annotations

import argparse
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import devset  # noqa: E402
from common import CATS, MODEL_PATH, WORK, model_text_probs  # noqa: E402
from evaluate import auprc  # noqa: E402  (the project's one AUPRC definition)


def boot_ci(y, s, groups=None, n=1000, seed=7):
    """95 % bootstrap interval of the AUPRC. With groups, whole groups are resampled (a Reddit
    user's posts, a dialogue, a written chat), since texts of one group are not independent."""
    rng = np.random.default_rng(seed)
    y, s = np.asarray(y, bool), np.asarray(s)
    if groups is None:
        groups = np.arange(len(y))
    _, gid = np.unique(np.asarray(groups), return_inverse=True)
    members = np.split(np.argsort(gid, kind="stable"), np.cumsum(np.bincount(gid))[:-1])
    vals = []
    for _ in range(n):
        i = np.concatenate([members[g] for g in rng.integers(0, len(members), len(members))])
        v = auprc(y[i], s[i])
        if v is not None:
            vals.append(v)
    return (float(np.percentile(vals, 2.5)), float(np.percentile(vals, 97.5))) if vals else (None, None)


def logit(p):
    p = np.clip(np.asarray(p, np.float64), 1e-7, 1 - 1e-7)
    return np.log(p) - np.log1p(-p)


def score_rows(model, rows):
    probs, meta = model_text_probs(model, [r["text"] for r in rows], cache_name="dev")
    thr = np.array([meta["thresholds"][c]["medium"] for c in CATS])
    return probs, thr, meta


def evaluate(rows, probs, thr):
    Y = np.array([[r["labels"][c] for c in CATS] for r in rows])
    G = [r["group"] for r in rows]
    flag = probs >= thr
    margin = (logit(probs) - logit(thr)).max(1)
    out = {"n": len(rows), "categories": {}}
    for j, c in enumerate(CATS):
        y = Y[:, j] >= 4
        lo, hi = boot_ci(y, probs[:, j], G)
        out["categories"][c] = {"n_pos": int(y.sum()), "auprc": auprc(y, probs[:, j]), "ci": [lo, hi],
                                "recall_at_medium": float(flag[y, j].mean()) if y.any() else None,
                                "flagged_when_below_medium": float(flag[~y, j].mean())}
    anyy = Y.max(1) >= 4
    safe = Y.max(1) == 0
    lo, hi = boot_ci(anyy, margin, G)
    out["any"] = {"n_pos": int(anyy.sum()), "auprc_margin": auprc(anyy, margin), "ci": [lo, hi],
                  "auprc_maxprob": auprc(anyy, probs.max(1))}
    out["gate"] = {}
    for part in ("all", "real", "written"):
        m = np.array([part == "all" or r["part"] == part for r in rows])
        g = flag.any(1)
        out["gate"][part] = {"n_safe": int((m & safe).sum()), "n_harmful": int((m & anyy).sum()),
                             "safe_flagged": float(g[m & safe].mean()) if (m & safe).any() else None,
                             "harmful_flagged": float(g[m & anyy].mean()) if (m & anyy).any() else None}
    return out


def show(out, title):
    f = lambda v: "  -  " if v is None else f"{v:.3f}"  # noqa: E731
    print(f"{title}: {out['n']} dev texts")
    print(f"  {'category':14s} {'pos':>5s} {'AUPRC':>6s} {'95% CI':>14s} {'recall@med':>10s} {'FP@med':>7s}")
    for c, m in out["categories"].items():
        print(f"  {c:14s} {m['n_pos']:5d} {f(m['auprc']):>6s} [{f(m['ci'][0])}, {f(m['ci'][1])}] "
              f"{f(m['recall_at_medium']):>10s} {f(m['flagged_when_below_medium']):>7s}")
    a = out["any"]
    print(f"  {'any (margin)':14s} {a['n_pos']:5d} {f(a['auprc_margin']):>6s} [{f(a['ci'][0])}, {f(a['ci'][1])}]"
          f"   any (max prob) {f(a['auprc_maxprob'])}")
    for part, g in out["gate"].items():
        print(f"  gate {part:8s} fully safe flagged {f(g['safe_flagged'])} of {g['n_safe']}, "
              f"harmful flagged {f(g['harmful_flagged'])} of {g['n_harmful']}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=str(MODEL_PATH))
    ap.add_argument("--out", default=str(WORK / "eval_dev.json"))
    ap.add_argument("--allow-single", action="store_true", help="draft figures with one annotation")
    ap.add_argument("--teacher", help="a teacher.py run folder (best.pt): its P(level >= medium), with a"
                                      " threshold of 0.5 (the teacher has no calibrated thresholds yet)")
    ap.add_argument("--confirmer", help="a confirmer ONNX file (export_teacher.py): its P(level >= medium)"
                                        " against its own medium thresholds")
    a = ap.parse_args()
    rows, skipped = devset.load(require_two=not a.allow_single)
    devset.summary(rows, skipped)
    if a.teacher:
        import torch
        import teacher as teacher_mod
        from pathlib import Path

        T = teacher_mod.Teacher(teacher_mod.encoder_dir())
        st = torch.load(Path(a.teacher) / "best.pt", weights_only=False)
        T.load(st["model"])
        probs = T.score([r["text"] for r in rows], st["max_len"])[:, 1::3]
        thr = np.full(len(CATS), 0.5)
        meta = {"name": "teacher " + os.path.basename(os.path.normpath(a.teacher)), "version": f"step {st['step']}"}
    elif a.confirmer:
        import onnx
        from calibrate_confirmer import score as confirmer_score

        cm = json.loads({p.key: p.value for p in onnx.load(a.confirmer).metadata_props}["ftgate"])
        probs = confirmer_score(a.confirmer, [r["text"] for r in rows])[:, 1::3]
        thr = np.array([cm["thresholds"][c]["medium"] for c in CATS])
        meta = {"name": "confirmer " + os.path.basename(a.confirmer), "version": cm["confirmerVersion"]}
    else:
        probs, thr, meta = score_rows(a.model, rows)
    out = evaluate(rows, probs, thr)
    out["model"] = f"{meta['name']} {meta['version']}"
    show(out, out["model"])
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, "w") as fh:
        json.dump(out, fh, indent=1)


if __name__ == "__main__":
    main()
