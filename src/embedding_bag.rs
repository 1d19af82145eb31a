//! The model's first layer, an int8 embedding bag, computed in Rust.
//!
//! The ONNX graph starts with `DequantizeLinear(table) → Gather(ids) →
//! Mul(weights) → ReduceSum(L)`: a weighted sum of ~100–300 table rows per
//! window. tract runs that as general tensor ops over a padded `[N, L, D]`
//! intermediate (several 10 MB tensors per batch, most of them padding), which
//! was ~60 % of a whole check. The same sum done row by row over the sparse
//! ids is a few thousand multiply-adds per window.
//!
//! [`split`] recognises that prefix in the model proto, takes the int8 table
//! out of it, and rewrites the graph so its input is the pooled `[N, D]`
//! vector; tract then runs the rest (the MLP). The model file is unchanged
//! (onnxruntime and the golden tests still run the whole graph), and a model
//! whose graph does not start this way is run whole, as before.

use tract_onnx::pb::{GraphProto, ModelProto, NodeProto, TensorProto};
use tract_onnx::prelude::*;

/// The int8 table `[rows, dim]` with its per-tensor scale and zero point.
#[derive(Clone)]
pub struct EmbeddingBag {
    table: Vec<i8>,
    rows: usize,
    dim: usize,
    scale: f32,
    zero_point: i8,
}

impl std::fmt::Debug for EmbeddingBag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmbeddingBag")
            .field("rows", &self.rows)
            .field("dim", &self.dim)
            .field("scale", &self.scale)
            .finish_non_exhaustive()
    }
}

impl EmbeddingBag {
    pub fn rows(&self) -> usize {
        self.rows
    }

    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Adds `scale · Σ_k weights[k] · (table[ids[k]] − zero_point)` to `out`
    /// (`dim` long): the graph's dequantise → gather → weight → sum, with the
    /// scale and zero point taken out of the sum. Only float rounding differs
    /// from tract's and onnxruntime's order (probabilities move by < 1e-6; the
    /// golden tests hold both to 1e-4).
    pub fn pool_into(&self, ids: &[u32], weights: &[f32], out: &mut [f32]) {
        assert_eq!(out.len(), self.dim);
        let wsum = weights.iter().sum::<f32>();
        let zp = self.zero_point as f32;
        let mut finish = |sum: &[f32]| {
            for (o, a) in out.iter_mut().zip(sum) {
                *o += (a - zp * wsum) * self.scale;
            }
        };
        if self.dim == 32 {
            // The shipped width: a fixed-size accumulator stays in registers
            // (the generic loop below loads and stores it for every row).
            finish(&self.weighted_sum::<32>(ids, weights));
        } else {
            let mut acc = vec![0f32; self.dim];
            for (&id, &w) in ids.iter().zip(weights) {
                for (a, &q) in acc.iter_mut().zip(self.row(id)) {
                    *a += w * q as f32;
                }
            }
            finish(&acc);
        }
    }

    fn weighted_sum<const D: usize>(&self, ids: &[u32], weights: &[f32]) -> [f32; D] {
        let mut acc = [0f32; D];
        for (&id, &w) in ids.iter().zip(weights) {
            let row: &[i8; D] = self.row(id).try_into().expect("row width is D");
            for d in 0..D {
                acc[d] += w * row[d] as f32;
            }
        }
        acc
    }

    /// Ids come from the featurizer modulo the model's bucket count, which
    /// `Classifier` checks equals `rows`; an out-of-range id would be a bug,
    /// and slicing panics rather than reading another row.
    fn row(&self, id: u32) -> &[i8] {
        let start = id as usize * self.dim;
        &self.table[start..start + self.dim]
    }
}

fn node_produces<'a>(graph: &'a GraphProto, name: &str) -> Option<&'a NodeProto> {
    graph
        .node
        .iter()
        .find(|n| n.output.iter().any(|o| o == name))
}

fn consumers(graph: &GraphProto, name: &str) -> usize {
    graph
        .node
        .iter()
        .map(|n| n.input.iter().filter(|i| *i == name).count())
        .sum::<usize>()
        + graph.output.iter().filter(|o| o.name == name).count()
}

fn initializer<'a>(graph: &'a GraphProto, name: &str) -> Option<&'a TensorProto> {
    graph.initializer.iter().find(|t| t.name == name)
}

