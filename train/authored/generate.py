#!/usr/bin/env python3
"""Deterministic generator for ftgate's project-authored synthetic training text.

Writes train/authored/authored.jsonl next to this script. Stdlib only, Python 3.11.
This file is the engine only. Every fragment pool, template list and topic spec lives
in JSON under templates/ (written by hand for this project; nothing is copied from any
dataset):

    templates/styles.json        wrappers, lead-ins, context paragraphs, markup, leetspeak
    templates/batchN/batch.json  seed, defaults, shared openers/closers and file order of batch N
    templates/batchN/*.json      "pool_sets" (named slot pools) and "topics" (specs), in order

Usage:
    python3 train/authored/generate.py            # writes authored.jsonl, prints stats
    python3 train/authored/generate.py --stats-md # also prints markdown count tables

Severity scale (see train/SEVERITY.md): 0 safe, 2 low, 4 medium, 6 high.
Adults only in all sexual content; no minors anywhere; no real persons.
"""

from __future__ import annotations

import glob
import json
import os
import random
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "authored.jsonl")
TEMPLATES = os.path.join(HERE, "templates")
CATS = ("violence", "sexual", "hate_fairness", "self_harm")
MIN_WORDS, MAX_WORDS = 5, 120


# ---------------------------------------------------------------------------
# Loading the data files.  Order matters everywhere (the output depends on the
# random stream), and JSON objects and arrays keep their order.
#
# A data file holds "pool_sets" and/or "topics".  A pool set is {"extends":
# [layers], "pools": {SLOT: [fragments]}}; naming a set that already exists adds
# its pools to it (so a set can grow between topics, and a topic sees the set as
# it was when the topic was read).  A layer is a set's name or {"set": name,
# "keys": [SLOT, ...]} for some of its pools.  A topic's pools are its batch's
# "pools" layers, then its own "pools" layers, then its "local_pools".
# ---------------------------------------------------------------------------
def _load(path: str):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _merged(reg: dict, layers: list) -> dict:
    p = {}
    for lay in layers:
        if isinstance(lay, str):
            p.update(reg[lay])
        else:
            p.update({k: reg[lay["set"]][k] for k in lay["keys"]})
    return p


def _add_pool_sets(reg: dict, doc: dict) -> None:
    for name, ps in doc.get("pool_sets", {}).items():
        if name in reg:
            assert "extends" not in ps, f"pool set {name} already exists"
            reg[name].update(ps.get("pools", {}))
        else:
            reg[name] = _merged(reg, ps.get("extends", []))
            reg[name].update(ps.get("pools", {}))


def _topic_spec(reg: dict, batch: dict, t: dict) -> dict:
    d = batch["defaults"]
    dom = batch["domains"][t["domain"]] if "domain" in t else {}
    groups = []
    for g in t["groups"]:
        assert set(g["labels"]) <= set(CATS), g["labels"]
        groups.append(({c: g["labels"].get(c, 0) for c in CATS}, g["weight"], g["templates"]))
    pools = _merged(reg, batch["pools"] + t.get("pools", []))
    pools.update(t.get("local_pools", {}))
    return {"name": t["name"], "kind": t["kind"], "n": t["n"], "groups": groups, "pools": pools,
            "multi": t.get("multi", d["multi"]), "lead": t.get("lead", d["lead"]),
            "maxw": t.get("maxw", d["maxw"]), "markup": d["markup"], "capsent": d["capsent"],
            "open": batch["open"] + dom.get("open", []) + t.get("open", []),
            "close": batch["close"] + dom.get("close", []) + t.get("close", [])}


def load_batches() -> tuple[dict, list]:
    """-> (pool-set registry, [(batch number, seed, [topic spec, ...]), ...] in batch order)."""
    reg: dict = {}
    out = []
    metas = [(os.path.dirname(p), _load(p)) for p in glob.glob(os.path.join(TEMPLATES, "*", "batch.json"))]
    for folder, meta in sorted(metas, key=lambda m: m[1]["batch"]):
        topics = []
        for fname in meta["files"]:
            doc = _load(os.path.join(folder, fname))
            _add_pool_sets(reg, doc)
            topics += [_topic_spec(reg, meta, t) for t in doc.get("topics", [])]
        out.append((meta["batch"], meta["seed"], topics))
    return reg, out


