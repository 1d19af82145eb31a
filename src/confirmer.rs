//! The confirmer: the fine-tuned encoder teacher (MiniLM, int8 weights, f32
//! compute) that re-scores every text the fast screen puts above its band.
//! Where it ran, its scores and severities are the verdict's.
//!
//! The model file carries everything the scores depend on: the graph
//! (`ids`, `mask` int64 [N, L] → `probs` [N, 12], per category P(≥ low),
//! P(≥ medium), P(≥ high)), the word-piece vocabulary
//! (`metadata_props["ftgate_vocab"]`) and the thresholds per category and
//! level (`metadata_props["ftgate"]`), so one SHA-256 pins them all.

use crate::classifier::{ModelError, TextScore};
use crate::policy::{Category, Severity, Thresholds};
use crate::wordpiece::WordPiece;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use tract_onnx::prelude::*;

pub const CONFIRMER_VERSION: &str = "ftgate-confirmer-1";
/// Windows per tract call (sorted by length, so padding stays small).
pub const CONFIRM_BATCH: usize = 32;
/// Texts longer than this are confirmed on the region around the screen's
/// worst window only, so one huge text cannot stall a check for minutes
/// (the teacher is ~100× slower per byte than the screen).
pub const CONFIRM_REGION_BYTES: usize = 16 * 1024;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ConfirmerMeta {
    pub confirmer_version: String,
    pub categories: Vec<String>,
    /// Word pieces per window, [CLS] and [SEP] included.
    pub max_len: usize,
    /// Word pieces between the starts of consecutive windows.
    pub stride: usize,
    pub vocab_sha256: String,
    /// Per category, the probability each level needs on its own output.
    pub thresholds: BTreeMap<String, Thresholds>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

pub struct Confirmer {
    plan: Arc<TypedSimplePlan>,
    tok: WordPiece,
    meta: ConfirmerMeta,
    thresholds: [Thresholds; 4],
    sha256: String,
}

impl fmt::Debug for Confirmer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Confirmer")
            .field("meta", &self.meta)
            .finish_non_exhaustive()
    }
}

fn load_err(e: impl fmt::Display) -> ModelError {
    ModelError::Load(format!("confirmer: {e:#}"))
}

fn prop_string(model: &InferenceModel, key: &str) -> Result<String, ModelError> {
    let t = model
        .properties
        .get(&format!("onnx.metadata_props.{key}"))
        .ok_or_else(|| {
            ModelError::Metadata(format!(
                "confirmer: no `{key}` entry in the model's metadata_props"
            ))
        })?;
    t.try_as_plain_ram()
        .and_then(|v| v.to_scalar::<String>().cloned())
        .map_err(|e| ModelError::Metadata(format!("confirmer: `{key}` is not a string: {e}")))
}

/// The word-piece vocabulary a confirmer file carries (`ftgate_vocab`).
pub fn vocab_of(bytes: &[u8]) -> Result<String, ModelError> {
    let proto = tract_onnx::onnx()
        .proto_model_for_read(&mut &bytes[..])
        .map_err(load_err)?;
    proto
        .metadata_props
        .iter()
        .find(|p| p.key == "ftgate_vocab")
        .map(|p| p.value.clone())
        .ok_or_else(|| {
            ModelError::Metadata(
                "confirmer: no `ftgate_vocab` entry in the model's metadata_props".into(),
            )
        })
}

impl Confirmer {
    pub fn from_bytes(bytes: &[u8]) -> Result<Confirmer, ModelError> {
        let sha256 = crate::verdict::sha256_hex(bytes);
        let mut model = tract_onnx::onnx()
            .model_for_read(&mut &bytes[..])
            .map_err(load_err)?;
        let meta: ConfirmerMeta =
            serde_json::from_str(&prop_string(&model, "ftgate")?).map_err(|e| {
                ModelError::Metadata(format!(
                    "confirmer: `ftgate` entry is not the expected JSON: {e}"
                ))
            })?;
        let thresholds = check_meta(&meta)?;
        let vocab = prop_string(&model, "ftgate_vocab")?;
        let vocab_sha = crate::verdict::sha256_hex(vocab.as_bytes());
        if vocab_sha != meta.vocab_sha256 {
            return Err(ModelError::Metadata(format!(
                "confirmer: expected a vocabulary with sha256 {}, found sha256 {vocab_sha}",
                meta.vocab_sha256
            )));
        }
        let tok = WordPiece::from_vocab(&vocab)
            .map_err(|e| ModelError::Metadata(format!("confirmer vocabulary: {e}")))?;
        let n = model.sym("N");
        let l = model.sym("L");
        for i in 0..2 {
            model
                .set_input_fact(
                    i,
                    InferenceFact::dt_shape(i64::datum_type(), tvec!(n.to_dim(), l.to_dim())),
                )
                .map_err(load_err)?;
        }
        let plan = model
            .into_optimized()
            .map_err(load_err)?
            .into_runnable()
            .map_err(load_err)?;
        Ok(Confirmer {
            plan,
            tok,
            meta,
            thresholds,
            sha256,
        })
    }

