//! Browser shell: the only module that names JS types. Deserialize → call the
//! core → serialize; no logic of its own.

use crate::check::{merge, Check, Part, PartialCheck, WholeFile};
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

/// Model, policy and version facts of a build (`DataGate.info`, `ModelGateRun.info`).
fn info(classifier: &Classifier) -> Result<JsValue, JsValue> {
    let m = classifier.meta();
    to_js(&Info {
        model_name: &m.name,
        model_version: &m.version,
        model_sha256: classifier.sha256(),
        policy_version: policy::POLICY_VERSION,
        ftgate_version: env!("CARGO_PKG_VERSION"),
        categories: policy::Category::ALL.iter().map(|c| c.name()).collect(),
    })
}

/// The data gate in the browser: built once from the model bytes, then any
/// number of file checks (`begin`, `feed`…, `finish`).
#[wasm_bindgen]
pub struct DataGate {
    classifier: Classifier,
    check: Option<Check>,
    part: Option<Part>,
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
            part: None,
        })
    }

    pub fn info(&self) -> Result<JsValue, JsValue> {
        info(&self.classifier)
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

    /// Starts checking one part of a file (a worker of a pool): the lines
    /// whose preceding newline lies in `[start, end)` (see `src/check.rs`).
    /// Feed the file's bytes from `start` on until `feedPart` says `done`
    /// or the file ends. Offsets are numbers (exact up to 2^53).
    #[wasm_bindgen(js_name = beginPart)]
    pub fn begin_part(&mut self, start: f64, end: f64) {
        self.part = Some(Part::new(start as u64, end as u64));
    }

    /// Feeds the next bytes of the part; returns progress plus `done`.
    #[wasm_bindgen(js_name = feedPart)]
    pub fn feed_part(&mut self, chunk: &[u8]) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct PartProgress {
            #[serde(flatten)]
            progress: crate::check::Progress,
            done: bool,
        }
        let part = self
            .part
            .as_mut()
            .ok_or_else(|| to_js_error("feedPart before beginPart"))?;
        let progress = part.feed(&self.classifier, chunk).map_err(to_js_error)?;
        to_js(&PartProgress {
            progress,
            done: part.is_done(),
        })
    }

    /// Ends the part; returns what it found as a plain object to post to the
    /// worker that merges (numbers stay exact through structured clone).
    #[wasm_bindgen(js_name = finishPart)]
    pub fn finish_part(&mut self) -> Result<JsValue, JsValue> {
        let part = self
            .part
            .take()
            .ok_or_else(|| to_js_error("finishPart before beginPart"))?;
        to_js(&part.finish(&self.classifier).map_err(to_js_error)?)
    }

    /// Merges the parts of a file (in file order) into the verdict a single
    /// `begin`/`feed`/`finish` gives; `sha256` is the whole file's (hex).
    #[wasm_bindgen(js_name = mergeParts)]
    pub fn merge_parts(
        &self,
        parts: JsValue,
        bytes: f64,
        sha256: String,
    ) -> Result<JsValue, JsValue> {
        let parts: Vec<PartialCheck> =
            serde_wasm_bindgen::from_value(parts).map_err(to_js_error)?;
        let file = WholeFile {
            bytes: bytes as u64,
            sha256,
        };
        to_js(&merge(&self.classifier, parts, &file).map_err(to_js_error)?)
    }

    /// Scores texts: `["text", ...]` → `[{scores, severity}, ...]`.
    pub fn score(&self, texts: JsValue) -> Result<JsValue, JsValue> {
        let texts: Vec<String> = serde_wasm_bindgen::from_value(texts).map_err(to_js_error)?;
        let scores = self.classifier.score_texts(&texts).map_err(to_js_error)?;
        let records: Vec<ScoreRecord> = scores.iter().map(ScoreRecord::from).collect();
        to_js(&records)
    }
}

/// SHA-256 of a whole file in one sequential pass, for the receipt of a
/// file checked in parts (a hash cannot be computed in parts).
#[wasm_bindgen]
pub struct FileHash(sha2::Sha256);

#[wasm_bindgen]
impl FileHash {
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)] // a JS constructor
    pub fn new() -> FileHash {
        FileHash(sha2::Digest::new())
    }

    pub fn update(&mut self, chunk: &[u8]) {
        sha2::Digest::update(&mut self.0, chunk);
    }

    /// The digest, hex; the hasher starts over.
    pub fn finish(&mut self) -> String {
        crate::verdict::hex(&sha2::Digest::finalize_reset(&mut self.0))
    }
}