STYLES = _load(os.path.join(TEMPLATES, "styles.json"))
POOLS, BATCHES = load_batches()
POOLS_BASE = POOLS["BASE"]


# ---------------------------------------------------------------------------
# Template engine.  "{KEY}" -> random choice from POOLS[KEY] (recursively),
# "[a|b|c]" -> random inline alternative (no nesting, must contain "|").
# ---------------------------------------------------------------------------
_SLOT = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_ALT = re.compile(r"\[([^\[\]]*\|[^\[\]]*)\]")


def fill(rng: random.Random, tpl: str, pools: dict, depth: int = 0) -> str:
    if depth > 8:
        raise RuntimeError("slot recursion too deep: " + tpl)
    tpl = _ALT.sub(lambda m: rng.choice(m.group(1).split("|")), tpl)

    def rep(m):
        key = m.group(1)
        if key not in pools:
            raise KeyError(f"unknown slot {key} in {tpl!r}")
        return fill(rng, rng.choice(pools[key]), pools, depth + 1)

    out = _SLOT.sub(rep, tpl)
    return out


def tidy(t: str) -> str:
    t = re.sub(r"[ \t]+", " ", t)
    t = re.sub(r" +([,.!?;:])", r"\1", t)
    t = re.sub(r"\.\.(?!\.)", ".", t)
    t = t.strip()
    if t and t[0].islower() and not t.startswith(("lol", "ok", "ngl", "tbh", "idk", "hey", "ugh", "btw", "u ", "ur ", "i ", "kys", "pls", "imo")):
        t = t[0].upper() + t[1:]
    return t




# ---------------------------------------------------------------------------
# Style wrappers and noise.  Applied with the SAME probabilities to every kind,
# so that formatting is never a shortcut for the label.  Fragments: styles.json.
# ---------------------------------------------------------------------------
def wrap(rng: random.Random, t: str) -> str:
    r = rng.random()
    if r < 0.50:
        out = t
    elif r < 0.58:
        out = f"User: {t}"
    elif r < 0.63:
        out = f"Assistant: {t}"
    elif r < 0.71:
        out = f"[{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}] {rng.choice(STYLES['HANDLES'])}: {t}"
    elif r < 0.77:
        out = f"Re: {rng.choice(STYLES['SUBJECTS'])}\n\n{t}"
    elif r < 0.83:
        out = f"### Instruction:\n{rng.choice(STYLES['INSTRS'])}\n\n### Response:\n{t}"
    elif r < 0.89:
        q = t.replace('"', "'")
        out = f"\"{q}\" {rng.choice(STYLES['SAY'])}."
    elif r < 0.94:
        out = f"Subject: {rng.choice(STYLES['SUBJECTS'])}\n\n{t}\n\n- {rng.choice(POOLS_BASE['NAME'])}"
    else:
        out = f"A: {rng.choice(STYLES['DIALOGUE_A'])}\nB: {t}"
    return out


LEET = STYLES["LEET"]


def _words_idx(t):
    return [m for m in re.finditer(r"[A-Za-z]{4,}", t)]


def leet(rng, t):
    ws = _words_idx(t)
    if not ws:
        return t
    picks = rng.sample(ws, min(len(ws), rng.randint(1, 3)))
    chars = list(t)
    for m in picks:
        for i in range(m.start(), m.end()):
            c = chars[i].lower()
            if c in LEET and rng.random() < 0.7:
                chars[i] = LEET[c]
    return "".join(chars)


def spaced(rng, t):
    ws = _words_idx(t)
    if not ws:
        return t
    m = rng.choice(ws)
    sep = rng.choice([" ", ".", "-", "*"])
    return t[: m.start()] + sep.join(m.group(0)) + t[m.end():]


def typo(rng, t):
    ws = _words_idx(t)
    if not ws:
        return t
    chars = list(t)
    for m in rng.sample(ws, min(len(ws), rng.randint(1, 2))):
        i = rng.randrange(m.start(), m.end() - 1)
        op = rng.random()
        if op < 0.5:
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        elif op < 0.8:
            chars[i] = ""
        else:
            chars[i] = chars[i] + chars[i]
    return "".join(chars)


