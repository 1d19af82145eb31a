#!/usr/bin/env python3
"""Golden confirmer scores for tests/confirmer.rs: onnxruntime runs models/ftgate-confirmer.onnx
on the HuggingFace tokenizer's word pieces (windows of maxLen - 2 pieces, stride from the
metadata, max over windows), for every text of the project-authored fixtures in
tests/fixtures/*.jsonl and the word-piece golden strings. Writes
tests/fixtures/confirmer_golden.jsonl: {"text", "probs": [12]} per line.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
ROOT = Path(__file__).resolve().parent.parent


def fixture_texts():
    out = []
    for p in sorted((ROOT / "tests/fixtures").glob("*.jsonl")):
        if p.name.endswith("_golden.jsonl"):
            continue
        for line in p.read_text(encoding="utf-8").splitlines():
            try:
                v = json.loads(line)
            except ValueError:
                continue
            if isinstance(v, dict):
                for m in v.get("messages", []) if isinstance(v.get("messages"), list) else []:
                    if isinstance(m, dict) and isinstance(m.get("content"), str):
                        out.append(m["content"])
                for k in ("prompt", "completion"):
                    if isinstance(v.get(k), str):
                        out.append(v[k])
    return out


def main():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import onnx
    import onnxruntime as ort
    from encoder_compare import encoder_dir
    from transformers import AutoTokenizer
    from wordpiece_golden import TEXTS

    model = ROOT / "models/ftgate-confirmer.onnx"
    meta = json.loads({p.key: p.value for p in onnx.load(str(model)).metadata_props}["ftgate"])
    body, stride = meta["maxLen"] - 2, meta["stride"]
    tok = AutoTokenizer.from_pretrained(str(encoder_dir()))
    sess = ort.InferenceSession(str(model))
    texts = list(dict.fromkeys(fixture_texts() + TEXTS + ["word " * 150]))
    out = ROOT / "tests/fixtures/confirmer_golden.jsonl"
    with open(out, "w", encoding="utf-8") as fh:
        for t in texts:
            ids = tok(t, add_special_tokens=False, truncation=False)["input_ids"]
            wins = []
            s = 0
            while True:
                wins.append(ids[s:s + body])
                if s + body >= len(ids):
                    break
                s += stride
            best = np.full(12, -np.inf, np.float32)
            for w in wins:
                x = np.array([[tok.cls_token_id] + w + [tok.sep_token_id]], np.int64)
                p = sess.run(None, {"ids": x, "mask": np.ones_like(x)})[0][0]
                best = np.maximum(best, p)
            fh.write(json.dumps({"text": t, "probs": [round(float(v), 6) for v in best]}, ensure_ascii=False) + "\n")
    print(f"{len(texts)} texts -> {out}")


if __name__ == "__main__":
    main()