fn load(t: &TensorProto) -> TractResult<Tensor> {
    // The resolver `tract_onnx::onnx()` uses by default; building a whole
    // `Onnx` (its op registry) per initializer would be start-up work.
    tract_onnx::tensor::load_tensor(&tract_onnx::data_resolver::MmapDataResolver, t, None)
}

fn int_attr(n: &NodeProto, name: &str) -> Option<i64> {
    n.attribute.iter().find(|a| a.name == name).map(|a| a.i)
}

/// The reduction axes of a ReduceSum/Unsqueeze node (opset ≥ 13: second input).
fn axes_of(graph: &GraphProto, n: &NodeProto) -> Option<Vec<i64>> {
    let t = load(initializer(graph, n.input.get(1)?)?).ok()?;
    let t = t.cast_to::<i64>().ok()?;
    Some(
        t.to_plain_array_view::<i64>()
            .ok()?
            .iter()
            .copied()
            .collect(),
    )
}

/// If the graph starts with the embedding bag over its two inputs
/// (`ids`, `weights`), returns the table and rewrites `proto` so that its
/// only input is the pooled `[N, D]` vector. Otherwise leaves `proto` as it
/// is and returns `None`.
pub fn split(proto: &mut ModelProto) -> Option<EmbeddingBag> {
    let graph = proto.graph.as_mut()?;
    let (bag, pooled, remove) = recognise(graph)?;
    let weights_info = graph.input.get(1)?.clone();
    graph.node.retain(|n| !remove.contains(&n.name));
    let used: Vec<String> = graph.node.iter().flat_map(|n| n.input.clone()).collect();
    graph.initializer.retain(|t| used.contains(&t.name));
    // The declared type is replaced by `set_input_fact` ([N, D] f32); the
    // value info only carries the name here.
    graph.input = vec![tract_onnx::pb::ValueInfoProto {
        name: pooled,
        ..weights_info
    }];
    Some(bag)
}

