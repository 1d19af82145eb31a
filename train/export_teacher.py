#!/usr/bin/env python3
"""Export the fine-tuned teacher (teacher.py's best.pt) as the confirmer model: ONNX with
int8 weights and float compute, the form tract runs at fp32 speed (see
../shared/notes/wasm-tract-facts.md: weight-only int8 is folded into f32 constants).

  ids int64 [N,L], mask int64 [N,L] -> MiniLM (eager attention) -> masked mean pool
  -> Linear 384 -> 12 -> Sigmoid -> probs [N,12]
  (per category: P(level >= low), P(>= medium), P(>= high), categories in common.CATS order)

Every 2-D float weight of a MatMul and every embedding table becomes an int8 initializer with
per-column scales: W = DequantizeLinear(Q, 1) * s[None, :] (exact in float, symmetric, zero
point 0). The metadata entry `ftgate` carries the confirmer's thresholds per category and
level, its window length and the vocabulary's SHA-256; `ftgate_vocab` carries the word-piece
vocabulary itself (vocab.txt), so one file and one SHA-256 pin everything the scores depend on.

  export_teacher.py --model-dir train/work/teacher2 --out models/ftgate-confirmer.onnx
      [--thresholds calib.json] [--check]   (--check: onnxruntime float vs int8 on the dev set)
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import CATS, WORK  # noqa: E402

CONFIRMER_VERSION = "ftgate-confirmer-1"


def export_float(model_dir: Path, path: Path):
    import torch
    from teacher import Teacher, encoder_dir
    from transformers import AutoModel

    T = Teacher(encoder_dir())
    T.enc = AutoModel.from_pretrained(encoder_dir(), attn_implementation="eager")
    st = torch.load(model_dir / "best.pt", weights_only=False)
    T.load(st["model"])
    T.train_mode(False)

    class Wrap(torch.nn.Module):
        """BERT forward written out (embeddings, then per layer: attention with an additive
        [N,1,1,L] mask, output, feed-forward), the same computation as the HF model but
        without its mask-building graph, whose shapes tract cannot type symbolically."""

        def __init__(self):
            super().__init__()
            self.enc, self.head = T.enc, T.head

        def forward(self, ids, mask):
            h = self.enc.embeddings(input_ids=ids)
            ext = (1.0 - mask[:, None, None, :].to(h.dtype)) * -10000.0
            for layer in self.enc.encoder.layer:
                a = layer.attention.self
                nh = a.num_attention_heads
                hd = a.attention_head_size

                def heads(x):
                    return x.unflatten(-1, (nh, hd)).transpose(1, 2)

                q, k, v = heads(a.query(h)), heads(a.key(h)), heads(a.value(h))
                scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(hd) + ext
                ctx = torch.matmul(torch.softmax(scores, dim=-1), v).transpose(1, 2).flatten(2)
                att = layer.attention.output(ctx, h)
                h = layer.output(layer.intermediate(att), att)
            m = mask.unsqueeze(-1).to(h.dtype)
            pooled = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
            return torch.sigmoid(self.head(pooled))

    w = Wrap().eval()
    with torch.no_grad():  # the written-out forward is the HF model's
        x = torch.randint(1000, 5000, (3, 20))
        mk = torch.ones_like(x)
        mk[1, 12:] = 0
        ref = torch.sigmoid(T.forward(x, mk))
        d = float((w(x, mk) - ref).abs().max())
        assert d < 1e-5, f"written-out forward differs from the HF model by {d}"
    ids = torch.ones((2, 16), dtype=torch.int64)
    mask = torch.ones((2, 16), dtype=torch.int64)
    torch.onnx.export(w, (ids, mask), str(path), input_names=["ids", "mask"], output_names=["probs"],
                      dynamic_axes={"ids": {0: "N", 1: "L"}, "mask": {0: "N", 1: "L"}, "probs": {0: "N"}},
                      opset_version=17, dynamo=False)
    return T, st


def quantize_weights(model, min_elems=4096):
    """Replace the float weights of MatMul (2-D, second input) and Gather (tables) by int8 +
    per-column scales. Returns (count, bytes saved)."""
    import onnx
    from onnx import helper, numpy_helper

    g = model.graph
    inits = {i.name: i for i in g.initializer}
    users = {}
    for n in g.node:
        for k, x in enumerate(n.input):
            users.setdefault(x, []).append((n, k))
    done = 0
    for name, init in list(inits.items()):
        if init.data_type != onnx.TensorProto.FLOAT:
            continue
        W = numpy_helper.to_array(init)
        if W.ndim != 2 or W.size < min_elems:
            continue
        us = users.get(name, [])
        if not us or not all((n.op_type == "MatMul" and k == 1) or (n.op_type == "Gather" and k == 0) for n, k in us):
            continue
        s = np.maximum(np.abs(W).max(0), 1e-8).astype(np.float32) / np.float32(127.0)
        Q = np.clip(np.round(W / s[None, :]), -127, 127).astype(np.int8)
        g.initializer.remove(init)
        g.initializer.extend([
            numpy_helper.from_array(Q, name + "_q"),
            numpy_helper.from_array(np.array(1.0, np.float32), name + "_one"),
            numpy_helper.from_array(np.array(0, np.int8), name + "_zp"),
            numpy_helper.from_array(s, name + "_s"),
        ])
        gather = any(n.op_type == "Gather" for n, _ in us)
        if gather:
            # Gather the int8 rows, then dequantize the rows (tract: Gather -> Cast -> Mul).
            for n, _ in us:
                out = n.output[0]
                n.input[0] = name + "_q"
                n.output[0] = out + "_q"
                g.node.extend([
                    helper.make_node("DequantizeLinear", [out + "_q", name + "_one", name + "_zp"], [out + "_dq"]),
                    helper.make_node("Mul", [out + "_dq", name + "_s"], [out]),
                ])
        else:
            g.node.extend([
                helper.make_node("DequantizeLinear", [name + "_q", name + "_one", name + "_zp"], [name + "_dq"]),
                helper.make_node("Mul", [name + "_dq", name + "_s"], [name]),
            ])
        done += 1
    # Topological order: the dequantize nodes were appended at the end.
    order, have, rest = [], {i.name for i in g.initializer} | {i.name for i in g.input}, list(g.node)
    while rest:
        nxt = []
        for n in rest:
            if all((not x) or x in have for x in n.input):
                order.append(n)
                have.update(n.output)
            else:
                nxt.append(n)
        if len(nxt) == len(rest):
            raise SystemExit("quantize_weights: graph is not a DAG after rewriting")
        rest = nxt
    del g.node[:]
    g.node.extend(order)
    return done


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model-dir", default=str(WORK / "teacher2"))
    ap.add_argument("--out", default="models/ftgate-confirmer.onnx")
    ap.add_argument("--thresholds", help="JSON {category: {low, medium, high}} (calibrate.py); default 0.5")
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    import onnx

    from teacher import encoder_dir

    model_dir = Path(a.model_dir)
    tmp = WORK / "confirmer_float.onnx"
    T, st = export_float(model_dir, tmp)
    m = onnx.load(str(tmp))
    n = quantize_weights(m)
    vocab = (Path(encoder_dir()) / "vocab.txt").read_bytes()
    th = json.load(open(a.thresholds)) if a.thresholds else {c: {"low": 0.5, "medium": 0.5, "high": 0.5} for c in CATS}
    meta = {
        "confirmerVersion": CONFIRMER_VERSION,
        "categories": CATS,
        "maxLen": int(st["max_len"]),
        "stride": (int(st["max_len"]) - 2) // 2,
        "vocabSha256": hashlib.sha256(vocab).hexdigest(),
        "thresholds": th,
    }
    del m.metadata_props[:]
    kv = m.metadata_props.add()
    kv.key = "ftgate"
    kv.value = json.dumps(meta)
    kv = m.metadata_props.add()
    kv.key = "ftgate_vocab"
    kv.value = vocab.decode("utf-8")
    m.producer_name = "ftgate-train"
    m.producer_version = ""
    m.doc_string = ""
    m.graph.doc_string = ""
    onnx.checker.check_model(m)
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    onnx.save(m, a.out)
    print(f"{n} weights quantized -> {a.out} ({os.path.getsize(a.out) / 1e6:.1f} MB)")
    if a.check:
        check(tmp, a.out, T)


def check(float_path, int8_path, T):
    import onnxruntime as ort

    rows = [json.loads(x) for x in open(WORK / "dataset_v2.jsonl", encoding="utf-8")]
    texts = [r["text"] for r in rows if r["split"] == "validation"][:512]
    pieces = [T.tok(t, add_special_tokens=False, truncation=True, max_length=62)["input_ids"] for t in texts]
    ids, mask = T.batch(pieces, 64)
    feeds = {"ids": ids.numpy(), "mask": mask.numpy()}
    pf = ort.InferenceSession(str(float_path)).run(None, feeds)[0]
    pq = ort.InferenceSession(str(int8_path)).run(None, feeds)[0]
    d = np.abs(pf - pq)
    print(f"float vs int8 on {len(texts)} dev texts: max |diff| {d.max():.4f}, mean {d.mean():.5f}")


if __name__ == "__main__":
    main()
