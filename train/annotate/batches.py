#!/usr/bin/env python3
"""Annotation batches: make them, check a helper's output, merge outputs into train/labels/.

  batches.py make --pass p1 --slice train        one folder per batch under train/work/annot/p1/
  batches.py make --pass p2 --slice train --sample 0.10   the blind second annotation (10 %)
  batches.py make --pass d1 --slice dev          dev set, first annotation (d2: second, blind)
  batches.py check DIR                           is DIR/output.jsonl complete and valid?
  batches.py merge                               every valid output -> train/labels/<source>.jsonl
  batches.py status                              batches per pass: done / open

A batch folder holds input.jsonl ({key, text}: texts, so git-ignored) and the annotator
writes output.jsonl ({key, violence, sexual, hate_fairness, self_harm}). Batches mix sources
(a deterministic shuffle) so no annotator sees one source's base rate. Texts of a batch are
capped by count and by characters.

train/labels/<source>.jsonl holds one line per (text, pass): source, id, sha (of the text),
pass, batch, and the four levels. No text. `labels.py` resolves passes into one label.
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
import inventory  # noqa: E402

ROOT = inventory.ROOT
ANNOT = ROOT / "train" / "work" / "annot"
LABELS = ROOT / "train" / "labels"
from written import CATS, LEVELS, json_lines  # noqa: E402


def unit(s: str, salt: str) -> float:
    return inventory.unit(s, salt)


def write_batch(d: Path, rows):
    """input.jsonl with opaque ids ("<pass>-<batch>-<n>") so the annotator cannot read the source
    or its label from a key; the map back to the real keys sits beside the folder, not in it."""
    d.mkdir(parents=True, exist_ok=True)
    ids = {}
    with open(d / "input.jsonl", "w", encoding="utf-8") as fh:
        for n, r in enumerate(rows):
            oid = f"{d.parent.name}-{d.name}-{n}"
            ids[oid] = r["key"]
            fh.write(json.dumps({"key": oid, "text": r["text"]}, ensure_ascii=False) + "\n")
    with open(d.parent / f"{d.name}.keys.json", "w", encoding="utf-8") as fh:
        json.dump(ids, fh)


def key_map(d: Path) -> dict:
    """Opaque id -> real key for a batch written by write_batch; {} for the first batches, whose
    input.jsonl carried the real keys (see train/labels/README.md)."""
    f = d.parent / f"{d.name}.keys.json"
    return json.load(open(f, encoding="utf-8")) if f.exists() else {}


def chunk(rows, max_n, max_chars):
    out, cur, ch = [], [], 0
    for r in rows:
        n = len(r["text"])
        if cur and (len(cur) >= max_n or ch + n > max_chars):
            out.append(cur)
            cur, ch = [], 0
        cur.append(r)
        ch += n
    if cur:
        out.append(cur)
    return out


def cmd_make(a):
    rows = inventory.load(a.inventory)
    rows = [r for r in rows if r["slice"] == a.slice and (not a.sources or r["source"] in a.sources)]
    if a.sample < 1.0:
        rows = [r for r in rows if unit(r["key"], "double") < a.sample]
    rows.sort(key=lambda r: unit(r["key"], "order:" + a.pass_))
    base = ANNOT / a.pass_
    start = 0
    if a.append:
        have = set()
        for f in glob.glob(str(base / "[0-9][0-9][0-9]" / "input.jsonl")):
            have |= {o["key"] for _, o, _ in json_lines(f)}
        rows = [r for r in rows if r["key"] not in have]
        start = len(glob.glob(str(base / "[0-9][0-9][0-9]")))
    elif base.exists() and any(base.iterdir()) and not a.force:
        sys.exit(f"{base} exists; --append adds the texts not yet in a batch, --force rebuilds")
    batches = chunk(rows, a.max_n, a.max_chars)
    for i, b in enumerate(batches):
        write_batch(base / f"{start + i:03d}", b)
    print(f"{a.pass_}: {len(rows)} texts in {len(batches)} batches under {base}")


def check_dir(d: Path):
    """(labels by key, problems). A batch is complete when every input key has one valid label."""
    keys = [o["key"] for _, o, _ in json_lines(d / "input.jsonl")]
    want = set(keys)
    got, problems = {}, []
    out = d / "output.jsonl"
    if not out.exists():
        return got, [f"{out}: missing"], keys
    for n, o, err in json_lines(out):
        if err:
            problems.append(err)
            continue
        k = o.get("key")
        if k not in want:
            problems.append(f"line {n}: key {k!r} is not in input.jsonl")
            continue
        bad = [c for c in CATS if o.get(c) not in LEVELS]
        if bad:
            problems.append(f"line {n}: {k}: {bad} must each be one of 0, 2, 4, 6")
            continue
        if k in got and any(got[k][c] != o[c] for c in CATS):
            problems.append(f"line {n}: {k} labelled twice, differently (the last one is kept)")
        got[k] = {c: o[c] for c in CATS}
    missing = [k for k in keys if k not in got]
    if missing:
        problems.append(f"{len(missing)} keys not labelled yet, first: {missing[0]}")
    return got, problems, keys


def cmd_check(a):
    got, problems, keys = check_dir(Path(a.dir))
    for p in problems[:20]:
        print(p)
    print(f"{len(got)}/{len(keys)} labelled, {len(problems)} problems")
    sys.exit(0 if not problems else 1)


def cmd_merge(a):
    inv = {r["key"]: r for r in inventory.load(a.inventory)}
    existing = collections.defaultdict(dict)  # source -> (key, pass) -> line
    for f in glob.glob(str(LABELS / "*.jsonl")):
        for _, o, _ in json_lines(f):
            existing[o["source"]][(o["source"] + "|" + o["id"], o["pass"])] = o
    added = collections.Counter()
    # the writers' own labels of the written dev chats are pass "w"
    for k, r in inv.items():
        if "writer" in r:
            o = {"source": r["source"], "id": r["id"], "sha": r["sha"], "pass": "w", "batch": "-", **r["writer"]}
            if (k, "w") not in existing[r["source"]]:
                added["w"] += 1
            existing[r["source"]][(k, "w")] = o
    for d in sorted(glob.glob(str(ANNOT / "*" / "[0-9][0-9][0-9]"))):
        d = Path(d)
        pass_, batch = d.parent.name, d.name
        got, problems, keys = check_dir(d)
        if problems and not a.partial:
            if got:
                print(f"skip {pass_}/{batch}: {problems[0]}", file=sys.stderr)
            continue
        km = key_map(d)
        for k, lab in got.items():
            r = inv[km.get(k, k)]
            o = {"source": r["source"], "id": r["id"], "sha": r["sha"], "pass": pass_, "batch": batch, **lab}
            k = r["key"]
            if (k, pass_) not in existing[r["source"]]:
                added[pass_] += 1
            existing[r["source"]][(k, pass_)] = o
    LABELS.mkdir(parents=True, exist_ok=True)
    for source, m in existing.items():
        with open(LABELS / f"{source}.jsonl", "w", encoding="utf-8") as fh:
            for (k, p) in sorted(m, key=lambda kp: (kp[0], kp[1])):
                fh.write(json.dumps(m[(k, p)], ensure_ascii=False) + "\n")
    print(f"merged: {dict(added)} new labels; files in {LABELS}")


def cmd_status(a):
    for p in sorted(glob.glob(str(ANNOT / "*"))):
        done = open_ = 0
        n_done = n_all = 0
        for d in sorted(glob.glob(p + "/[0-9][0-9][0-9]")):
            got, problems, keys = check_dir(Path(d))
            n_all += len(keys)
            n_done += len(got)
            if problems:
                open_ += 1
            else:
                done += 1
        print(f"{os.path.basename(p)}: {done} batches done, {open_} open; {n_done}/{n_all} texts labelled")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inventory", default=str(inventory.OUT))
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("make")
    m.add_argument("--pass", dest="pass_", required=True)
    m.add_argument("--slice", required=True, choices=["train", "dev", "devw", "spare", "heldout"])
    m.add_argument("--sources", nargs="*")
    m.add_argument("--sample", type=float, default=1.0, help="share of keys (hash based) to include")
    m.add_argument("--max-n", type=int, default=400)
    m.add_argument("--max-chars", type=int, default=60000)
    m.add_argument("--force", action="store_true")
    m.add_argument("--append", action="store_true", help="new batches for texts not yet in one of this pass")
    c = sub.add_parser("check")
    c.add_argument("dir")
    g = sub.add_parser("merge")
    g.add_argument("--partial", action="store_true", help="also merge the labelled part of unfinished batches")
    sub.add_parser("status")
    a = ap.parse_args()
    {"make": cmd_make, "check": cmd_check, "merge": cmd_merge, "status": cmd_status}[a.cmd](a)


if __name__ == "__main__":
    main()
