#!/usr/bin/env python3
"""Evaluate the shipped ONNX model with onnxruntime on the fixed TEST split.

Prints per category: AUPRC, F1/precision/recall at the shipped medium threshold,
false-positive rate on negatives and on benign hard negatives, severity
agreement where the data has graded severity; then per source and per authored
held-out topic. Writes train/work/eval.json.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import CATS, MODEL_PATH, WORK, label_matrix, load_dataset, model_text_probs  # noqa: E402


def sev_pred(p, thr):
    out = np.zeros_like(p)
    for lvl, v in (("low", 2), ("medium", 4), ("high", 6)):
        out = np.where(p >= thr[lvl], v, out)
    return out


def auprc(y, s):
    from sklearn.metrics import average_precision_score

    if y.sum() == 0 or y.sum() == len(y):
        return None
    return round(float(average_precision_score(y, s)), 4)


def metrics(y, p, thr, hn_mask, benign_mask, sev_mask):
    """y: severity labels (no NaN), p: probabilities."""
    pos = y >= 4
    pred = p >= thr["medium"]
    tp, fp, fn = int((pred & pos).sum()), int((pred & ~pos).sum()), int((~pred & pos).sum())
    prec = tp / (tp + fp) if tp + fp else None
    rec = tp / (tp + fn) if tp + fn else None
    f1 = 2 * prec * rec / (prec + rec) if prec and rec else (0.0 if (prec is not None and rec is not None) else None)
    neg = (y == 0) & ~hn_mask
    bhn = (y == 0) & hn_mask & benign_mask
    ahn = (y == 0) & hn_mask
    m = {
        "n": int(len(y)), "n_pos_medium": int(pos.sum()), "auprc": auprc(pos, p),
        "precision": None if prec is None else round(prec, 4), "recall": None if rec is None else round(rec, 4),
        "f1": None if f1 is None else round(f1, 4),
        "fpr_negatives": round(float(pred[neg].mean()), 4) if neg.any() else None, "n_negatives": int(neg.sum()),
        "fpr_benign_hard_negatives": round(float(pred[bhn].mean()), 4) if bhn.any() else None,
        "n_benign_hard_negatives": int(bhn.sum()),
        "fpr_all_hard_negatives": round(float(pred[ahn].mean()), 4) if ahn.any() else None,
        "n_all_hard_negatives": int(ahn.sum()),
    }
    if sev_mask.any():
        sp = sev_pred(p[sev_mask], thr)
        st = y[sev_mask]
        m["severity_exact"] = round(float((sp == st).mean()), 4)
        m["severity_within_one"] = round(float((np.abs(sp - st) <= 2).mean()), 4)
        m["n_severity"] = int(sev_mask.sum())
        conf = collections.Counter(zip(st.astype(int).tolist(), sp.astype(int).tolist()))
        m["severity_confusion_true_pred"] = {f"{a}->{b}": c for (a, b), c in sorted(conf.items())}
    return m


def fmt(v):
    return "   -  " if v is None else f"{v:6.3f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=str(MODEL_PATH))
    ap.add_argument("--split", default="test")
    ap.add_argument("--out", default=str(WORK / "eval.json"))
    args = ap.parse_args()

    rows = [r for r in load_dataset() if r["split"] == args.split]
    P, meta = model_text_probs(args.model, [r["text"] for r in rows], args.split)
    thr_all = meta["thresholds"]
    Y = label_matrix(rows)
    src = np.array([r["source"] for r in rows])
    benign = np.array([r["benign"] for r in rows])
    sevsrc = np.array([r["sev"] for r in rows])
    report = {"model": os.path.basename(args.model), "version": meta["version"], "split": args.split,
              "n_texts": len(rows), "thresholds": thr_all, "overall": {}, "per_source": {}, "per_authored_topic": {}}

    print(f"model {args.model} v{meta['version']} — {args.split} split, {len(rows)} texts\n")
    print(f"{'category':14s} {'n':>6s} {'pos':>5s} {'AUPRC':>6s} {'P':>6s} {'R':>6s} {'F1':>6s} "
          f"{'FPRneg':>6s} {'FPRbhn':>6s} {'sevEx':>6s} {'sev±1':>6s}")
    for j, c in enumerate(CATS):
        k = ~np.isnan(Y[:, j])
        hn = np.array([c in r["hn"] for r in rows])
        m = metrics(Y[k, j], P[k, j], thr_all[c], hn[k], benign[k], sevsrc[k])
        report["overall"][c] = m
        print(f"{c:14s} {m['n']:6d} {m['n_pos_medium']:5d} {fmt(m['auprc'])} {fmt(m['precision'])} {fmt(m['recall'])} "
              f"{fmt(m['f1'])} {fmt(m['fpr_negatives'])} {fmt(m['fpr_benign_hard_negatives'])} "
              f"{fmt(m.get('severity_exact'))} {fmt(m.get('severity_within_one'))}")

    # gate view: any category at >= medium
    flag_any = np.zeros(len(rows), bool)
    for j, c in enumerate(CATS):
        flag_any |= P[:, j] >= thr_all[c]["medium"]
    harmful = np.nan_to_num(Y, nan=0).max(1) >= 4
    clean = (np.nan_to_num(Y, nan=9) == 0).all(1)
    bhn_any = clean & benign & np.array([bool(r["hn"]) for r in rows])
    plain = clean & ~np.array([bool(r["hn"]) for r in rows])
    report["gate"] = {
        "recall_any_harmful_medium": round(float(flag_any[harmful].mean()), 4),
        "flag_rate_fully_safe": round(float(flag_any[clean].mean()), 4),
        "flag_rate_plain_negatives": round(float(flag_any[plain].mean()), 4) if plain.any() else None,
        "n_plain_negatives": int(plain.sum()),
        "flag_rate_benign_hard_negatives": round(float(flag_any[bhn_any].mean()), 4) if bhn_any.any() else None,
        "n_harmful": int(harmful.sum()), "n_fully_safe": int(clean.sum()), "n_benign_hn": int(bhn_any.sum()),
    }
    # Operating-point-free comparison of two models: move the four medium thresholds together
    # (the same shift in logit space) until the gate flags r of the fully-safe texts.
    logit = np.log(np.clip(P, 1e-7, 1 - 1e-7) / np.clip(1 - P, 1e-7, 1))
    tl = np.array([np.log(thr_all[c]["medium"] / (1 - thr_all[c]["medium"])) for c in CATS])
    at = {}
    for r in (0.01, 0.02, 0.03, 0.04, 0.05):
        lo, hi = -20.0, 20.0
        for _ in range(60):  # bisection on the shift: flag rate falls as the shift grows
            mid = (lo + hi) / 2
            if ((logit >= tl + mid).any(1)[clean]).mean() > r:
                lo = mid
            else:
                hi = mid
        f = (logit >= tl + hi).any(1)
        at[f"{r:.2f}"] = {"recall_harmful": round(float(f[harmful].mean()), 4),
                          "flag_rate_benign_hard_negatives": round(float(f[bhn_any].mean()), 4) if bhn_any.any() else None,
                          "flag_rate_plain_negatives": round(float(f[plain].mean()), 4) if plain.any() else None}
    report["gate"]["at_fully_safe_flag_rate"] = at
    g = report["gate"]
    print("gate recall with the thresholds moved together to flag r of the fully-safe texts: " +
          ", ".join(f"r={k}: {v['recall_harmful']:.3f}" for k, v in at.items()))
    print(f"\ngate (any category >= medium): recall on harmful {g['recall_any_harmful_medium']:.3f} (n={g['n_harmful']}), "
          f"flag rate on fully-safe {g['flag_rate_fully_safe']:.3f} (n={g['n_fully_safe']}), "
          f"on plain negatives {g['flag_rate_plain_negatives']} (n={g['n_plain_negatives']}), "
          f"on benign hard negatives {g['flag_rate_benign_hard_negatives']} (n={g['n_benign_hn']})")

    # the same figures on the ORIGINAL test rows only (public sources + batch-1 authored topics),
    # so models trained before and after authored batch 2 compare on identical texts
    b1 = np.array([r.get("batch", 1) == 1 for r in rows])
    report["original_rows"] = {"n_texts": int(b1.sum()), "per_category": {}}
    line = []
    for j, c in enumerate(CATS):
        k = b1 & ~np.isnan(Y[:, j])
        pos = Y[k, j] >= 4
        pred = P[k, j] >= thr_all[c]["medium"]
        ent = {"auprc": auprc(pos, P[k, j]), "recall_medium": round(float(pred[pos].mean()), 4) if pos.any() else None,
               "precision_medium": round(float(pos[pred].mean()), 4) if pred.any() else None, "n_pos": int(pos.sum())}
        report["original_rows"]["per_category"][c] = ent
        line.append(f"{c} AUPRC {fmt(ent['auprc'])} R {fmt(ent['recall_medium'])}")
    report["original_rows"]["gate"] = {
        "recall_any_harmful_medium": round(float(flag_any[b1 & harmful].mean()), 4),
        "flag_rate_plain_negatives": round(float(flag_any[b1 & plain].mean()), 4),
        "flag_rate_benign_hard_negatives": round(float(flag_any[b1 & bhn_any].mean()), 4),
        "n_harmful": int((b1 & harmful).sum()), "n_plain_negatives": int((b1 & plain).sum()),
        "n_benign_hn": int((b1 & bhn_any).sum())}
    go = report["original_rows"]["gate"]
    print(f"original test rows only (n={int(b1.sum())}): " + " | ".join(line))
    print(f"  gate: recall {go['recall_any_harmful_medium']:.3f}, plain negatives flagged {go['flag_rate_plain_negatives']:.4f} "
          f"(n={go['n_plain_negatives']}), benign hard negatives flagged {go['flag_rate_benign_hard_negatives']:.4f} (n={go['n_benign_hn']})")

    print("\nper source (category: AUPRC / P / R / F1 @medium, FPR negatives, FPR benign hard negatives)")
    for s in sorted(set(src)):
        report["per_source"][s] = {}
        line = []
        for j, c in enumerate(CATS):
            k = (~np.isnan(Y[:, j])) & (src == s)
            if not k.any():
                continue
            hn = np.array([c in r["hn"] for r in rows])
            m = metrics(Y[k, j], P[k, j], thr_all[c], hn[k], benign[k], sevsrc[k])
            report["per_source"][s][c] = m
            if m["n_pos_medium"] or m["n_benign_hard_negatives"] or (m["fpr_negatives"] or 0) > 0:
                line.append(f"{c}: {fmt(m['auprc'])}/{fmt(m['precision'])}/{fmt(m['recall'])}/{fmt(m['f1'])} "
                            f"pos={m['n_pos_medium']} fprN={fmt(m['fpr_negatives'])} fprBHN={fmt(m['fpr_benign_hard_negatives'])}")
        print(f"  {s}")
        for l in line:
            print(f"      {l}")

    print("\nauthored held-out topics (share flagged >= medium in the topic's labelled category, or in any category for benign topics)")
    topics = sorted({r["topic"] for r in rows if r["source"] == "authored"})
    for t in topics:
        idx = np.array([r["source"] == "authored" and r["topic"] == t for r in rows])
        Yt, Pt = Y[idx], P[idx]
        fam = t.split("/")[0]
        fam_cat = {"violence": "violence", "sexual": "sexual", "hate": "hate_fairness", "self_harm": "self_harm"}.get(fam)
        ent = {"n": int(idx.sum())}
        if fam_cat:
            j = CATS.index(fam_cat)
            y = Yt[:, j]
            ent["category"] = fam_cat
            ent["label_counts"] = {str(int(k)): int(v) for k, v in zip(*np.unique(y, return_counts=True))}
            pos = y >= 4
            ent["recall_medium"] = round(float((Pt[pos, j] >= thr_all[fam_cat]["medium"]).mean()), 4) if pos.any() else None
            sp = sev_pred(Pt[:, j], thr_all[fam_cat])
            ent["severity_exact"] = round(float((sp == y).mean()), 4)
            ent["severity_within_one"] = round(float((np.abs(sp - y) <= 2).mean()), 4)
            print(f"  {t:34s} n={ent['n']:4d} labels={ent['label_counts']} recall@medium={ent['recall_medium']} "
                  f"sevExact={ent['severity_exact']} sev±1={ent['severity_within_one']}")
        else:
            fl = np.zeros(idx.sum(), bool)
            per = {}
            for j, c in enumerate(CATS):
                f = Pt[:, j] >= thr_all[c]["medium"]
                per[c] = round(float(f.mean()), 4)
                fl |= f
            ent["flag_rate_any"] = round(float(fl.mean()), 4)
            ent["flag_rate_per_category"] = per
            print(f"  {t:34s} n={ent['n']:4d} flagged(any)={ent['flag_rate_any']:.3f} {per}")
        report["per_authored_topic"][t] = ent

    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(report, f, indent=1)
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
