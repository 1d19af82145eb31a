//! The harm classifier: an ONNX model (int8 weights, f32 compute) run by
//! tract, built once from model bytes. The contract between the model file
//! and this code is in `docs/MODEL_CONTRACT.md`.

use crate::confirmer::Confirmer;
use crate::embedding_bag::{self, EmbeddingBag};
use crate::features::{Featurizer, Window, FEATURE_VERSION};
use crate::policy::{Category, Severity, Thresholds};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use tract_onnx::prelude::*;

/// Windows scored per model call when tract runs the whole graph. Measured
/// on the 10k-example bench file (native, one core): 16 → 12.5 s, 64 → 4.8 s,
/// 256 → 2.9 s, 1024 → 5.1 s (allocations of the [N, L, 32] intermediates
/// start to dominate).
pub const BATCH_WINDOWS: usize = 256;
/// Windows per model call when the embedding bag runs in Rust and tract only
/// sees the pooled [N, 32] vectors: no padding, so larger batches only
/// amortise the per-call overhead.
pub const BATCH_POOLED: usize = 1024;

/// Metadata stored in the model file (`metadata_props["ftgate"]`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ModelMeta {
    pub name: String,
    pub version: String,
    pub feature_version: String,
    pub buckets: u32,
    pub categories: Vec<String>,
    pub thresholds: BTreeMap<String, Thresholds>,
    /// The cascade: per category, the screen probability from which the
    /// confirmer re-scores a text (absent: the screen alone decides).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<BTreeMap<String, f32>>,
    /// SHA-256 of the one confirmer model this screen accepts (required
    /// with `band`): pinning the screen pins the confirmer too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmer_sha256: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trained_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

#[derive(Debug)]
pub enum ModelError {
    /// tract could not parse, type or optimise the model.
    Load(String),
    /// The `ftgate` metadata entry is missing or malformed.
    Metadata(String),
    /// The model does not fit this build (feature version, categories...).
    Incompatible(String),
    /// Running the model failed.
    Run(String),
    /// Texts scored above the screen's band and no confirmer is loaded:
    /// load it ([`Classifier::set_confirmer`]) and score them again.
    ConfirmerNeeded,
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::Load(m) => write!(f, "could not load the model: {m}"),
            ModelError::Metadata(m) => write!(f, "the model's metadata is invalid: {m}"),
            ModelError::Incompatible(m) => {
                write!(f, "the model does not fit this build of ftgate: {m}")
            }
            ModelError::Run(m) => write!(f, "running the model failed: {m}"),
            ModelError::ConfirmerNeeded => write!(
                f,
                "texts scored above the screen's band need the confirmer model, and none is loaded"
            ),
        }
    }
}

impl std::error::Error for ModelError {}

/// Scores of one text: per category, the worst window's probability and the
/// severity it maps to.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TextScore {
    pub probs: [f32; 4],
    pub severity: [Severity; 4],
    /// Byte span of the worst-scoring window (max over categories).
    pub worst_span: (usize, usize),
}

impl TextScore {
    pub fn max_severity(&self) -> Severity {
        self.severity.iter().copied().max().unwrap_or_default()
    }
}

/// JSON form of a text's scores (`ftgate score`, wasm `score`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ScoreRecord {
    pub scores: BTreeMap<String, f32>,
    pub severity: BTreeMap<String, Severity>,
}

impl From<&TextScore> for ScoreRecord {
    fn from(s: &TextScore) -> Self {
        ScoreRecord {
            scores: Category::ALL
                .iter()
                .map(|c| (c.name().to_string(), s.probs[c.index()]))
                .collect(),
            severity: Category::ALL
                .iter()
                .map(|c| (c.name().to_string(), s.severity[c.index()]))
                .collect(),
        }
    }
}

pub struct Classifier {
    plan: Arc<TypedSimplePlan>,
    /// The graph's embedding-bag prefix, run in Rust (`None`: tract runs the
    /// whole graph on ids and weights).
    bag: Option<EmbeddingBag>,
    meta: ModelMeta,
    thresholds: [Thresholds; 4],
    featurizer: Featurizer,
    sha256: String,
    band: Option<[f32; 4]>,
    confirmer: Option<Confirmer>,
    screened: AtomicU64,
    confirmed: AtomicU64,
}

/// How many texts a classifier scored and how many of them the confirmer
/// re-scored, since it was built (`make bench` reports the share).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CascadeCounts {
    pub screened: u64,
    pub confirmed: u64,
}

