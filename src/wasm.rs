//! Browser shell: the only module that names JS types. Deserialize → call the
//! core → serialize; no logic of its own.

use crate::check::Check;
use crate::classifier::{Classifier, ScoreRecord};
use crate::policy;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The one conversion from core errors to JS: an `Error` with the message.
fn to_js_error(e: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&e.to_string()).into()
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    // Maps as plain objects so the verdict looks like the CLI's JSON.
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(to_js_error)
}

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Info<'a> {
    model_name: &'a str,
    model_version: &'a str,
    model_sha256: &'a str,
    policy_version: &'a str,
    ftgate_version: &'a str,
    categories: Vec<&'a str>,
}

/// The data gate in the browser: built once from the model bytes, then any
/// number of file checks (`begin`, `feed`…, `finish`).
#[wasm_bindgen]
pub struct DataGate {
    classifier: Classifier,
    check: Option<Check>,
}

#[wasm_bindgen]
impl DataGate {
    /// Builds the classifier from the shipped model's bytes; any other model
    /// is refused (its thresholds are part of the policy).
    #[wasm_bindgen(constructor)]
    pub fn new(model: &[u8]) -> Result<DataGate, JsValue> {
        let classifier = crate::pinned_classifier(model).map_err(to_js_error)?;
        Ok(DataGate {
            classifier,
            check: None,
        })
    }

    pub fn info(&self) -> Result<JsValue, JsValue> {
        let m = self.classifier.meta();
        to_js(&Info {
            model_name: &m.name,
            model_version: &m.version,
            model_sha256: self.classifier.sha256(),
            policy_version: policy::POLICY_VERSION,
            ftgate_version: env!("CARGO_PKG_VERSION"),
            categories: policy::Category::ALL.iter().map(|c| c.name()).collect(),
        })
    }

    /// Starts a new file check, dropping any unfinished one.
    pub fn begin(&mut self) {
        self.check = Some(Check::new());
    }

    /// Feeds the next chunk of the file; returns progress.
    pub fn feed(&mut self, chunk: &[u8]) -> Result<JsValue, JsValue> {
        let check = self.check.get_or_insert_with(Check::new);
        let p = check.feed(&self.classifier, chunk).map_err(to_js_error)?;
        to_js(&p)
    }

    /// Ends the file; returns the verdict (same JSON as `ftgate check --json`).
    pub fn finish(&mut self) -> Result<JsValue, JsValue> {
        let check = self.check.take().unwrap_or_default();
        let v = check.finish(&self.classifier).map_err(to_js_error)?;
        to_js(&v)
    }

    /// Scores texts: `["text", ...]` → `[{scores, severity}, ...]`.
    pub fn score(&self, texts: JsValue) -> Result<JsValue, JsValue> {
        let texts: Vec<String> = serde_wasm_bindgen::from_value(texts).map_err(to_js_error)?;
        let scores = self.classifier.score_texts(&texts).map_err(to_js_error)?;
        let records: Vec<ScoreRecord> = scores.iter().map(ScoreRecord::from).collect();
        to_js(&records)
    }
}
