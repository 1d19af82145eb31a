#!/usr/bin/env python3
"""How varied is a set of texts? Compares the v1 template rows, the v2 written chats and (for
reference) real source texts.

- distinct word 3-grams per 1,000 words, on an equal-size sample of each set (texts drawn at
  random until --words words, since the rate falls as a sample grows);
- nearest-neighbour similarity: for each of up to --n texts, the largest TF-IDF cosine
  (word 1-2 grams) to any other text of the same set; mean, and share above 0.8 (a near copy).

  diversity.py [--words 40000] [--n 3000]
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "annotate"))
import written  # noqa: E402

_w = re.compile(r"\w+", re.UNICODE)


def sample_words(texts, n_words, rng):
    order = list(range(len(texts)))
    rng.shuffle(order)
    out, n = [], 0
    for i in order:
        w = _w.findall(texts[i].lower())
        out.append(w)
        n += len(w)
        if n >= n_words:
            break
    return out, n


def distinct3(texts, n_words, seed=1):
    docs, n = sample_words(texts, n_words, random.Random(seed))
    grams = {tuple(d[i:i + 3]) for d in docs for i in range(len(d) - 2)}
    return 1000 * len(grams) / max(1, n), n


def nn_sim(texts, n, seed=2):
    from sklearn.feature_extraction.text import TfidfVectorizer
    import numpy as np

    rng = random.Random(seed)
    ts = texts if len(texts) <= n else rng.sample(texts, n)
    X = TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True).fit_transform(ts)
    best = np.zeros(X.shape[0])
    for s in range(0, X.shape[0], 500):
        S = (X[s:s + 500] @ X.T).toarray()
        for j in range(S.shape[0]):
            S[j, s + j] = 0
        best[s:s + 500] = S.max(1)
    return float(best.mean()), float((best > 0.8).mean()), len(ts)


def sets():
    out = {}
    v1 = os.path.join(HERE, "authored.jsonl")
    if os.path.exists(v1):
        out["v1 templates (authored.jsonl)"] = [json.loads(line)["text"] for line in open(v1, encoding="utf-8")]
    v2 = []
    for f in sorted(glob.glob(os.path.join(HERE, "v2", "*.jsonl"))):
        chats, _ = written.parse(f)
        v2 += [m["text"] for m in written.texts(chats)]
    if v2:
        out["v2 written chats (authored/v2)"] = v2
    try:
        import inventory

        rows = inventory.load()
        for src in ("hh-rlhf-harmless-base", "reddit-cssrs-suicide", "davidson-hate-offensive"):
            out[f"real: {src}"] = [r["text"] for r in rows if r["source"] == src]
    except (OSError, SystemExit):
        pass
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=40000)
    ap.add_argument("--n", type=int, default=3000)
    a = ap.parse_args()
    print(f"{'set':36s} {'texts':>6s} {'3-grams/1k words':>17s} {'NN cos mean':>11s} {'NN>0.8':>7s}")
    for name, texts in sets().items():
        d3, nw = distinct3(texts, a.words)
        m, hi, n = nn_sim(texts, a.n)
        print(f"{name:36s} {len(texts):6d} {d3:11.0f} ({nw}w) {m:11.3f} {hi:7.3f}")


if __name__ == "__main__":
    main()