impl fmt::Debug for Classifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Classifier")
            .field("meta", &self.meta)
            .finish_non_exhaustive()
    }
}

fn load_err(e: impl fmt::Display) -> ModelError {
    ModelError::Load(format!("{e:#}"))
}

impl Classifier {
    /// Builds the classifier from the bytes of an ONNX model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Classifier, ModelError> {
        Self::from_bytes_with_sha(bytes, crate::verdict::sha256_hex(bytes))
    }

    /// As [`Classifier::from_bytes`], for callers that already hashed the
    /// bytes (the pinned loader), so a 4 MB model is hashed once at start-up.
    pub(crate) fn from_bytes_with_sha(
        bytes: &[u8],
        sha256: String,
    ) -> Result<Classifier, ModelError> {
        Self::load(bytes, sha256, true)
    }

    /// As [`Classifier::from_bytes`], but tract runs the whole graph, the
    /// embedding bag included. Only for tests and benchmarks that compare
    /// the two ways of running the same model.
    #[doc(hidden)]
    pub fn from_bytes_whole_graph(bytes: &[u8]) -> Result<Classifier, ModelError> {
        Self::load(bytes, crate::verdict::sha256_hex(bytes), false)
    }

    fn load(bytes: &[u8], sha256: String, split_bag: bool) -> Result<Classifier, ModelError> {
        let onnx = tract_onnx::onnx();
        let mut proto = onnx
            .proto_model_for_read(&mut &bytes[..])
            .map_err(load_err)?;
        let bag = if split_bag {
            embedding_bag::split(&mut proto)
        } else {
            None
        };
        let mut model = onnx.model_for_proto_model(&proto).map_err(load_err)?;
        let meta = read_meta(&model)?;
        let thresholds = check_meta(&meta)?;
        let n = model.sym("N");
        match &bag {
            Some(bag) => {
                if bag.rows() != meta.buckets as usize {
                    return Err(ModelError::Incompatible(format!(
                        "expected an embedding table of {} rows (metadata `buckets`), found {}",
                        meta.buckets,
                        bag.rows()
                    )));
                }
                model
                    .set_input_fact(
                        0,
                        InferenceFact::dt_shape(
                            f32::datum_type(),
                            tvec!(n.to_dim(), bag.dim().to_dim()),
                        ),
                    )
                    .map_err(load_err)?;
            }
            None => {
                let l = model.sym("L");
                model
                    .set_input_fact(
                        0,
                        InferenceFact::dt_shape(i64::datum_type(), tvec!(n.to_dim(), l.to_dim())),
                    )
                    .map_err(load_err)?;
                model
                    .set_input_fact(
                        1,
                        InferenceFact::dt_shape(f32::datum_type(), tvec!(n.to_dim(), l.to_dim())),
                    )
                    .map_err(load_err)?;
            }
        }
        let plan = model
            .into_optimized()
            .map_err(load_err)?
            .into_runnable()
            .map_err(load_err)?;
        let featurizer = Featurizer::new(meta.buckets);
        let band = check_band(&meta)?;
        Ok(Classifier {
            plan,
            bag,
            meta,
            thresholds,
            featurizer,
            sha256,
            band,
            confirmer: None,
            screened: AtomicU64::new(0),
            confirmed: AtomicU64::new(0),
        })
    }

    /// Whether this screen hands texts above its band to a confirmer.
    pub fn has_cascade(&self) -> bool {
        self.band.is_some()
    }

    /// Whether a text above the band would fail with
    /// [`ModelError::ConfirmerNeeded`] now.
    pub fn needs_confirmer(&self) -> bool {
        self.band.is_some() && self.confirmer.is_none()
    }

    pub fn confirmer(&self) -> Option<&Confirmer> {
        self.confirmer.as_ref()
    }

    /// Loads the confirmer, refusing any model but the one the screen's
    /// metadata names.
    pub fn set_confirmer(&mut self, bytes: &[u8]) -> Result<(), ModelError> {
        let Some(want) = &self.meta.confirmer_sha256 else {
            return Err(ModelError::Incompatible(
                "this screen model has no cascade, so it takes no confirmer".into(),
            ));
        };
        let sha = crate::verdict::sha256_hex(bytes);
        if &sha != want {
            return Err(ModelError::Incompatible(format!(
                "expected the confirmer the screen is pinned to (sha256 {want}), found sha256 {sha}"
            )));
        }
        self.confirmer = Some(Confirmer::from_bytes(bytes)?);
        Ok(())
    }

    pub fn cascade_counts(&self) -> CascadeCounts {
        CascadeCounts {
            screened: self.screened.load(Ordering::Relaxed),
            confirmed: self.confirmed.load(Ordering::Relaxed),
        }
    }

    /// The same screen with another band and pinned confirmer, as a model
    /// file's metadata would give it. Only for tests of the cascade while the
    /// shipped screen has none.
    #[doc(hidden)]
    pub fn with_cascade(mut self, band: [f32; 4], confirmer_sha256: &str) -> Classifier {
        self.meta.band = Some(
            Category::ALL
                .iter()
                .map(|c| (c.name().to_string(), band[c.index()]))
                .collect(),
        );
        self.meta.confirmer_sha256 = Some(confirmer_sha256.to_string());
        self.band = Some(band);
        self.confirmer = None;
        self
    }

    /// The screen's band per category (`None`: no cascade).
    pub fn band(&self) -> Option<[f32; 4]> {
        self.band
    }

    pub fn meta(&self) -> &ModelMeta {
        &self.meta
    }

    /// SHA-256 of the model file, hex.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    pub fn featurizer(&self) -> &Featurizer {
        &self.featurizer
    }

    pub fn thresholds(&self, c: Category) -> Thresholds {
        self.thresholds[c.index()]
    }

    /// Whether the embedding bag runs in Rust (see [`crate::embedding_bag`]).
    pub fn runs_bag_in_rust(&self) -> bool {
        self.bag.is_some()
    }

    /// Probabilities for a batch of windows, in `Category::ALL` order.
    pub fn score_windows(&self, windows: &[&Window]) -> Result<Vec<[f32; 4]>, ModelError> {
        match &self.bag {
            Some(bag) => self.score_pooled(bag, windows),
            None => self.score_whole_graph(windows),
        }
    }

    /// Runs the plan on one batch of `n` windows; their probabilities in
    /// batch order.
    fn run_plan(&self, inputs: TVec<TValue>, n: usize) -> Result<Vec<[f32; 4]>, ModelError> {
        let run = |e: String| ModelError::Run(e);
        let res = self.plan.run(inputs).map_err(|e| run(format!("{e:#}")))?;
        let probs = res[0]
            .to_plain_array_view::<f32>()
            .map_err(|e| run(e.to_string()))?;
        let probs = probs
            .as_slice()
            .ok_or_else(|| run("output is not contiguous".into()))?;
        if probs.len() != n * 4 {
            return Err(run(format!(
                "expected {} outputs, found {}",
                n * 4,
                probs.len()
            )));
        }
        Ok(probs
            .chunks_exact(4)
            .map(|p| [p[0], p[1], p[2], p[3]])
            .collect())
    }

    /// The bag in Rust, straight from the sparse ids, then the MLP in tract.
    fn score_pooled(
        &self,
        bag: &EmbeddingBag,
        windows: &[&Window],
    ) -> Result<Vec<[f32; 4]>, ModelError> {
        let d = bag.dim();
        let mut out = Vec::with_capacity(windows.len());
        let mut pooled: Vec<f32> = Vec::new();
        for batch in windows.chunks(BATCH_POOLED) {
            let n = batch.len();
            pooled.clear();
            pooled.resize(n * d, 0.0);
            for (w, acc) in batch.iter().zip(pooled.chunks_exact_mut(d)) {
                bag.pool_into(&w.ids, &w.weights, acc);
            }
            let t =
                Tensor::from_shape(&[n, d], &pooled).map_err(|e| ModelError::Run(e.to_string()))?;
            out.extend(self.run_plan(tvec!(t.into()), n)?);
        }
        Ok(out)
    }

    fn score_whole_graph(&self, windows: &[&Window]) -> Result<Vec<[f32; 4]>, ModelError> {
        // Batch windows of similar length together: each batch is padded to
        // its longest window, and padding is most of the work otherwise.
        // Padding adds exact zeros, so the order does not change the results.
        let mut order: Vec<usize> = (0..windows.len()).collect();
        order.sort_by_key(|&i| windows[i].ids.len());
        let mut out = vec![[0f32; 4]; windows.len()];
        let mut ids: Vec<i64> = Vec::new();
        let mut wts: Vec<f32> = Vec::new();
        for batch in order.chunks(BATCH_WINDOWS) {
            let l = batch
                .iter()
                .map(|&i| windows[i].ids.len())
                .max()
                .unwrap_or(0)
                .max(1);
            let n = batch.len();
            ids.clear();
            ids.resize(n * l, 0);
            wts.clear();
            wts.resize(n * l, 0.0);
            for (r, &i) in batch.iter().enumerate() {
                let w = windows[i];
                for (k, (&id, &wt)) in w.ids.iter().zip(&w.weights).enumerate() {
                    ids[r * l + k] = id as i64;
                    wts[r * l + k] = wt;
                }
            }
            let run = |e: String| ModelError::Run(e);
            let t_ids = Tensor::from_shape(&[n, l], &ids).map_err(|e| run(e.to_string()))?;
            let t_wts = Tensor::from_shape(&[n, l], &wts).map_err(|e| run(e.to_string()))?;
            let probs = self.run_plan(tvec!(t_ids.into(), t_wts.into()), n)?;
            for (&i, p) in batch.iter().zip(probs) {
                out[i] = p;
            }
        }
        Ok(out)
    }

    /// Scores texts: each is split into windows, every window is scored and
    /// each category takes its worst window. Windows are featurized and
    /// scored in batches of [`SCORE_BATCH_WINDOWS`], and texts longer than
    /// [`SEGMENT_BYTES`] in overlapping segments, so memory stays bounded
    /// whatever the texts' length (a 50 MB text has ~500,000 windows of ~236
    /// ids and weights each: on the order of a gigabyte if held at once, an
    /// estimate, not a measurement).
    ///
    /// With a cascade, every text whose screen probability reaches the band
    /// in any category is re-scored by the confirmer, whose scores and
    /// severities replace the screen's; without a loaded confirmer that is
    /// [`ModelError::ConfirmerNeeded`] (nothing is lost: score them again).
    pub fn score_texts<S: AsRef<str>>(&self, texts: &[S]) -> Result<Vec<TextScore>, ModelError> {
        let mut out = self.screen_texts(texts)?;
        let Some(band) = self.band else {
            self.screened
                .fetch_add(texts.len() as u64, Ordering::Relaxed);
            return Ok(out);
        };
        let up: Vec<usize> = (0..out.len())
            .filter(|&i| (0..4).any(|c| out[i].probs[c] >= band[c]))
            .collect();
        if !up.is_empty() {
            let conf = self.confirmer.as_ref().ok_or(ModelError::ConfirmerNeeded)?;
            let sub: Vec<&str> = up.iter().map(|&i| texts[i].as_ref()).collect();
            let hints: Vec<(usize, usize)> = up.iter().map(|&i| out[i].worst_span).collect();
            for (&i, s) in up.iter().zip(conf.score_texts(&sub, &hints)?) {
                out[i] = s;
            }
        }
        self.screened
            .fetch_add(texts.len() as u64, Ordering::Relaxed);
        self.confirmed.fetch_add(up.len() as u64, Ordering::Relaxed);
        Ok(out)
    }

    /// The screen's scores alone (no cascade).
    pub fn screen_texts<S: AsRef<str>>(&self, texts: &[S]) -> Result<Vec<TextScore>, ModelError> {
        let mut out = vec![TextScore::default(); texts.len()];
        let mut worst = vec![f32::NEG_INFINITY; texts.len()];
        let mut batch: Vec<(usize, Window)> = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            let t = t.as_ref();
            for (s, e) in segments(t) {
                for mut w in self.featurizer.windows(&t[s..e]) {
                    w.start += s;
                    w.end += s;
                    batch.push((i, w));
                }
                if batch.len() >= SCORE_BATCH_WINDOWS {
                    self.fold_batch(&mut batch, &mut out, &mut worst)?;
                }
            }
        }
        self.fold_batch(&mut batch, &mut out, &mut worst)?;
        for s in &mut out {
            for c in Category::ALL {
                s.severity[c.index()] = self.thresholds[c.index()].severity(s.probs[c.index()]);
            }
        }
        Ok(out)
    }

    /// Scores the batched windows and folds each into its text's running
    /// maximum (windows arrive in text order, so ties keep the first
    /// window's span).
    fn fold_batch(
        &self,
        batch: &mut Vec<(usize, Window)>,
        out: &mut [TextScore],
        worst: &mut [f32],
    ) -> Result<(), ModelError> {
        if batch.is_empty() {
            return Ok(());
        }
        let refs: Vec<&Window> = batch.iter().map(|(_, w)| w).collect();
        let probs = self.score_windows(&refs)?;
        for ((i, w), p) in batch.iter().zip(probs) {
            let s = &mut out[*i];
            for (acc, x) in s.probs.iter_mut().zip(p) {
                *acc = acc.max(x);
            }
            let m = p.iter().copied().fold(f32::MIN, f32::max);
            if m > worst[*i] {
                worst[*i] = m;
                s.worst_span = (w.start, w.end);
            }
        }
        batch.clear();
        Ok(())
    }
}

