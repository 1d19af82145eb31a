//! The data gate's result: verdict, message, per-category summary, findings,
//! format diagnostics and a receipt that holds no file content. These types
//! are the one JSON shape shared by the CLI (`--json`), the wasm API and the
//! page.

use crate::policy::{Category, Severity};
use crate::reader::Diagnostic;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Pass,
    Fail,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
        }
    }
}

/// Per category: the worst severity seen and how many examples reached each
/// level (an example counts once, at its worst text).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CategorySummary {
    pub max_severity: Severity,
    pub low: u64,
    pub medium: u64,
    pub high: u64,
}

impl CategorySummary {
    pub fn add(&mut self, s: Severity) {
        self.max_severity = self.max_severity.max(s);
        match s {
            Severity::Safe => {}
            Severity::Low => self.low += 1,
            Severity::Medium => self.medium += 1,
            Severity::High => self.high += 1,
        }
    }

    /// Adds the examples another part of the file tallied.
    pub fn merge(&mut self, other: &CategorySummary) {
        self.max_severity = self.max_severity.max(other.max_severity);
        self.low += other.low;
        self.medium += other.medium;
        self.high += other.high;
    }
}

/// One text that reached severity low or higher in one category. The excerpt
/// is the worst-scoring window of the text; it never leaves the machine
/// (the receipt holds none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub line: u64,
    pub field: String,
    pub message_index: Option<u32>,
    pub role: String,
    pub category: Category,
    pub severity: Severity,
    pub score: f32,
    pub excerpt: String,
}

/// What can be kept or sent along with an upload: no content, only facts
/// that let a server re-check the same bytes with the same model and policy.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Receipt {
    pub sha256: String,
    pub bytes: u64,
    pub examples: u64,
    pub model_name: String,
    pub model_version: String,
    pub model_sha256: String,
    pub policy_version: String,
    pub ftgate_version: String,
    pub verdict: Outcome,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    pub verdict: Outcome,
    /// The verdict's message: the hosted service's exact wording when a harm
    /// category failed, else the format message, else the pass message.
    pub message: String,
    /// Set when the file has format errors (also when harm failed too).
    pub format_message: Option<String>,
    pub failed_categories: Vec<Category>,
    pub examples: u64,
    pub lines: u64,
    pub texts: u64,
    pub categories: BTreeMap<Category, CategorySummary>,
    pub findings: Vec<Finding>,
    /// True when more findings existed than are listed (memory is bounded).
    pub findings_truncated: bool,
    /// Lines whose example reached the failing severity in any category.
    pub failing_lines: Vec<u64>,
    pub diagnostics: Vec<Diagnostic>,
    pub diagnostics_truncated: bool,
    pub errors: u64,
    pub warnings: u64,
    pub receipt: Receipt,
}

impl Verdict {
    pub fn passed(&self) -> bool {
        self.verdict == Outcome::Pass
    }
}

/// Summary line for files with format errors, naming the first few.
pub fn format_failure_message(errors: u64, first: &[&Diagnostic]) -> String {
    let listed: Vec<String> = first
        .iter()
        .take(3)
        .map(|d| match d.line {
            Some(l) => format!("line {l}: {}", d.code),
            None => format!("file: {}", d.code),
        })
        .collect();
    let more = if errors as usize > listed.len() {
        ", …"
    } else {
        ""
    };
    let noun = if errors == 1 { "error" } else { "errors" };
    format!(
        "The training file has {errors} format {noun} ({}{more}). Please fix the file and try again.",
        listed.join("; ")
    )
}

/// The categories that failed, given each category's worst severity.
pub fn failed_categories(
    summary: &BTreeMap<Category, CategorySummary>,
    fail_at: Severity,
) -> Vec<Category> {
    Category::ALL
        .into_iter()
        .filter(|c| summary.get(c).is_some_and(|s| s.max_severity >= fail_at))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::Code;

    #[test]
    fn sha256_matches_known_vector() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn format_message_lists_first_errors() {
        let a = Diagnostic::error(Some(3), Code::InvalidJson, "x");
        let b = Diagnostic::error(None, Code::TooFewExamples, "y");
        assert_eq!(
            format_failure_message(2, &[&a, &b]),
            "The training file has 2 format errors (line 3: invalid_json; file: too_few_examples). Please fix the file and try again."
        );
        assert!(format_failure_message(5, &[&a]).contains("line 3: invalid_json, …"));
    }

    #[test]
    fn categories_fail_at_threshold() {
        let mut m = BTreeMap::new();
        let mut s = CategorySummary::default();
        s.add(Severity::Low);
        m.insert(Category::Violence, s);
        let mut h = CategorySummary::default();
        h.add(Severity::Medium);
        m.insert(Category::SelfHarm, h);
        assert_eq!(
            failed_categories(&m, Severity::Medium),
            vec![Category::SelfHarm]
        );
        assert_eq!(
            failed_categories(&m, Severity::Low),
            vec![Category::Violence, Category::SelfHarm]
        );
    }
}
