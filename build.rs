//! Pins the shipped model: its SHA-256 is compiled into every build (the wasm
//! gate refuses any other model, so a page cannot swap in laxer thresholds)
//! and native builds embed the model itself, so the CLI needs no model path.

use sha2::{Digest, Sha256};
use std::path::PathBuf;

const MODEL: &str = "models/ftgate-ngram.onnx";
/// The cascade's confirmer; the screen's metadata pins its SHA-256, so only
/// native builds need it here (embedded).
const CONFIRMER: &str = "models/ftgate-confirmer.onnx";

fn main() {
    println!("cargo:rerun-if-changed={MODEL}");
    println!("cargo:rerun-if-changed={CONFIRMER}");
    println!("cargo:rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo"));
    // A checkout without the model still builds (the training pipeline needs
    // `ftgate featurize` before any model exists); the CLI then says so.
    let bytes = std::fs::read(MODEL).unwrap_or_default();
    let sha = if bytes.is_empty() {
        String::new()
    } else {
        Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    let target = std::env::var("TARGET").unwrap_or_default();
    let embedded = if target.starts_with("wasm32") {
        Vec::new()
    } else {
        bytes
    };
    std::fs::write(out.join("model.onnx"), embedded).expect("write embedded model");
    let confirmer = if target.starts_with("wasm32") {
        Vec::new()
    } else {
        std::fs::read(CONFIRMER).unwrap_or_default()
    };
    std::fs::write(out.join("confirmer.onnx"), confirmer).expect("write embedded confirmer");
    println!("cargo:rustc-env=FTGATE_MODEL_SHA256={sha}");
}