/// Windows featurized before a model call in [`Classifier::score_texts`].
pub const SCORE_BATCH_WINDOWS: usize = 4096;
/// Texts longer than this are featurized in segments (no training text comes
/// near it, so every window of such a text is still a window the model knows).
pub const SEGMENT_BYTES: usize = 64 * 1024;
/// Consecutive segments overlap by about this much, so any phrase of up to
/// this many bytes that a cut would split lies whole in the next segment
/// (a window phrase of 16 tokens is typically under 200 bytes).
pub const SEGMENT_OVERLAP_BYTES: usize = 2 * 1024;

/// Byte ranges of a text's segments: the whole text when it is at most
/// [`SEGMENT_BYTES`]; otherwise cuts at whitespace (or, in text without any,
/// at a character boundary), each segment overlapping the previous one.
pub fn segments(text: &str) -> Vec<(usize, usize)> {
    let n = text.len();
    let mut out = Vec::new();
    let mut start = 0;
    while n - start > SEGMENT_BYTES {
        let end = cut_before(text, start + SEGMENT_BYTES, start + SEGMENT_BYTES / 2);
        out.push((start, end));
        // end − overlap is at least SEGMENT_BYTES / 2 − overlap past start,
        // so every segment moves on.
        start = cut_before(
            text,
            end - SEGMENT_OVERLAP_BYTES,
            end - 2 * SEGMENT_OVERLAP_BYTES,
        );
    }
    out.push((start, n));
    out
}

