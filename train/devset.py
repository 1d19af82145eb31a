#!/usr/bin/env python3
"""The dev set: every model decision is made on it; nothing in it is ever trained on.

Two parts, both labelled by the rubric (train/SEVERITY.md) with two blind annotations and a
third where they disagree (train/annotate/labels.py):
- real: texts from ../shared/data in the inventory's "dev" slice (whole groups held out:
  dialogues, Reddit users, diasafety contexts; see train/annotate/inventory.py);
- written: project-authored chats in train/devset/written/, written by helpers that saw only
  the rubric (not the training data, its templates or the authored data).

  devset.py            counts per part, source and category x level
  devset.py --dump F   the dev rows (with texts) as JSON Lines to F (git-ignored place)

Texts whose two annotations disagree and have no third yet are left out and counted.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "annotate"))
import inventory  # noqa: E402
import labels as L  # noqa: E402

CATS = L.CATS


def load(require_two: bool = True, inv_rows=None):
    """(rows, skipped). A row: key, source, group, part (real/written), kind (form or role), text,
    labels {cat: level}, how (agreed/adjudicated/...). inv_rows: inventory rows already built
    (default: inventory.load())."""
    inv = [r for r in (inv_rows if inv_rows is not None else inventory.load()) if r["slice"] in ("dev", "devw")]
    lab = L.load(check_sha={r["key"]: r["sha"] for r in inv})
    rows, skipped = [], collections.Counter()
    for r in inv:
        p = lab.get(r["key"], {})
        y, how = L.resolve(p)
        if y is None or how == "unresolved" or (require_two and how == "single"):
            skipped[how] += 1
            continue
        part = "written" if r["slice"] == "devw" else "real"
        kind = r["src"].get("form") or r["src"].get("role") or ""
        rows.append({"key": r["key"], "source": r["source"], "group": r["group"], "part": part, "kind": kind,
                     "text": r["text"],
                     "labels": y, "how": how})
    return rows, skipped


def summary(rows, skipped):
    print(f"dev set: {len(rows)} texts; left out: {dict(skipped)}")
    for part in ("real", "written"):
        pr = [r for r in rows if r["part"] == part]
        print(f"  {part}: {len(pr)}  " + ", ".join(f"{s} {n}" for s, n in
                                                   collections.Counter(r["source"] for r in pr).most_common()))
    print(f"  {'category':14s} {'0':>6s} {'2':>6s} {'4':>6s} {'6':>6s}")
    for c in CATS:
        cnt = collections.Counter(r["labels"][c] for r in rows)
        print(f"  {c:14s} " + " ".join(f"{cnt[v]:6d}" for v in (0, 2, 4, 6)))
    anyh = sum(1 for r in rows if max(r["labels"].values()) >= 4)
    benign = sum(1 for r in rows if max(r["labels"].values()) == 0)
    print(f"  any medium+: {anyh}; fully safe: {benign}; how: {dict(collections.Counter(r['how'] for r in rows))}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dump")
    ap.add_argument("--allow-single", action="store_true", help="include texts with one annotation (drafts only)")
    a = ap.parse_args()
    rows, skipped = load(require_two=not a.allow_single)
    summary(rows, skipped)
    if a.dump:
        with open(a.dump, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
