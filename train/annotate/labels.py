#!/usr/bin/env python3
"""Resolve the annotation passes in train/labels/ into one label per text, and measure agreement.

Passes: p1 (first annotation of training texts), p2 (blind second annotation of a 10 % sample),
p3 (blind third annotation where p1 and p2 disagree); d1, d2, d3 the same for the dev set's
source texts; w (the writer's own labels of a written dev chat), wd2 (blind second), wd3 (third).

Resolution per category: with three passes the median; with two that agree, that level; with
two that disagree and no third, the text is "unresolved" (training uses the first pass, the
dev set excludes it until adjudicated); with one, that level. A maintainer's spot-check
correction (pass "x", train/labels/spotcheck-*.json) overrides all of them. Passes q1/q3: a
blind re-annotation with opaque batch ids of the texts whose keys gave their source away
(toxigen's file names say hate/neutral) and a hh-rlhf sample; see resolve().

  labels.py agreement            quadratic-weighted kappa (4 levels) and kappa on medium+ per
                                 category, for p1/p2, d1/d2 and w/wd2
  labels.py adjudicate --pair d1 d2 --pass d3     batch folders for the disagreements
"""
from __future__ import annotations

import argparse
import collections
import glob
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import batches  # noqa: E402
import inventory  # noqa: E402

CATS = batches.CATS
LABELS = batches.LABELS
TRIPLES = [("p1", "p2", "p3"), ("d1", "d2", "d3"), ("w", "wd2", "wd3")]


def load(labels_dir=LABELS, check_sha: dict | None = None):
    """key -> {pass: {cat: level}}. With check_sha (key -> sha of today's text), labels whose
    text changed are dropped, so a label never attaches to another text."""
    out = collections.defaultdict(dict)
    for f in sorted(glob.glob(str(Path(labels_dir) / "*.jsonl"))):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                o = json.loads(line)
                k = o["source"] + "|" + o["id"]
                if check_sha is not None and check_sha.get(k) != o["sha"]:
                    continue
                out[k][o["pass"]] = {c: int(o[c]) for c in CATS}
    # the maintainer's spot checks: pass "x", which overrides every other pass
    for f in sorted(glob.glob(str(Path(labels_dir) / "spotcheck-*.json"))):
        with open(f, encoding="utf-8") as fh:
            for ch in json.load(fh)["changed"]:
                if ch["key"] in out or check_sha is None:
                    out[ch["key"]]["x"] = {c: int(ch["now"][c]) for c in CATS}
    return out


def resolve(passes: dict):
    """(label {cat: level}, how) for one text's passes, or (None, "none")."""
    if "x" in passes:
        return dict(passes["x"]), "spot-checked"
    lab, how = _resolve_keyed(passes)
    if "q1" in passes and lab is not None:
        # the blind re-annotation with opaque ids (toxigen, whose keys named the source's label,
        # and a hh-rlhf sample): where it disagrees, the median of the keyed label, q1 and a
        # third blind pass q3; without q3 the blind q1
        q1 = passes["q1"]
        if q1 == lab:
            return lab, how
        if "q3" in passes:
            return {k: sorted([lab[k], q1[k], passes["q3"][k]])[1] for k in CATS}, "adjudicated-blind"
        return dict(q1), "blind"
    return lab, how


def _resolve_keyed(passes: dict):
    for a, b, c in TRIPLES:
        if c in passes and a in passes and b in passes:
            lab = {k: sorted([passes[a][k], passes[b][k], passes[c][k]])[1] for k in CATS}
            return lab, "adjudicated"
        if a in passes and b in passes:
            if passes[a] == passes[b]:
                return dict(passes[a]), "agreed"
            return dict(passes[a]), "unresolved"
        if a in passes:
            return dict(passes[a]), "single"
    return None, "none"