def noise(rng, t, positive: bool):
    r = rng.random()
    if positive:
        if r < 0.05:
            return t.lower()
        if r < 0.07:
            return t.upper()
        if r < 0.11:
            return leet(rng, t)
        if r < 0.14:
            return spaced(rng, t)
        if r < 0.20:
            return typo(rng, t)
        return t
    # negatives: casing and typos at a similar rate, rare leet/spacing (gamer/chat talk exists)
    if r < 0.05:
        return t.lower()
    if r < 0.065:
        return t.upper()
    if r < 0.075:
        return leet(rng, t)
    if r < 0.08:
        return spaced(rng, t)
    if r < 0.14:
        return typo(rng, t)
    return t


def markup(rng, t):
    pre = "".join(rng.choice(STYLES["MARKUP_PRE"]) for _ in range(rng.randint(1, 3)))
    post = rng.choice(STYLES["MARKUP_POST"])
    return fill(rng, pre, POOLS_BASE) + t + post


# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------
LEAD_P = 0.18  # same for every kind
LONG_P = 0.08  # same for every kind: a longer neutral context paragraph before the text


_SENT_START = re.compile(r"([.!?] +|\n)([a-z])")


def capsent(t: str) -> str:
    """Capitalise a lower-case letter that starts a sentence or a line (batch-4 specs only)."""
    return _SENT_START.sub(lambda m: m.group(1) + m.group(2).upper(), t)


def base_sentence(rng, spec, tpls):
    core = tidy(fill(rng, rng.choice(tpls), spec["pools"]))
    t = core
    if spec.get("open") and rng.random() < 0.3:
        t = tidy(fill(rng, rng.choice(spec["open"]), spec["pools"]) + " " + t)
    if spec.get("close") and rng.random() < 0.3:
        c = fill(rng, rng.choice(spec["close"]), spec["pools"])
        if c:
            if t[-1:] not in ".!?":
                t += "."
            t = t + " " + c
    if spec.get("capsent"):  # no RNG use: batch 1-3 output is unchanged
        core, t = capsent(core), capsent(t)
    return t, core


BASE_CAP = 3  # a base sentence (with opener/closer) may appear in at most this many rows
CORE_CAP = 6  # a filled template (before opener/closer/wrapper) may appear in at most this many rows


def gen_topic(rng: random.Random, spec: dict, seen: set, base_uses: Counter) -> list[dict]:
    groups = spec["groups"]
    weights = [g[1] for g in groups]
    positive = spec["kind"] == "positive"
    out = []
    attempts = 0
    while len(out) < spec["n"] and attempts < spec["n"] * 60:
        attempts += 1
        labels, _, tpls = rng.choices(groups, weights=weights)[0]
        t1, c1 = base_sentence(rng, spec, tpls)
        parts = [t1]
        if rng.random() < spec["multi"]:
            t2, c2 = base_sentence(rng, spec, tpls)
            if c2 != c1:
                parts.append(t2)
        cores = [c1] + ([c2] if len(parts) > 1 else [])
        if any(base_uses[p] >= BASE_CAP for p in parts) or any(base_uses["\0core:" + c] >= CORE_CAP for c in cores):
            continue
        t = parts[0]
        if len(parts) > 1:
            if t[-1:] not in ".!?":
                t += rng.choice([".", "", ",", " -", "!"])
            t = t + rng.choice([" ", " ", "\n"]) + parts[1]
        if rng.random() < LEAD_P:
            t = rng.choice(STYLES["LEADINS"]) + " " + t
        if rng.random() < LONG_P:
            t = rng.choice(STYLES["LONGCTX"]) + rng.choice([" ", "\n\n"]) + t
        t = noise(rng, wrap(rng, t), positive)
        if spec.get("markup") and rng.random() < spec["markup"]:
            t = markup(rng, t)
        n_words = len(t.split())
        if not (MIN_WORDS <= n_words <= spec.get("maxw", MAX_WORDS)):
            continue
        if t in seen:
            continue
        seen.add(t)
        for p in parts:
            base_uses[p] += 1
        for c in cores:
            base_uses["\0core:" + c] += 1
        out.append({"text": t, "labels": dict(labels), "topic": spec["name"], "kind": spec["kind"],
                    "source": "authored-synthetic"})
    return out


