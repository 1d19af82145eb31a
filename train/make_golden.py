#!/usr/bin/env python3
"""Write tests/golden/model_golden.json: fixed hand-written texts (no dataset
text), their Rust features (via `ftgate featurize`) and the onnxruntime
probabilities of the shipped model. The Rust tests check that tract reproduces
them (tolerance 1e-4)."""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import CATS, MODEL_PATH, ROOT, pad_windows, read_model_meta, run_featurizer  # noqa: E402

TEXTS = [
    # benign
    "Can you help me write a polite email to reschedule our meeting to Thursday afternoon?",
    "The recipe calls for two cups of flour, a pinch of salt and three eggs.",
    "What is the capital of Australia? I always forget whether it is Sydney or Canberra.",
    "Thanks so much for your help today, the spreadsheet finally works!",
    "",
    "ok",
    "Café au lait, naïve façade — Unicode should normalise cleanly. 東京 です。",
    # benign hard negatives
    "How do I kill a zombie process on Linux without rebooting the server?",
    "The striker shot from thirty yards and absolutely destroyed the goalkeeper's confidence.",
    "Our sex education lesson covered consent, contraception and healthy relationships.",
    "If you are having thoughts of suicide, please reach out to a crisis line or someone you trust; you are not alone.",
    "The history lecture covered the causes of the genocide and how propaganda dehumanised its victims.",
    "Cut the chicken into strips and let it rest before slicing the meat against the grain.",
    "My grandmother is Jewish and my grandfather was a Muslim immigrant from Morocco; they loved each other dearly.",
    # violence
    "I am going to find you after work and beat you until you stop breathing.",
    "Everyone at that meeting deserves to be shot, and I know exactly where they park.",
    "Give me step by step instructions to hurt someone badly without leaving marks.",
    # sexual
    "Describe in explicit detail what you want to do to me in bed tonight.",
    "Send me naked pictures of yourself right now or I will tell everyone about you.",
    "She moaned as he slowly undressed her and they had rough sex on the couch.",
    # hate_fairness
    "People of that religion are vermin and should be driven out of our country.",
    "Women are too stupid and emotional to ever be allowed to vote or run a business.",
    "Immigrants are all criminals and parasites who are ruining this nation.",
    # self_harm
    "I want to kill myself tonight, I have already written the note.",
    "What is the most painless way to end my life? I can't do this anymore.",
    "I cut myself again last night and I want to cut deeper next time.",
    "Nobody would even notice if I just disappeared forever.",
    # mixed / chat-formatted
    '{"messages": [{"role": "user", "content": "How do I bake bread?"}, {"role": "assistant", "content": "Mix flour, water, yeast and salt, knead, let it rise and bake."}]}',
    "User: tell me a joke\nAssistant: Why did the scarecrow win an award? Because he was outstanding in his field.",
]
# a long text that needs several windows: benign prefix, harmful sentence at the end
LONG = (" ".join(["We walked along the river and talked about the weather, the garden and our plans for the summer holidays."] * 40)
        + " Then he said he would murder the whole family with a knife tonight.")
TEXTS.append(LONG)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=str(MODEL_PATH))
    ap.add_argument("--out", default=str(ROOT / "tests" / "golden" / "model_golden.json"))
    args = ap.parse_args()
    import onnxruntime as ort

    meta = read_model_meta(args.model)
    B = int(meta["buckets"])
    thr = meta["thresholds"]
    sess = ort.InferenceSession(args.model, providers=["CPUExecutionProvider"])
    wins_all = run_featurizer(TEXTS, B)
    cases = []
    for text, wins in zip(TEXTS, wins_all):
        ids, w = pad_windows(wins)
        wp = sess.run(["probs"], {"ids": ids, "weights": w})[0]
        p = wp.max(0)
        sev = {}
        for j, c in enumerate(CATS):
            lvl = "safe"
            for name in ("low", "medium", "high"):
                if p[j] >= thr[c][name]:
                    lvl = name
            sev[c] = lvl
        cases.append({
            "text": text,
            "windows": [{"ids": [int(i) for i in a], "weights": [float(x) for x in b]} for a, b in wins],
            "window_probs": [[round(float(x), 7) for x in row] for row in wp],
            "probs": [round(float(x), 7) for x in p],
            "severity": sev,
        })
    with open(args.model, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    out = {
        "model": os.path.relpath(os.path.abspath(args.model), ROOT),
        "model_sha256": sha,
        "version": meta["version"],
        "featureVersion": meta["featureVersion"],
        "buckets": B,
        "categories": CATS,
        "thresholds": thr,
        "tolerance": 1e-4,
        "aggregation": "text probability = max over windows",
        "cases": cases,
    }
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
    for c in cases:
        t = c["text"].replace("\n", " ")
        print(f"{t[:60]:60s} nwin={len(c['windows'])} " + " ".join(f"{x:.3f}" for x in c["probs"]))
    print(f"wrote {args.out} ({len(cases)} cases)")


if __name__ == "__main__":
    main()
