//! ftgate: checks fine-tuning training data for harmful content locally.
//!
//! Pure core (no files, network, clock or printing): [`reader`] parses
//! training files, [`features`] turns text into model input, [`classifier`]
//! runs the ONNX model with tract, [`policy`] holds the versioned rules,
//! [`check`] streams a file through all of them into a [`verdict::Verdict`].
//! Shells: `src/main.rs` (CLI) and `src/wasm.rs` (browser), which only
//! deserialize, call and serialize. See `ARCHITECTURE.md`.

pub mod check;
pub mod classifier;
pub mod confirmer;
pub mod embedding_bag;
pub mod features;
pub mod modelgate;
pub mod policy;
pub mod reader;
pub mod verdict;
pub mod wordpiece;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use check::{check_bytes, Check, Progress};
pub use classifier::{CascadeCounts, Classifier, ModelError, ModelMeta, ScoreRecord, TextScore};
pub use confirmer::Confirmer;
pub use policy::{Category, Severity};
pub use verdict::Verdict;

/// SHA-256 of the model this build was made with (`models/ftgate-ngram.onnx`);
/// empty when the checkout had no model.
pub const PINNED_MODEL_SHA256: &str = env!("FTGATE_MODEL_SHA256");

/// The shipped model, embedded in native builds (empty when the checkout had
/// no model at build time).
#[cfg(not(target_arch = "wasm32"))]
pub fn embedded_model() -> &'static [u8] {
    include_bytes!(concat!(env!("OUT_DIR"), "/model.onnx"))
}

/// The shipped confirmer, embedded in native builds (empty when the checkout
/// had none).
#[cfg(not(target_arch = "wasm32"))]
pub fn embedded_confirmer() -> &'static [u8] {
    include_bytes!(concat!(env!("OUT_DIR"), "/confirmer.onnx"))
}

/// The shipped classifier with its confirmer loaded (native builds embed
/// both), ready for any text.
#[cfg(not(target_arch = "wasm32"))]
pub fn embedded_classifier() -> Result<Classifier, ModelError> {
    let mut clf = pinned_classifier(embedded_model())?;
    if clf.has_cascade() {
        clf.set_confirmer(embedded_confirmer())?;
    }
    Ok(clf)
}

/// Builds the classifier from the shipped model, refusing any other model:
/// the severity thresholds inside it are part of the policy.
pub fn pinned_classifier(bytes: &[u8]) -> Result<Classifier, ModelError> {
    if PINNED_MODEL_SHA256.is_empty() {
        return Err(ModelError::Incompatible(
            "this build was made without models/ftgate-ngram.onnx; run `make model` or restore the file and rebuild".into(),
        ));
    }
    let sha = verdict::sha256_hex(bytes);
    if sha != PINNED_MODEL_SHA256 {
        return Err(ModelError::Incompatible(format!(
            "expected the model this build is pinned to (sha256 {PINNED_MODEL_SHA256}), found sha256 {sha}"
        )));
    }
    Classifier::from_bytes_with_sha(bytes, sha)
}
