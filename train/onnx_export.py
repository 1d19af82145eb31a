"""Build the ftgate ONNX graph with onnx.helper (no torch).

ids int64 [N,L], weights float32 [N,L]
 -> DequantizeLinear(table int8 [B,D]) -> Gather(axis 0) -> [N,L,D]
 -> Mul(Unsqueeze(weights,[2])) -> ReduceSum(axes=[1]) -> [N,D]
 -> MatMul W1 + b1 -> Relu -> MatMul W2 + b2 -> Sigmoid -> probs [N,4]
"""
from __future__ import annotations

import json

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def quantize_sym(w: np.ndarray, clip_pct: float | None = None):
    """Per-tensor symmetric int8 (zero point 0). Optional percentile clipping."""
    a = np.abs(w)
    m = float(np.percentile(a, clip_pct)) if clip_pct else float(a.max())
    m = max(m, 1e-8)
    scale = np.float32(m / 127.0)
    q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
    return q, scale


def build_model(E, W1, b1, W2, b2, meta: dict, quant_mlp: bool = False, clip_pct: float | None = None):
    nodes = []
    inits = []
    # Equalise the table's columns before per-tensor quantisation (exact in
    # float): E[:, j] /= s_j and W1[j, :] *= s_j, so every column uses the full
    # int8 range.
    E = E.astype(np.float32)
    s = np.percentile(np.abs(E), 99.99, axis=0) if clip_pct else np.abs(E).max(0)
    s = np.maximum(s, 1e-6).astype(np.float32)
    E = E / s[None, :]
    W1 = W1.astype(np.float32) * s[:, None]
    qE, sE = quantize_sym(E, None)
    inits += [
        numpy_helper.from_array(qE, "table"),
        numpy_helper.from_array(np.array(sE, dtype=np.float32), "table_scale"),
        numpy_helper.from_array(np.array(0, dtype=np.int8), "table_zp"),
        numpy_helper.from_array(np.array([2], dtype=np.int64), "axes_2"),
        numpy_helper.from_array(np.array([1], dtype=np.int64), "axes_1"),
        numpy_helper.from_array(b1.astype(np.float32), "b1"),
        numpy_helper.from_array(b2.astype(np.float32), "b2"),
    ]
    nodes.append(helper.make_node("DequantizeLinear", ["table", "table_scale", "table_zp"], ["table_f"], name="dq_table"))
    if quant_mlp:
        for name, w in [("W1", W1), ("W2", W2)]:
            q, s = quantize_sym(w.astype(np.float32))
            inits += [
                numpy_helper.from_array(q, name + "_q"),
                numpy_helper.from_array(np.array(s, dtype=np.float32), name + "_scale"),
                numpy_helper.from_array(np.array(0, dtype=np.int8), name + "_zp"),
            ]
            nodes.append(helper.make_node("DequantizeLinear", [name + "_q", name + "_scale", name + "_zp"], [name], name="dq_" + name))
    else:
        inits += [numpy_helper.from_array(W1.astype(np.float32), "W1"), numpy_helper.from_array(W2.astype(np.float32), "W2")]
    nodes += [
        helper.make_node("Gather", ["table_f", "ids"], ["emb"], axis=0, name="gather"),
        helper.make_node("Unsqueeze", ["weights", "axes_2"], ["w3"], name="unsq"),
        helper.make_node("Mul", ["emb", "w3"], ["wemb"], name="mul"),
        helper.make_node("ReduceSum", ["wemb", "axes_1"], ["pooled"], keepdims=0, name="pool"),
        helper.make_node("MatMul", ["pooled", "W1"], ["h1"], name="mm1"),
        helper.make_node("Add", ["h1", "b1"], ["h1b"], name="add1"),
        helper.make_node("Relu", ["h1b"], ["h"], name="relu"),
        helper.make_node("MatMul", ["h", "W2"], ["l2"], name="mm2"),
        helper.make_node("Add", ["l2", "b2"], ["logits"], name="add2"),
        helper.make_node("Sigmoid", ["logits"], ["probs"], name="sigmoid"),
    ]
    inputs = [
        helper.make_tensor_value_info("ids", TensorProto.INT64, ["N", "L"]),
        helper.make_tensor_value_info("weights", TensorProto.FLOAT, ["N", "L"]),
    ]
    outputs = [helper.make_tensor_value_info("probs", TensorProto.FLOAT, ["N", 4])]
    graph = helper.make_graph(nodes, "ftgate_ngram", inputs, outputs, initializer=inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="ftgate-train")
    model.ir_version = 8
    kv = model.metadata_props.add()
    kv.key = "ftgate"
    kv.value = json.dumps(meta, sort_keys=False)
    onnx.checker.check_model(model)
    return model