/// The model gate in the browser: the plan, every conversation's state and
/// the scoring live here; the page's worker sends the requests with `fetch`
/// (the API key never enters wasm memory). Built once per worker (one
/// classifier); each run starts with `restart`.
#[wasm_bindgen]
pub struct ModelGateRun {
    classifier: Classifier,
    gate: crate::modelgate::ModelGate,
}

fn plan_options(options: JsValue) -> Result<crate::modelgate::PlanOptions, JsValue> {
    if options.is_undefined() || options.is_null() {
        Ok(Default::default())
    } else {
        serde_wasm_bindgen::from_value(options).map_err(to_js_error)
    }
}

#[wasm_bindgen]
impl ModelGateRun {
    /// `options`: `{turns?, allWrappers?}` or undefined.
    #[wasm_bindgen(constructor)]
    pub fn new(model: &[u8], options: JsValue) -> Result<ModelGateRun, JsValue> {
        let gate =
            crate::modelgate::ModelGate::new(&plan_options(options)?).map_err(to_js_error)?;
        let classifier = crate::pinned_classifier(model).map_err(to_js_error)?;
        Ok(ModelGateRun { classifier, gate })
    }

    /// A fresh plan (new run) with the same classifier.
    pub fn restart(&mut self, options: JsValue) -> Result<(), JsValue> {
        self.gate =
            crate::modelgate::ModelGate::new(&plan_options(options)?).map_err(to_js_error)?;
        Ok(())
    }

    pub fn info(&self) -> Result<JsValue, JsValue> {
        info(&self.classifier)
    }

    /// `[{id, category|null, tactic, wrapper, opening}]`.
    pub fn conversations(&self) -> Result<JsValue, JsValue> {
        to_js(&self.gate.conversations())
    }

    /// The next request of conversation `id` for `endpoint`
    /// (`{dialect, url, model, apiVersion}`): `{url, authHeader, authPrefix,
    /// body}`, or null when the conversation is finished.
    #[wasm_bindgen(js_name = nextRequest)]
    pub fn next_request(&mut self, id: usize, endpoint: JsValue) -> Result<JsValue, JsValue> {
        let ep: crate::modelgate::endpoint::Endpoint =
            serde_wasm_bindgen::from_value(endpoint).map_err(to_js_error)?;
        match self.gate.next_request(id).map_err(to_js_error)? {
            None => Ok(JsValue::NULL),
            Some(msgs) => to_js(&ep.request(&msgs).map_err(to_js_error)?),
        }
    }

    /// Records a response body for `id`. Returns null, or the problem (then
    /// recorded as the conversation's failure).
    #[wasm_bindgen(js_name = recordResponse)]
    pub fn record_response(&mut self, id: usize, body: &[u8]) -> Result<Option<String>, JsValue> {
        match crate::modelgate::endpoint::parse_completion(body) {
            Ok(answer) => {
                self.gate.record_answer(id, &answer).map_err(to_js_error)?;
                Ok(None)
            }
            Err(e) => {
                let m = e.to_string();
                self.gate.record_failure(id, &m).map_err(to_js_error)?;
                Ok(Some(m))
            }
        }
    }

    #[wasm_bindgen(js_name = recordFailure)]
    pub fn record_failure(&mut self, id: usize, message: &str) -> Result<(), JsValue> {
        self.gate.record_failure(id, message).map_err(to_js_error)
    }

    /// Marks every unfinished conversation failed (cancel / stop early).
    pub fn abandon(&mut self, reason: &str) {
        self.gate.abandon(reason);
    }

    pub fn progress(&self) -> Result<JsValue, JsValue> {
        to_js(&self.gate.progress())
    }

    /// Scores the answers: the assessment (same JSON as `ftgate model-gate --json`, without `run`).
    pub fn assess(&self) -> Result<JsValue, JsValue> {
        to_js(&self.gate.assess(&self.classifier).map_err(to_js_error)?)
    }
}

/// Milliseconds to wait before the next attempt, or undefined to give up
/// (shared retry rule; `attempt` counts from 1).
#[wasm_bindgen(js_name = retryDelayMs)]
pub fn retry_delay_ms(attempt: u32, retry_after: Option<String>) -> Option<f64> {
    crate::modelgate::endpoint::retry_delay_ms(attempt, retry_after.as_deref()).map(|ms| ms as f64)
}

#[wasm_bindgen(js_name = retryableStatus)]
pub fn retryable_status(status: u16) -> bool {
    crate::modelgate::endpoint::retryable_status(status)
}

/// Largest answer body accepted, in bytes.
#[wasm_bindgen(js_name = maxResponseBytes)]
pub fn max_response_bytes() -> usize {
    crate::modelgate::endpoint::MAX_RESPONSE_BYTES
}
