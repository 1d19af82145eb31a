#!/usr/bin/env python3
"""Project-authored chats (written by helper writers): check a file, flatten it to texts.

  written.py check FILE.jsonl       every chat and message well formed, labels valid
  written.py stats FILE.jsonl ...   chats, messages, forms, labels per category x level

A chat line: {"id", "form", "messages": [{"role", "content", "labels": {cat: 0|2|4|6}}]}.
Every message is one text for the classifier, keyed "<id>:<message index>".
"""
from __future__ import annotations

import collections
import json
import sys

CATS = ["violence", "sexual", "hate_fairness", "self_harm"]
LEVELS = {0, 2, 4, 6}
ROLES = {"system", "user", "assistant"}


def json_lines(path):
    """(line number, object or None, problem or None) for each non-blank line of a JSON Lines file."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield n, json.loads(line), None
            except json.JSONDecodeError as e:
                yield n, None, f"line {n}: not JSON ({e})"


def parse(path):
    """(chats, problems)."""
    chats, problems, ids = [], [], set()
    for n, c, err in json_lines(path):
        if err:
            problems.append(err)
            continue
        cid = c.get("id")
        if not isinstance(cid, str) or not cid:
            problems.append(f"line {n}: id missing")
            continue
        if cid in ids:
            problems.append(f"line {n}: id {cid} used twice")
        ids.add(cid)
        msgs = c.get("messages")
        if not isinstance(msgs, list) or not msgs:
            problems.append(f"line {n}: {cid}: messages must be a non-empty list")
            continue
        ok = True
        for j, m in enumerate(msgs):
            lab = m.get("labels") if isinstance(m, dict) else None
            if not isinstance(m, dict) or m.get("role") not in ROLES or not isinstance(m.get("content"), str) \
                    or not m["content"].strip():
                problems.append(f"line {n}: {cid} message {j}: needs role (system/user/assistant) and content")
                ok = False
            elif not isinstance(lab, dict) or any(lab.get(k) not in LEVELS for k in CATS):
                problems.append(f"line {n}: {cid} message {j}: labels need all four categories, each 0/2/4/6")
                ok = False
        if ok:
            chats.append(c)
    return chats, problems


def texts(chats):
    for c in chats:
        for j, m in enumerate(c["messages"]):
            yield {"key": f"{c['id']}:{j}", "chat": c["id"], "form": c.get("form", ""), "role": m["role"],
                   "text": m["content"].strip(), "labels": {k: m["labels"][k] for k in CATS}}


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("check", "stats"):
        sys.exit(__doc__)
    allchats = []
    bad = 0
    for p in sys.argv[2:]:
        chats, problems = parse(p)
        for pr in problems[:20]:
            print(f"{p}: {pr}")
        bad += len(problems)
        allchats += chats
    msgs = list(texts(allchats))
    print(f"{len(allchats)} chats, {len(msgs)} messages, {bad} problems")
    if sys.argv[1] == "stats":
        forms = collections.Counter(c.get("form", "") for c in allchats)
        print("forms:", dict(forms.most_common()))
        for k in CATS:
            cnt = collections.Counter(m["labels"][k] for m in msgs)
            print(f"{k:14s} " + " ".join(f"{v}:{cnt[v]}" for v in (0, 2, 4, 6)))
        print("all-zero messages:", sum(1 for m in msgs if not any(m["labels"].values())))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