def qwk(x, y, levels=(0, 2, 4, 6)):
    import numpy as np

    idx = {v: i for i, v in enumerate(levels)}
    n = len(levels)
    o = np.zeros((n, n))
    for a, b in zip(x, y):
        o[idx[a], idx[b]] += 1
    if o.sum() == 0:
        return None
    w = np.array([[(i - j) ** 2 / (n - 1) ** 2 for j in range(n)] for i in range(n)])
    e = np.outer(o.sum(1), o.sum(0)) / o.sum()
    den = (w * e).sum()
    return None if den == 0 else 1 - (w * o).sum() / den


def kappa(x, y):
    n = len(x)
    if n == 0:
        return None
    po = sum(a == b for a, b in zip(x, y)) / n
    px, py = sum(x) / n, sum(y) / n
    pe = px * py + (1 - px) * (1 - py)
    return None if pe == 1 else (po - pe) / (1 - pe)


def agreement(lab, a, b):
    keys = [k for k, p in lab.items() if a in p and b in p]
    rows = []
    for c in CATS:
        x = [lab[k][a][c] for k in keys]
        y = [lab[k][b][c] for k in keys]
        bx = [v >= 4 for v in x]
        by = [v >= 4 for v in y]
        rows.append({"category": c, "n": len(keys), "qwk": qwk(x, y), "kappa_medium+": kappa(bx, by),
                     "exact": sum(u == v for u, v in zip(x, y)) / len(keys) if keys else None,
                     "medium+_a": sum(bx), "medium+_b": sum(by)})
    anyx = [max(lab[k][a].values()) >= 4 for k in keys]
    anyy = [max(lab[k][b].values()) >= 4 for k in keys]
    rows.append({"category": "any", "n": len(keys), "qwk": None, "kappa_medium+": kappa(anyx, anyy),
                 "exact": sum(lab[k][a] == lab[k][b] for k in keys) / len(keys) if keys else None,
                 "medium+_a": sum(anyx), "medium+_b": sum(anyy)})
    return rows


def cmd_agreement(a):
    lab = load()
    f = lambda v: "  -  " if v is None else f"{v:5.3f}"  # noqa: E731
    for x, y, _ in TRIPLES:
        rows = agreement(lab, x, y)
        if not rows[0]["n"]:
            continue
        print(f"{x} vs {y}: {rows[0]['n']} texts annotated by both")
        print(f"  {'category':14s} {'qwk':>6s} {'k(4+)':>6s} {'exact':>6s} {'4+ ' + x:>7s} {'4+ ' + y:>7s}")
        for r in rows:
            print(f"  {r['category']:14s} {f(r['qwk']):>6s} {f(r['kappa_medium+']):>6s} {f(r['exact']):>6s}"
                  f" {r['medium+_a']:7d} {r['medium+_b']:7d}")
    how = collections.Counter(resolve(p)[1] for p in lab.values())
    print("resolution:", dict(how))


def cmd_adjudicate(a):
    lab = load()
    inv = {r["key"]: r for r in inventory.load()}
    keys = sorted(k for k, p in lab.items() if a.pair[0] in p and a.pair[1] in p and p[a.pair[0]] != p[a.pair[1]]
                  and a.pass_ not in p)
    rows = [inv[k] for k in keys]
    rows.sort(key=lambda r: batches.unit(r["key"], "order:" + a.pass_))
    base = batches.ANNOT / a.pass_
    start = len(glob.glob(str(base / "[0-9][0-9][0-9]")))
    for i, b in enumerate(batches.chunk(rows, a.max_n, a.max_chars)):
        d = base / f"{start + i:03d}"
        batches.write_batch(d, b)
        print(d, len(b))
    print(f"{len(rows)} disagreements between {a.pair[0]} and {a.pair[1]} -> {base}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("agreement")
    j = sub.add_parser("adjudicate")
    j.add_argument("--pair", nargs=2, required=True)
    j.add_argument("--pass", dest="pass_", required=True)
    j.add_argument("--max-n", type=int, default=400)
    j.add_argument("--max-chars", type=int, default=60000)
    a = ap.parse_args()
    {"agreement": cmd_agreement, "adjudicate": cmd_adjudicate}[a.cmd](a)


if __name__ == "__main__":
    main()