/// Finds DequantizeLinear → Gather(ids) → Mul(Unsqueeze(weights)) → ReduceSum
/// and returns the table, the name of the pooled output and the names of the
/// nodes to drop.
fn recognise(graph: &GraphProto) -> Option<(EmbeddingBag, String, Vec<String>)> {
    if graph.input.len() != 2 {
        return None;
    }
    let ids_name = &graph.input[0].name;
    let wts_name = &graph.input[1].name;
    let gather = graph
        .node
        .iter()
        .find(|n| n.op_type == "Gather" && n.input.get(1) == Some(ids_name))?;
    if int_attr(gather, "axis").unwrap_or(0) != 0 || consumers(graph, ids_name) != 1 {
        return None;
    }
    let dq = node_produces(graph, gather.input.first()?)?;
    if dq.op_type != "DequantizeLinear" || int_attr(dq, "axis").is_some_and(|a| a != 1) {
        return None;
    }
    let scale = load(initializer(graph, dq.input.get(1)?)?).ok()?;
    if scale.len() != 1 {
        return None; // per-row scales: not this model's quantisation
    }
    let scale = scale.cast_to_scalar::<f32>().ok()?;
    let zero_point = match dq.input.get(2) {
        Some(z) if !z.is_empty() => {
            let z = load(initializer(graph, z)?).ok()?;
            if z.len() != 1 {
                return None;
            }
            z.cast_to_scalar::<i8>().ok()?
        }
        _ => 0,
    };
    let emb = gather.output.first()?;
    if consumers(graph, emb) != 1 || consumers(graph, dq.output.first()?) != 1 {
        return None;
    }
    let mul = graph
        .node
        .iter()
        .find(|n| n.op_type == "Mul" && n.input.iter().any(|i| i == emb))?;
    let other = mul.input.iter().find(|i| *i != emb)?;
    let unsq = node_produces(graph, other)?;
    if unsq.op_type != "Unsqueeze"
        || unsq.input.first() != Some(wts_name)
        || axes_of(graph, unsq)? != [2]
        || consumers(graph, wts_name) != 1
        || consumers(graph, other) != 1
    {
        return None;
    }
    let wemb = mul.output.first()?;
    if consumers(graph, wemb) != 1 {
        return None;
    }
    let pool = graph
        .node
        .iter()
        .find(|n| n.op_type == "ReduceSum" && n.input.first() == Some(wemb))?;
    if axes_of(graph, pool)? != [1] || int_attr(pool, "keepdims") != Some(0) {
        return None;
    }
    // The table last: 4 MB, loaded only once the graph is known to match.
    let table = load(initializer(graph, dq.input.first()?)?).ok()?;
    if table.datum_type() != i8::datum_type() || table.rank() != 2 {
        return None;
    }
    let shape = table.shape().to_vec();
    // One contiguous copy: an element-by-element iterator over 4 M entries
    // runs in baseline-compiled wasm at page load (time to ready).
    let table = table
        .try_as_plain_ram()
        .ok()?
        .as_slice::<i8>()
        .ok()?
        .to_vec();
    let bag = EmbeddingBag {
        table,
        rows: shape[0],
        dim: shape[1],
        scale,
        zero_point,
    };
    let remove = [dq, gather, unsq, mul, pool]
        .iter()
        .map(|n| n.name.clone())
        .collect::<Vec<_>>();
    if remove.iter().any(|n| n.is_empty()) {
        return None; // nodes are removed by name
    }
    Some((bag, pool.output.first()?.clone(), remove))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use tract_onnx::prelude::Framework;

    fn shipped() -> ModelProto {
        tract_onnx::onnx()
            .proto_model_for_read(&mut &crate::embedded_model()[..])
            .unwrap()
    }

    #[test]
    fn the_shipped_graph_is_split_into_table_and_mlp() {
        let mut proto = shipped();
        let bag = split(&mut proto).expect("the shipped model starts with an embedding bag");
        let meta = crate::Classifier::from_bytes(crate::embedded_model()).unwrap();
        assert_eq!(bag.rows(), meta.meta().buckets as usize);
        assert_eq!(bag.dim(), 32);
        let g = proto.graph.unwrap();
        let ops: Vec<&str> = g.node.iter().map(|n| n.op_type.as_str()).collect();
        assert!(
            !ops.contains(&"Gather") && !ops.contains(&"ReduceSum"),
            "{ops:?}"
        );
        assert!(ops.contains(&"MatMul"), "{ops:?}");
        assert_eq!(g.input.len(), 1);
        assert!(g.initializer.iter().all(|t| t.name != "table"));
    }

    #[test]
    fn a_graph_that_does_not_match_is_left_alone() {
        let mut proto = shipped();
        let g = proto.graph.as_mut().unwrap();
        // A second consumer of the gathered rows: the prefix is no longer
        // a pure bag, so the whole graph must run.
        let emb = g
            .node
            .iter()
            .find(|n| n.op_type == "Gather")
            .unwrap()
            .output[0]
            .clone();
        let mut extra = g.node[0].clone();
        extra.name = "extra".into();
        extra.op_type = "Identity".into();
        extra.input = vec![emb];
        extra.output = vec!["extra_out".into()];
        extra.attribute.clear();
        g.node.push(extra);
        let before = proto.clone();
        assert!(split(&mut proto).is_none());
        assert_eq!(proto, before);
    }

    #[test]
    fn pooling_dequantises_then_weights() {
        let bag = EmbeddingBag {
            table: vec![1, 2, -3, 4, 0, 127],
            rows: 3,
            dim: 2,
            scale: 0.5,
            zero_point: 1,
        };
        let mut out = [0f32; 2];
        bag.pool_into(&[2, 0], &[2.0, 1.0], &mut out);
        // row 2: ((0-1)·0.5, (127-1)·0.5)·2 = (-1, 126); row 0: (0, 0.5)
        assert_eq!(out, [-1.0, 126.5]);
    }

    #[test]
    fn the_fixed_width_path_agrees_with_the_generic_one() {
        // 32 columns take the unrolled path, 31 the generic one.
        let table: Vec<i8> = (0..5 * 32).map(|i| ((i * 37) % 255 - 127) as i8).collect();
        let wide = EmbeddingBag {
            table: table.clone(),
            rows: 5,
            dim: 32,
            scale: 0.01,
            zero_point: -3,
        };
        let mut a = [0f32; 32];
        wide.pool_into(&[4, 1, 3], &[0.5, 0.25, 0.125], &mut a);
        for d in 0..31 {
            let narrow = EmbeddingBag {
                table: (0..5).map(|r| table[r * 32 + d]).collect(),
                rows: 5,
                dim: 1,
                scale: 0.01,
                zero_point: -3,
            };
            let mut b = [0f32; 1];
            narrow.pool_into(&[4, 1, 3], &[0.5, 0.25, 0.125], &mut b);
            assert!(
                (a[d] - b[0]).abs() < 1e-6,
                "column {d}: {} vs {}",
                a[d],
                b[0]
            );
        }
    }
}