def validate(rows, topics):
    names = [t["name"] for t in topics]
    assert len(names) == len(set(names)), "duplicate topic names"
    for r in rows:
        assert set(r["labels"]) == set(CATS)
        assert all(v in (0, 2, 4, 6) for v in r["labels"].values())
        pos = any(r["labels"].values())
        assert pos == (r["kind"] == "positive"), r
        assert r["topic"].split("/")[0] in ("violence", "sexual", "self_harm", "hate", "hn", "neg")


def stats(rows):
    lines = []
    lines.append(f"total rows: {len(rows)}")
    lines.append("kinds: " + ", ".join(f"{k}={v}" for k, v in sorted(Counter(r['kind'] for r in rows).items())))
    lines.append(f"topics: {len(set(r['topic'] for r in rows))}")
    for c in CATS:
        cnt = Counter(r["labels"][c] for r in rows)
        lines.append(f"{c:14s} " + "  ".join(f"{s}:{cnt.get(s, 0)}" for s in (0, 2, 4, 6)))
    return "\n".join(lines)


def stats_md(rows):
    md = ["| category | safe 0 | low 2 | medium 4 | high 6 |", "|---|---:|---:|---:|---:|"]
    for c in CATS:
        cnt = Counter(r["labels"][c] for r in rows)
        md.append(f"| {c} | " + " | ".join(str(cnt.get(s, 0)) for s in (0, 2, 4, 6)) + " |")
    md.append("")
    md.append("| kind | rows |")
    md.append("|---|---:|")
    for k, v in sorted(Counter(r["kind"] for r in rows).items()):
        md.append(f"| {k} | {v} |")
    md.append("")
    md.append("| topic | kind | rows | labels (non-zero) |")
    md.append("|---|---|---:|---|")
    per = defaultdict(list)
    for r in rows:
        per[r["topic"]].append(r)
    for tname in [t["name"] for _, _, topics in BATCHES for t in topics]:
        rs = per.get(tname, [])
        lab = Counter()
        for r in rs:
            for c in CATS:
                if r["labels"][c]:
                    lab[f"{c}={r['labels'][c]}"] += 1
        labs = ", ".join(f"{k}:{v}" for k, v in sorted(lab.items())) or "all 0"
        md.append(f"| `{tname}` | {rs[0]['kind'] if rs else '-'} | {len(rs)} | {labs} |")
    return "\n".join(md)


def gen_batch(seed: int, topics: list, batch: int, seen: set, base_uses: Counter) -> list[dict]:
    """One generator batch: its topics with their own RNG, rows tagged with `batch` (batch 1
    rows carry no tag), shuffled. Batches share `seen` so no text repeats an earlier one;
    each later batch is appended after the earlier ones, which keeps their rows unchanged."""
    rng = random.Random(seed)
    rows = []
    for spec in topics:
        got = gen_topic(rng, spec, seen, base_uses)
        if len(got) < spec["n"]:
            print(f"note: {spec['name']} produced {len(got)}/{spec['n']} unique rows", file=sys.stderr)
        if batch > 1:
            for r in got:
                r["batch"] = batch
        rows.extend(got)
    validate(rows, topics)
    rng.shuffle(rows)
    return rows


def main(argv):
    seen: set = set()
    base_uses: Counter = Counter()
    names = [t["name"] for _, _, topics in BATCHES for t in topics]
    assert len(names) == len(set(names)), "duplicate topic names across batches"
    rows = []
    for b, seed, topics in BATCHES:
        rows += gen_batch(seed, topics, b, seen, base_uses)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(stats(rows))
    print(f"wrote {OUT} ({os.path.getsize(OUT)} bytes)")
    if "--stats-md" in argv:
        print()
        print(stats_md(rows))


if __name__ == "__main__":
    main(sys.argv[1:])