/// The last ASCII whitespace position in `(floor, at]`, else the character
/// boundary at or before `at`.
fn cut_before(text: &str, at: usize, floor: usize) -> usize {
    let b = text.as_bytes();
    if let Some(k) = (floor + 1..=at).rev().find(|&k| b[k].is_ascii_whitespace()) {
        return k;
    }
    let mut k = at;
    while !text.is_char_boundary(k) {
        k -= 1;
    }
    k
}

fn read_meta(model: &InferenceModel) -> Result<ModelMeta, ModelError> {
    let t = model
        .properties
        .get("onnx.metadata_props.ftgate")
        .ok_or_else(|| {
            ModelError::Metadata("no `ftgate` entry in the model's metadata_props".into())
        })?;
    let json = t
        .try_as_plain_ram()
        .and_then(|v| v.to_scalar::<String>().cloned())
        .map_err(|e| ModelError::Metadata(format!("`ftgate` entry is not a string: {e}")))?;
    serde_json::from_str(&json)
        .map_err(|e| ModelError::Metadata(format!("`ftgate` entry is not the expected JSON: {e}")))
}

fn check_band(meta: &ModelMeta) -> Result<Option<[f32; 4]>, ModelError> {
    let Some(b) = &meta.band else {
        return Ok(None);
    };
    if meta.confirmer_sha256.is_none() {
        return Err(ModelError::Metadata(
            "a model with a `band` must name its confirmer (`confirmerSha256`)".into(),
        ));
    }
    let mut out = [0f32; 4];
    for c in Category::ALL {
        let v = *b
            .get(c.name())
            .ok_or_else(|| ModelError::Metadata(format!("no band for `{}`", c.name())))?;
        if !(0.0..=1.0).contains(&v) {
            return Err(ModelError::Metadata(format!(
                "the band for `{}` must lie in [0, 1], found {v}",
                c.name()
            )));
        }
        out[c.index()] = v;
    }
    Ok(Some(out))
}

