"""Shared helpers for the ftgate training pipeline.

Text -> features lives ONCE, in Rust (`ftgate featurize`). This module only
pipes texts through that CLI and caches the result under train/work/.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import threading
import unicodedata
from pathlib import Path

import numpy as np
import scipy.sparse as sp

ROOT = Path(__file__).resolve().parent.parent
TRAIN_DIR = ROOT / "train"
WORK = TRAIN_DIR / "work"
DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEFAULT_BIN = ROOT / "target" / "fast" / "ftgate"
MODEL_PATH = ROOT / "models" / "ftgate-ngram.onnx"

CATS = ["violence", "sexual", "hate_fairness", "self_harm"]
LEVELS = {"low": 2, "medium": 4, "high": 6}
SEED = 20240601
DEFAULT_BUCKETS = 131072


# --------------------------------------------------------------------------
# grouping / splitting (the split rule lives here, in code, hash based)
# --------------------------------------------------------------------------
_ws = re.compile(r"\s+")
_nonword = re.compile(r"[^\w ]+", re.UNICODE)


def norm_for_group(text: str) -> str:
    """Aggressive normalisation used ONLY to group near-duplicates for the
    split (not a feature extractor): NFKC, casefold, drop urls/mentions,
    punctuation and digits, collapse whitespace."""
    t = unicodedata.normalize("NFKC", text).casefold()
    t = re.sub(r"https?://\S+", " ", t)
    t = re.sub(r"@\w+", " ", t)
    t = re.sub(r"&\w+;", " ", t)
    t = _nonword.sub(" ", t)
    t = re.sub(r"\d+", " ", t)
    t = re.sub(r"\brt\b", " ", t)
    return _ws.sub(" ", t).strip()


def text_group(text: str) -> str:
    return "t:" + hashlib.sha1(norm_for_group(text).encode("utf-8")).hexdigest()[:16]


def split_of(group: str) -> str:
    """Deterministic 80/10/10 split by group key."""
    h = int(hashlib.sha256(("ftgate-split-v1:" + group).encode("utf-8")).hexdigest()[:8], 16) % 1000
    if h < 800:
        return "train"
    if h < 900:
        return "validation"
    return "test"


def authored_topic_splits(topics, batch_of: dict | None = None, val_topics: bool = False) -> dict:
    """Authored data: whole topics are held out for TEST. Within each topic family
    (the prefix before '/', e.g. violence/, hn/) topics are ranked by hash and the
    first ~15% (at least one) go to test. Rows of the other topics are split
    train/validation by `authored_row_split` (within-topic validation, so every
    hard-negative topic that is not in test is seen in training).

    `batch_of` maps topic -> generator batch (default 1). The rule is applied to
    each (batch, family) separately, so topics added in a later batch never move
    an earlier batch's topic between train and test (the test split of existing
    rows stays fixed).

    `val_topics`: also hold out whole topics for VALIDATION. After the test topics, the
    next ~15 % of each (batch, family) ranking (at least one, when the family has at least
    4 topics) go to validation whole, and the rows of the remaining topics all go to train.
    Then C, early stopping and thresholds are chosen on phrasings the model has not seen,
    as at test time. Test topics are the same either way."""
    batch_of = batch_of or {}
    fam: dict = {}
    for t in sorted(set(topics)):
        b = int(batch_of.get(t, 1))
        key = t.split("/")[0] if b == 1 else f"{t.split('/')[0]}#b{b}"
        fam.setdefault(key, []).append(t)
    out = {}
    for f, ts in fam.items():
        ts = sorted(ts, key=lambda t: hashlib.sha256(("ftgate-topic-v1:" + t).encode()).hexdigest())
        n = len(ts)
        n_test = max(1, round(0.15 * n)) if n >= 2 else 0
        n_val = max(1, round(0.15 * n)) if val_topics and n >= 4 else 0
        for i, t in enumerate(ts):
            out[t] = "test" if i < n_test else "validation" if i < n_test + n_val else \
                "train-only" if val_topics else "train"
    return out


def authored_row_split(topic_split: str, group: str) -> str:
    if topic_split in ("test", "validation"):
        return topic_split
    if topic_split == "train-only":
        return "train"
    return "validation" if split_of(group) == "validation" else "train"


# --------------------------------------------------------------------------
# featurizer (Rust CLI)
# --------------------------------------------------------------------------
def featurizer_cmd(buckets: int) -> list[str]:
    """The Rust CLI. FTGATE_FEATURIZE may override the executable path
    (e.g. a freshly built binary elsewhere); it must speak the same protocol."""
    exe = os.environ.get("FTGATE_FEATURIZE", str(DEFAULT_BIN))
    if not Path(exe).exists():
        sys.exit(f"featurizer not found: {exe} (build it with `cargo build --profile fast`)")
    return [exe, "featurize", "--buckets", str(buckets)]


def featurizer_id(buckets: int) -> str:
    exe = Path(featurizer_cmd(buckets)[0])
    h = hashlib.sha256(exe.read_bytes()).hexdigest()[:16]
    return f"{h}-b{buckets}"


def run_featurizer(texts: list[str], buckets: int) -> list[list[tuple[list[int], list[float]]]]:
    """Returns, per text, a list of windows (ids, weights)."""
    cmd = featurizer_cmd(buckets)
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def feed():
        try:
            for t in texts:
                proc.stdin.write((json.dumps({"text": t}, ensure_ascii=False) + "\n").encode("utf-8"))
            proc.stdin.close()
        except BrokenPipeError:
            pass

    err_chunks: list[bytes] = []

    def drain_err():
        err_chunks.append(proc.stderr.read())

    th = threading.Thread(target=feed, daemon=True)
    te = threading.Thread(target=drain_err, daemon=True)
    th.start()
    te.start()
    out = []
    for line in proc.stdout:
        if not line.strip():
            continue
        obj = json.loads(line)
        wins = [(w["ids"], w["weights"]) for w in obj["windows"]]
        out.append(wins)
    th.join()
    rc = proc.wait()
    te.join()
    if rc != 0 or len(out) != len(texts):
        sys.exit(f"featurizer failed rc={rc} got {len(out)}/{len(texts)} lines: "
                 f"{b''.join(err_chunks).decode('utf-8', 'replace')[:2000]}")
    for wins in out:
        assert len(wins) >= 1
        for ids, _ in wins:
            if ids and (min(ids) < 0 or max(ids) >= buckets):
                sys.exit("featurizer produced an id out of range")
    return out


def featurize_csr(texts: list[str], buckets: int, cache_name: str | None = None):
    """CSR matrix of windows [num_windows, buckets] plus `owner` (text index of
    each window). Cached in train/work/ keyed by texts + featurizer binary."""
    key = None
    if cache_name:
        hh = hashlib.sha256()
        hh.update(featurizer_id(buckets).encode())
        for t in texts:
            hh.update(t.encode("utf-8"))
            hh.update(b"\0")
        key = hh.hexdigest()[:16]
        path = WORK / f"feat_{cache_name}_{key}.npz"
        if path.exists():
            z = np.load(path)
            X = sp.csr_matrix((z["data"], z["indices"], z["indptr"]), shape=tuple(z["shape"]))
            return X, z["owner"]
    wins = run_featurizer(texts, buckets)
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    owner: list[int] = []
    for i, ws in enumerate(wins):
        for ids, wts in ws:
            # merge duplicate ids inside a window by summation (Gather+ReduceSum semantics)
            indices.extend(ids)
            data.extend(wts)
            indptr.append(len(indices))
            owner.append(i)
    X = sp.csr_matrix(
        (np.asarray(data, dtype=np.float32), np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
        shape=(len(owner), buckets),
    )
    X.sum_duplicates()
    owner_a = np.asarray(owner, dtype=np.int64)
    if cache_name:
        WORK.mkdir(parents=True, exist_ok=True)
        np.savez(path, data=X.data, indices=X.indices, indptr=X.indptr, shape=np.array(X.shape), owner=owner_a)
    return X, owner_a


def pad_windows(wins: list[tuple[list[int], list[float]]]):
    """Pad a list of windows into ids int64 [N, L] and weights float32 [N, L]."""
    L = max(1, max(len(ids) for ids, _ in wins))
    ids = np.zeros((len(wins), L), dtype=np.int64)
    w = np.zeros((len(wins), L), dtype=np.float32)
    for i, (a, b) in enumerate(wins):
        ids[i, : len(a)] = a
        w[i, : len(b)] = b
    return ids, w


def csr_to_padded(X: sp.csr_matrix):
    L = max(1, int(np.diff(X.indptr).max()) if X.shape[0] else 1)
    n = X.shape[0]
    ids = np.zeros((n, L), dtype=np.int64)
    w = np.zeros((n, L), dtype=np.float32)
    for i in range(n):
        s, e = X.indptr[i], X.indptr[i + 1]
        ids[i, : e - s] = X.indices[s:e]
        w[i, : e - s] = X.data[s:e]
    return ids, w


def dataset_path() -> Path:
    """train/work/dataset.jsonl, or FTGATE_DATASET (another build_dataset.py output)."""
    return Path(os.environ.get("FTGATE_DATASET", str(WORK / "dataset.jsonl")))


def load_dataset(path: Path | None = None) -> list[dict]:
    path = path or dataset_path()
    if not path.exists():
        sys.exit(f"{path} missing: run python3 train/build_dataset.py first")
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def label_matrix(rows: list[dict]) -> np.ndarray:
    """Severity labels [n, 4] as float with NaN for 'no label'."""
    Y = np.full((len(rows), len(CATS)), np.nan, dtype=np.float32)
    for i, r in enumerate(rows):
        for j, c in enumerate(CATS):
            v = r["labels"].get(c)
            if v is not None:
                Y[i, j] = v
    return Y


def read_model_meta(model_path: Path) -> dict:
    import onnx

    m = onnx.load(str(model_path), load_external_data=False)
    for p in m.metadata_props:
        if p.key == "ftgate":
            return json.loads(p.value)
    raise ValueError("model has no ftgate metadata")


def ort_window_probs(sess, X: sp.csr_matrix, batch: int = 256) -> np.ndarray:
    out = []
    for s in range(0, X.shape[0], batch):
        ids, w = csr_to_padded(X[s : s + batch])
        out.append(sess.run(["probs"], {"ids": ids, "weights": w})[0])
    return np.concatenate(out, axis=0) if out else np.zeros((0, len(CATS)), np.float32)


def model_text_probs(model_path, texts: list[str], cache_name: str) -> tuple[np.ndarray, dict]:
    """Text-level probabilities [n, 4] of a model file (onnxruntime, max over windows, as
    `ftgate check` scores), and the model's metadata. Features are cached under `cache_name`."""
    import onnxruntime as ort

    meta = read_model_meta(Path(model_path))
    X, owner = featurize_csr(texts, int(meta["buckets"]), cache_name=cache_name)
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 2
    sess = ort.InferenceSession(str(model_path), opts, providers=["CPUExecutionProvider"])
    return text_max(ort_window_probs(sess, X), owner, len(texts)), meta


def text_max(win_probs: np.ndarray, owner: np.ndarray, n_texts: int, dtype=np.float32) -> np.ndarray:
    """Text-level probability = max over its windows (what the Rust side does). Also used for
    window logits (`dtype=np.float64` keeps them unrounded)."""
    P = np.full((n_texts, win_probs.shape[1]), -np.inf, dtype=dtype)
    np.maximum.at(P, owner, win_probs)
    return P
