//! The data gate, streaming: feed a training file chunk by chunk, get
//! progress, then the verdict. Memory stays bounded: lines are parsed as
//! they complete, texts are scored in batches, and findings/diagnostics are
//! capped (counts stay exact).

use crate::classifier::{Classifier, ModelError};
use crate::policy::{self, Category, Severity, FAIL_AT, MAX_FILE_BYTES, MIN_EXAMPLES};
use crate::reader::{parse_line, Code, Diagnostic, Example, Format, Level, LineSplitter, RawLine};
use crate::verdict::{self, CategorySummary, Finding, Outcome, Receipt, Verdict};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// Texts gathered before a model call (whole examples only, so an example's
/// texts are always judged together). Enough windows to fill several
/// batches of similar length (see `classifier::BATCH_WINDOWS`).
const PENDING_TEXTS: usize = 1024;
/// At most this many findings and diagnostics are kept; the rest are counted.
pub const MAX_FINDINGS: usize = 10_000;
pub const MAX_DIAGNOSTICS: usize = 1_000;
/// Characters of a text shown in a finding.
const EXCERPT_CHARS: usize = 240;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    pub bytes: u64,
    pub lines: u64,
    pub examples: u64,
    pub texts: u64,
}

/// One data-gate check of one file.
#[derive(Debug)]
pub struct Check {
    splitter: LineSplitter,
    sha: Sha256,
    bytes: u64,
    examples: u64,
    texts: u64,
    format: Option<(Format, u64)>,
    pending: Vec<Example>,
    pending_texts: usize,
    diagnostics: Vec<Diagnostic>,
    errors: u64,
    warnings: u64,
    first_errors: Vec<Diagnostic>,
    findings: Vec<Finding>,
    findings_total: u64,
    summary: BTreeMap<Category, CategorySummary>,
    failing_lines: Vec<u64>,
    too_large_reported: bool,
    max_file_bytes: u64,
}

impl Default for Check {
    fn default() -> Self {
        Self::new()
    }
}

impl Check {
    pub fn new() -> Check {
        Check {
            splitter: LineSplitter::default(),
            sha: Sha256::new(),
            bytes: 0,
            examples: 0,
            texts: 0,
            format: None,
            pending: Vec::new(),
            pending_texts: 0,
            diagnostics: Vec::new(),
            errors: 0,
            warnings: 0,
            first_errors: Vec::new(),
            findings: Vec::new(),
            findings_total: 0,
            summary: Category::ALL
                .iter()
                .map(|c| (*c, CategorySummary::default()))
                .collect(),
            failing_lines: Vec::new(),
            too_large_reported: false,
            max_file_bytes: MAX_FILE_BYTES,
        }
    }

    /// A check with another file-size limit than the hosted 512 MB (tests).
    pub fn with_max_file_bytes(max: u64) -> Check {
        Check {
            max_file_bytes: max,
            ..Check::new()
        }
    }

    pub fn progress(&self) -> Progress {
        Progress {
            bytes: self.bytes,
            lines: self.splitter.lines(),
            examples: self.examples,
            texts: self.texts,
        }
    }

    /// Feeds the next chunk of the file (any size, any boundary).
    pub fn feed(&mut self, clf: &Classifier, chunk: &[u8]) -> Result<Progress, ModelError> {
        self.sha.update(chunk);
        self.bytes += chunk.len() as u64;
        if self.bytes > self.max_file_bytes && !self.too_large_reported {
            self.too_large_reported = true;
            self.diagnose(Diagnostic::error(
                None,
                Code::FileTooLarge,
                format!(
                    "expected at most {} bytes, the file is larger; the rest is still checked",
                    self.max_file_bytes
                ),
            ));
        }
        // The splitter is moved out while it runs so that each complete line
        // can be handled in place, without copying it.
        let mut splitter = std::mem::take(&mut self.splitter);
        let mut result = Ok(());
        splitter.feed(chunk, &mut |l| {
            if result.is_ok() {
                result = self.raw_line(clf, l);
            }
        });
        self.splitter = splitter;
        result?;
        Ok(self.progress())
    }

    fn raw_line(&mut self, clf: &Classifier, l: RawLine<'_>) -> Result<(), ModelError> {
        let (number, bytes) = match l {
            RawLine::Line { number, bytes } => (number, bytes),
            RawLine::TooLong { number, bytes: n } => {
                self.diagnose(Diagnostic::error(
                    Some(number),
                    Code::LineTooLong,
                    format!(
                        "expected lines of at most {} bytes, found {n} bytes; the line was skipped",
                        policy::MAX_LINE_BYTES
                    ),
                ));
                return Ok(());
            }
        };
        let outcome = parse_line(number, bytes);
        for d in outcome.diagnostics {
            self.diagnose(d);
        }
        if let Some(ex) = outcome.example {
            match self.format {
                None => self.format = Some((ex.format, number)),
                Some((f, first)) if f != ex.format => self.diagnose(Diagnostic::error(
                    Some(number),
                    Code::MixedFormats,
                    format!("expected every example in the {} format of line {first}, found a {} example", f.name(), ex.format.name()),
                )),
                _ => {}
            }
            self.examples += 1;
            self.texts += ex.texts.len() as u64;
            self.pending_texts += ex.texts.len();
            self.pending.push(ex);
            if self.pending_texts >= PENDING_TEXTS {
                self.flush(clf)?;
            }
        }
        Ok(())
    }