fn check_meta(meta: &ModelMeta) -> Result<[Thresholds; 4], ModelError> {
    if meta.feature_version != FEATURE_VERSION {
        return Err(ModelError::Incompatible(format!(
            "expected feature version {FEATURE_VERSION}, found {}",
            meta.feature_version
        )));
    }
    let expected: Vec<&str> = Category::ALL.iter().map(|c| c.name()).collect();
    if meta.categories != expected {
        return Err(ModelError::Incompatible(format!(
            "expected categories {expected:?}, found {:?}",
            meta.categories
        )));
    }
    if meta.buckets == 0 {
        return Err(ModelError::Metadata("buckets must be positive".into()));
    }
    let mut out = [Thresholds {
        low: 0.0,
        medium: 0.0,
        high: 0.0,
    }; 4];
    for c in Category::ALL {
        let t = meta
            .thresholds
            .get(c.name())
            .ok_or_else(|| ModelError::Metadata(format!("no thresholds for `{}`", c.name())))?;
        if !t.is_ordered() {
            return Err(ModelError::Metadata(format!(
                "thresholds for `{}` must satisfy 0 ≤ low ≤ medium ≤ high ≤ 1, found {t:?}",
                c.name()
            )));
        }
        out[c.index()] = *t;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_garbage_bytes_with_a_load_error() {
        let e = Classifier::from_bytes(b"not an onnx model").unwrap_err();
        assert!(matches!(e, ModelError::Load(_)), "{e}");
    }

    #[test]
    fn short_texts_are_one_segment() {
        assert_eq!(segments(""), vec![(0, 0)]);
        let t = "a b ".repeat(SEGMENT_BYTES / 4);
        assert_eq!(segments(&t), vec![(0, t.len())]);
    }

    #[test]
    fn long_texts_are_cut_at_whitespace_into_overlapping_segments() {
        let word = "lorem ipsum dolor sit amet ";
        let t = word.repeat(20 * SEGMENT_BYTES / word.len());
        let segs = segments(&t);
        assert!(segs.len() >= 20, "{}", segs.len());
        assert_eq!(segs[0].0, 0);
        assert_eq!(segs.last().unwrap().1, t.len());
        for w in segs.windows(2) {
            let ((s0, e0), (s1, e1)) = (w[0], w[1]);
            assert!(e0 - s0 <= SEGMENT_BYTES && e1 > e0);
            // Overlap of at least the promised bytes, and no more than twice.
            assert!(e0 - s1 >= SEGMENT_OVERLAP_BYTES && e0 - s1 <= 2 * SEGMENT_OVERLAP_BYTES);
            assert!(t.as_bytes()[e0].is_ascii_whitespace());
            assert!(t.as_bytes()[s1].is_ascii_whitespace());
        }
    }

    #[test]
    fn text_without_whitespace_is_cut_at_char_boundaries() {
        let t = "é".repeat(3 * SEGMENT_BYTES);
        for (s, e) in segments(&t) {
            assert!(t.is_char_boundary(s) && t.is_char_boundary(e) && e > s);
        }
    }

    #[test]
    fn metadata_checks_name_what_is_wrong() {
        let mut meta = ModelMeta {
            name: "m".into(),
            version: "1".into(),
            feature_version: "other".into(),
            buckets: 8,
            categories: Category::ALL.iter().map(|c| c.name().to_string()).collect(),
            thresholds: Category::ALL
                .iter()
                .map(|c| {
                    (
                        c.name().to_string(),
                        Thresholds {
                            low: 0.1,
                            medium: 0.5,
                            high: 0.9,
                        },
                    )
                })
                .collect(),
            band: None,
            confirmer_sha256: None,
            trained_at: None,
            notes: None,
        };
        let e = check_meta(&meta).unwrap_err().to_string();
        assert!(
            e.contains(&format!(
                "expected feature version {FEATURE_VERSION}, found other"
            )),
            "{e}"
        );
        meta.feature_version = FEATURE_VERSION.into();
        assert!(check_meta(&meta).is_ok());
        meta.thresholds.remove("sexual");
        assert!(check_meta(&meta)
            .unwrap_err()
            .to_string()
            .contains("no thresholds for `sexual`"));
        meta.band = Some(
            Category::ALL
                .iter()
                .map(|c| (c.name().to_string(), 0.05))
                .collect(),
        );
        assert!(check_band(&meta)
            .unwrap_err()
            .to_string()
            .contains("must name its confirmer"));
        meta.confirmer_sha256 = Some("ab".into());
        assert_eq!(check_band(&meta).unwrap(), Some([0.05; 4]));
        meta.band.as_mut().unwrap().insert("violence".into(), 1.5);
        assert!(check_band(&meta)
            .unwrap_err()
            .to_string()
            .contains("the band for `violence` must lie in [0, 1], found 1.5"));
    }
}