    pub fn meta(&self) -> &ConfirmerMeta {
        &self.meta
    }

    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    pub fn thresholds(&self, c: Category) -> Thresholds {
        self.thresholds[c.index()]
    }

    /// Scores texts. `hints[i]` is the byte span the screen found worst in
    /// text `i`: texts over [`CONFIRM_REGION_BYTES`] are confirmed on the
    /// region around it. Each category's probability is P(≥ medium) of the
    /// worst window; the severity is the highest level whose own output
    /// reaches its threshold.
    pub fn score_texts(
        &self,
        texts: &[&str],
        hints: &[(usize, usize)],
    ) -> Result<Vec<TextScore>, ModelError> {
        let body = self.meta.max_len - 2;
        let stride = self.meta.stride;
        // (text index, byte span, pieces)
        let mut wins: Vec<(usize, (usize, usize), Vec<u32>)> = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            let (from, to) = region(t, hints.get(i).copied().unwrap_or((0, 0)));
            let pieces = self.tok.encode_with_offsets(&t[from..to]);
            if pieces.is_empty() {
                wins.push((i, (from, from), Vec::new()));
                continue;
            }
            let mut s = 0;
            loop {
                let w = &pieces[s..(s + body).min(pieces.len())];
                let span = (from + w[0].1, from + w[w.len() - 1].2);
                wins.push((i, span, w.iter().map(|p| p.0).collect()));
                if s + body >= pieces.len() {
                    break;
                }
                s += stride;
            }
        }
        let mut order: Vec<usize> = (0..wins.len()).collect();
        order.sort_by_key(|&k| wins[k].2.len());
        let mut probs = vec![[0f32; 12]; wins.len()];
        let (cls, sep, pad) = (self.tok.cls(), self.tok.sep(), self.tok.pad());
        let mut ids: Vec<i64> = Vec::new();
        let mut mask: Vec<i64> = Vec::new();
        for batch in order.chunks(CONFIRM_BATCH) {
            let l = batch.iter().map(|&k| wins[k].2.len()).max().unwrap_or(0) + 2;
            let n = batch.len();
            ids.clear();
            ids.resize(n * l, pad as i64);
            mask.clear();
            mask.resize(n * l, 0);
            for (r, &k) in batch.iter().enumerate() {
                let row = &mut ids[r * l..(r + 1) * l];
                let p = &wins[k].2;
                row[0] = cls as i64;
                for (j, &id) in p.iter().enumerate() {
                    row[j + 1] = id as i64;
                }
                row[p.len() + 1] = sep as i64;
                mask[r * l..r * l + p.len() + 2].fill(1);
            }
            let out = self.run(&ids, &mask, n, l)?;
            for (&k, p) in batch.iter().zip(out) {
                probs[k] = p;
            }
        }
        let mut out = vec![TextScore::default(); texts.len()];
        let mut best = vec![[f32::NEG_INFINITY; 12]; texts.len()];
        let mut worst = vec![f32::NEG_INFINITY; texts.len()];
        for ((i, span, _), p) in wins.iter().zip(&probs) {
            for (b, &x) in best[*i].iter_mut().zip(p) {
                *b = b.max(x);
            }
            let m = (0..4).map(|c| p[c * 3 + 1]).fold(f32::MIN, f32::max);
            if m > worst[*i] {
                worst[*i] = m;
                out[*i].worst_span = *span;
            }
        }
        for (s, b) in out.iter_mut().zip(&best) {
            for c in Category::ALL {
                let j = c.index() * 3;
                s.probs[c.index()] = b[j + 1];
                s.severity[c.index()] =
                    self.thresholds[c.index()].ordinal(b[j], b[j + 1], b[j + 2]);
            }
        }
        Ok(out)
    }

    fn run(
        &self,
        ids: &[i64],
        mask: &[i64],
        n: usize,
        l: usize,
    ) -> Result<Vec<[f32; 12]>, ModelError> {
        let run = |e: String| ModelError::Run(format!("confirmer: {e}"));
        let t_ids = Tensor::from_shape(&[n, l], ids).map_err(|e| run(e.to_string()))?;
        let t_mask = Tensor::from_shape(&[n, l], mask).map_err(|e| run(e.to_string()))?;
        let res = self
            .plan
            .run(tvec!(t_ids.into(), t_mask.into()))
            .map_err(|e| run(format!("{e:#}")))?;
        let v = res[0]
            .to_plain_array_view::<f32>()
            .map_err(|e| run(e.to_string()))?;
        let v = v
            .as_slice()
            .ok_or_else(|| run("output is not contiguous".into()))?;
        if v.len() != n * 12 {
            return Err(run(format!(
                "expected {} outputs, found {}",
                n * 12,
                v.len()
            )));
        }
        Ok(v.chunks_exact(12)
            .map(|c| {
                let mut a = [0f32; 12];
                a.copy_from_slice(c);
                a
            })
            .collect())
    }
}