    fn diagnose(&mut self, d: Diagnostic) {
        match d.level {
            Level::Error => {
                self.errors += 1;
                if self.first_errors.len() < 3 {
                    self.first_errors.push(d.clone());
                }
            }
            Level::Warning => self.warnings += 1,
        }
        if self.diagnostics.len() < MAX_DIAGNOSTICS {
            self.diagnostics.push(d);
        }
    }

    fn flush(&mut self, clf: &Classifier) -> Result<(), ModelError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let pending = std::mem::take(&mut self.pending);
        self.pending_texts = 0;
        let texts: Vec<&str> = pending
            .iter()
            .flat_map(|e| e.texts.iter().map(|t| t.text.as_str()))
            .collect();
        let scores = clf.score_texts(&texts)?;
        let mut k = 0;
        for ex in &pending {
            let mut worst = [Severity::Safe; 4];
            for t in &ex.texts {
                let s = &scores[k];
                k += 1;
                for c in Category::ALL {
                    let sev = s.severity[c.index()];
                    worst[c.index()] = worst[c.index()].max(sev);
                    if sev >= Severity::Low {
                        self.findings_total += 1;
                        if self.findings.len() < MAX_FINDINGS {
                            self.findings.push(Finding {
                                line: ex.line,
                                field: t.field.to_string(),
                                message_index: t.message_index,
                                role: t.role.clone(),
                                category: c,
                                severity: sev,
                                score: s.probs[c.index()],
                                excerpt: excerpt(&t.text, s.worst_span),
                            });
                        }
                    }
                }
            }
            for c in Category::ALL {
                self.summary
                    .get_mut(&c)
                    .expect("all categories present")
                    .add(worst[c.index()]);
            }
            if worst.iter().any(|s| *s >= FAIL_AT) {
                self.failing_lines.push(ex.line);
            }
        }
        Ok(())
    }

    /// Ends the file and returns the verdict.
    pub fn finish(mut self, clf: &Classifier) -> Result<Verdict, ModelError> {
        let mut splitter = std::mem::take(&mut self.splitter);
        let mut result = Ok(());
        splitter.finish(&mut |l| {
            if result.is_ok() {
                result = self.raw_line(clf, l);
            }
        });
        self.splitter = splitter;
        result?;
        self.flush(clf)?;
        if self.examples < MIN_EXAMPLES {
            self.diagnose(Diagnostic::error(
                None,
                Code::TooFewExamples,
                format!(
                    "expected at least {MIN_EXAMPLES} examples, found {}",
                    self.examples
                ),
            ));
        }
        let failed = verdict::failed_categories(&self.summary, FAIL_AT);
        let format_message = (self.errors > 0).then(|| {
            verdict::format_failure_message(
                self.errors,
                &self.first_errors.iter().collect::<Vec<_>>(),
            )
        });
        let outcome = if failed.is_empty() && self.errors == 0 {
            Outcome::Pass
        } else {
            Outcome::Fail
        };
        let message = if !failed.is_empty() {
            policy::data_gate_failure_message(&failed)
        } else if let Some(m) = &format_message {
            m.clone()
        } else {
            policy::PASS_MESSAGE.to_string()
        };
        let meta = clf.meta();
        let receipt = Receipt {
            sha256: verdict::hex(&self.sha.finalize()),
            bytes: self.bytes,
            examples: self.examples,
            model_name: meta.name.clone(),
            model_version: meta.version.clone(),
            model_sha256: clf.sha256().to_string(),
            policy_version: policy::POLICY_VERSION.to_string(),
            ftgate_version: env!("CARGO_PKG_VERSION").to_string(),
            verdict: outcome,
        };
        Ok(Verdict {
            verdict: outcome,
            message,
            format_message,
            failed_categories: failed,
            examples: self.examples,
            lines: self.splitter.lines(),
            texts: self.texts,
            categories: self.summary,
            findings_truncated: self.findings_total > self.findings.len() as u64,
            findings: self.findings,
            failing_lines: self.failing_lines,
            diagnostics_truncated: (self.errors + self.warnings) > self.diagnostics.len() as u64,
            diagnostics: self.diagnostics,
            errors: self.errors,
            warnings: self.warnings,
            receipt,
        })
    }
}

/// What a finding shows: the whole text when it is short, else the worst
/// window of it, cut to [`EXCERPT_CHARS`] characters.
fn excerpt(text: &str, span: (usize, usize)) -> String {
    if text.chars().count() <= EXCERPT_CHARS {
        return text.to_string();
    }
    let (s, e) = span;
    let window = text.get(s..e).filter(|w| !w.is_empty()).unwrap_or(text);
    let mut out: String = window.chars().take(EXCERPT_CHARS).collect();
    if out.len() < window.len() {
        out.push('…');
    }
    if s > 0 {
        out.insert(0, '…');
    }
    out
}

/// Convenience for whole in-memory files (tests, small inputs).
pub fn check_bytes(clf: &Classifier, bytes: &[u8]) -> Result<Verdict, ModelError> {
    let mut c = Check::new();
    c.feed(clf, bytes)?;
    c.finish(clf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_takes_the_window_and_marks_cuts() {
        assert_eq!(excerpt("hello world", (6, 11)), "hello world");
        let long = format!("{} kill {}", "a ".repeat(200), "b ".repeat(200));
        let at = long.find("kill").unwrap();
        assert_eq!(excerpt(&long, (at, at + 4)), "…kill");
        assert_eq!(excerpt("hello", (0, 0)), "hello");
        let long = "a".repeat(300);
        let e = excerpt(&long, (0, 300));
        assert_eq!(e.chars().count(), EXCERPT_CHARS + 1);
        assert!(e.ends_with('…'));
    }
}