/// The byte range of `text` the confirmer reads: all of it, or for long
/// texts [`CONFIRM_REGION_BYTES`] centred on the hint, cut at char boundaries.
pub fn region(text: &str, hint: (usize, usize)) -> (usize, usize) {
    let n = text.len();
    if n <= CONFIRM_REGION_BYTES {
        return (0, n);
    }
    let mid = ((hint.0 + hint.1) / 2).min(n);
    let half = CONFIRM_REGION_BYTES / 2;
    let mut from = mid.saturating_sub(half);
    let mut to = (from + CONFIRM_REGION_BYTES).min(n);
    from = to.saturating_sub(CONFIRM_REGION_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    (from, to)
}

fn check_meta(meta: &ConfirmerMeta) -> Result<[Thresholds; 4], ModelError> {
    if meta.confirmer_version != CONFIRMER_VERSION {
        return Err(ModelError::Incompatible(format!(
            "expected confirmer version {CONFIRMER_VERSION}, found {}",
            meta.confirmer_version
        )));
    }
    let expected: Vec<&str> = Category::ALL.iter().map(|c| c.name()).collect();
    if meta.categories != expected {
        return Err(ModelError::Incompatible(format!(
            "confirmer: expected categories {expected:?}, found {:?}",
            meta.categories
        )));
    }
    if meta.max_len < 3 || meta.stride == 0 || meta.stride > meta.max_len - 2 {
        return Err(ModelError::Metadata(format!(
            "confirmer: expected 3 ≤ maxLen and 1 ≤ stride ≤ maxLen − 2, found maxLen {} stride {}",
            meta.max_len, meta.stride
        )));
    }
    let mut out = [Thresholds {
        low: 0.0,
        medium: 0.0,
        high: 0.0,
    }; 4];
    for c in Category::ALL {
        let t = meta.thresholds.get(c.name()).ok_or_else(|| {
            ModelError::Metadata(format!("confirmer: no thresholds for `{}`", c.name()))
        })?;
        if ![t.low, t.medium, t.high]
            .iter()
            .all(|x| (0.0..=1.0).contains(x))
        {
            return Err(ModelError::Metadata(format!(
                "confirmer: thresholds for `{}` must lie in [0, 1], found {t:?}",
                c.name()
            )));
        }
        out[c.index()] = *t;
    }
    Ok(out)
}

impl Thresholds {
    /// Severity from ordinal outputs P(≥ low), P(≥ medium), P(≥ high), each
    /// against its own level's threshold. High also needs medium's: the
    /// medium threshold alone decides what the gate fails on.
    pub fn ordinal(&self, p_low: f32, p_medium: f32, p_high: f32) -> Severity {
        if p_high >= self.high && p_medium >= self.medium {
            Severity::High
        } else if p_medium >= self.medium {
            Severity::Medium
        } else if p_low >= self.low {
            Severity::Low
        } else {
            Severity::Safe
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_is_whole_short_texts_and_a_char_safe_window_of_long_ones() {
        assert_eq!(region("short", (0, 5)), (0, 5));
        let long = "é".repeat(CONFIRM_REGION_BYTES); // 2 bytes a char
        let n = long.len();
        for hint in [(0, 0), (n / 2, n / 2 + 10), (n - 1, n), (n + 50, n + 60)] {
            let (a, b) = region(&long, hint);
            assert!(
                long.is_char_boundary(a) && long.is_char_boundary(b),
                "{hint:?}"
            );
            assert!(b - a <= CONFIRM_REGION_BYTES && b - a >= CONFIRM_REGION_BYTES - 2);
            let mid = ((hint.0 + hint.1) / 2).min(n);
            assert!(a <= mid && mid <= b, "{hint:?} -> {a}..{b}");
        }
    }

    #[test]
    fn ordinal_levels_use_their_own_outputs() {
        let t = Thresholds {
            low: 0.5,
            medium: 0.4,
            high: 0.7,
        };
        assert_eq!(t.ordinal(0.1, 0.1, 0.1), Severity::Safe);
        assert_eq!(t.ordinal(0.6, 0.1, 0.1), Severity::Low);
        assert_eq!(t.ordinal(0.3, 0.45, 0.1), Severity::Medium);
        assert_eq!(t.ordinal(0.9, 0.9, 0.8), Severity::High);
        assert_eq!(t.ordinal(0.9, 0.3, 0.8), Severity::Low);
    }

    #[test]
    fn rejects_garbage_bytes_with_a_load_error() {
        let e = Confirmer::from_bytes(b"not a model").unwrap_err();
        assert!(matches!(e, ModelError::Load(_)), "{e}");
    }
}
