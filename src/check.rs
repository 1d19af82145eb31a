//! The data gate, streaming: feed a training file chunk by chunk, get
//! progress, then the verdict. Memory stays bounded: lines are parsed as
//! they complete, texts are scored in batches, and findings/diagnostics are
//! capped (counts stay exact).
//!
//! A file can also be checked in independent parts (threads, Web Workers)
//! and the parts merged into the verdict a single pass gives, byte for byte.
//! The rule for who owns which line: a [`Part`] for the nominal byte range
//! `[start, end)` owns every line whose *preceding* `\n` lies in
//! `[start, end)`; the part at `start == 0` also owns the file's first line
//! (unless its range is empty: an empty range owns nothing).
//! So a part skips to just after the first `\n` at or after `start` (unless
//! `start` is 0) and reads past `end` up to and including the first `\n` at
//! or after `end`. Nominal ranges that tile the file (`[0, a)`, `[a, b)`,
//! …, `[z, len)`, any sizes, empty ones too) give parts that tile it at line
//! boundaries, whatever bytes the cuts fall on (UTF-8 sequences, CRLF). Each
//! part counts lines from 1 and does not know the file's first format; the
//! [`merge`] shifts line numbers and decides `mixed_formats` by the file's
//! first example. SHA-256 cannot be computed in parts: the caller hashes the
//! whole file in one sequential pass and hands the digest to [`merge`].

use crate::classifier::{Classifier, ModelError};
use crate::policy::{self, Category, Severity, FAIL_AT, MAX_FILE_BYTES, MIN_EXAMPLES};
use crate::reader::{parse_line, Code, Diagnostic, Example, Format, Level, LineSplitter, RawLine};
use crate::verdict::{self, CategorySummary, Finding, Outcome, Receipt, Verdict};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt;

/// Texts gathered before a model call (whole examples only, so an example's
/// texts are always judged together). Enough windows to fill whole model
/// batches (`classifier::BATCH_POOLED`, or `BATCH_WINDOWS` of similar
/// length when tract runs the whole graph).
const PENDING_TEXTS: usize = 1024;
/// At most this many findings and diagnostics are kept; the rest are counted.
pub const MAX_FINDINGS: usize = 10_000;
pub const MAX_DIAGNOSTICS: usize = 1_000;
/// Characters of a text shown in a finding.
const EXCERPT_CHARS: usize = 240;
/// Errors named in the format message.
const FIRST_ERRORS: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    pub bytes: u64,
    pub lines: u64,
    pub examples: u64,
    pub texts: u64,
    /// Texts above the screen's band wait for the confirmer: load it
    /// ([`Classifier::set_confirmer`]) before feeding more (or finishing).
    pub needs_confirmer: bool,
}

/// One data-gate check of one whole file in one pass: one [`Part`] covering
/// the file, the file's SHA-256 computed alongside, merged at the end.
#[derive(Debug)]
pub struct Check {
    part: Part,
    sha: Sha256,
    bytes: u64,
    max_file_bytes: u64,
}

impl Default for Check {
    fn default() -> Self {
        Self::new()
    }
}

impl Check {
    pub fn new() -> Check {
        Check::with_max_file_bytes(MAX_FILE_BYTES)
    }

    /// A check with another file-size limit than the hosted 512 MB (tests).
    pub fn with_max_file_bytes(max: u64) -> Check {
        Check {
            part: Part::new(0, u64::MAX),
            sha: Sha256::new(),
            bytes: 0,
            max_file_bytes: max,
        }
    }

    pub fn progress(&self) -> Progress {
        self.part.progress()
    }

    /// Feeds the next chunk of the file (any size, any boundary).
    pub fn feed(&mut self, clf: &Classifier, chunk: &[u8]) -> Result<Progress, ModelError> {
        self.sha.update(chunk);
        self.bytes += chunk.len() as u64;
        self.part.feed(clf, chunk)
    }

    /// Ends the file and scores what is pending (see [`Part::end`]).
    pub fn end(&mut self, clf: &Classifier) -> Result<Progress, ModelError> {
        self.part.end(clf)
    }

    /// Ends the file and returns the verdict.
    pub fn finish(self, clf: &Classifier) -> Result<Verdict, ModelError> {
        let part = self.part.finish(clf)?;
        let file = WholeFile {
            bytes: self.bytes,
            sha256: verdict::hex(&self.sha.finalize()),
        };
        Ok(merge_limited(clf, vec![part], &file, self.max_file_bytes)
            .expect("one part read from offset 0 to the end covers the file"))
    }
}

/// Examples of one format in a part: how many, and where the first ones
/// are, so the merge can report them as `mixed_formats` if the file's first
/// example turns out to have another format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct FormatTally {
    format: Format,
    count: u64,
    /// `(line, seq)` of the first [`MAX_DIAGNOSTICS`] such examples; `seq`
    /// is how many of the part's own diagnostics came before (so the
    /// example's `mixed_formats` goes right after its line's diagnostics).
    marks: Vec<(u64, u64)>,
}

/// The checked lines of one part of a file, ready to merge. Line numbers
/// are local (the part's first line is 1). Findings and diagnostics are the
/// first ones in the part, capped as in the verdict (which keeps the first
/// ones of the file, so no more are ever needed); counts are exact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PartialCheck {
    /// Absolute offset of the part's first byte and how many bytes it owns.
    start: u64,
    bytes: u64,
    lines: u64,
    examples: u64,
    texts: u64,
    model_sha256: String,
    first_example: Option<(Format, u64)>,
    formats: Vec<FormatTally>,
    /// The part's own diagnostics (no `mixed_formats`, no file-level ones).
    diagnostics: Vec<Diagnostic>,
    errors: u64,
    warnings: u64,
    /// The first errors with their index among the part's own diagnostics.
    first_errors: Vec<(u64, Diagnostic)>,
    findings: Vec<Finding>,
    findings_total: u64,
    summary: BTreeMap<Category, CategorySummary>,
    failing_lines: Vec<u64>,
}

impl PartialCheck {
    /// Absolute offset of the part's first byte.
    pub fn start(&self) -> u64 {
        self.start
    }
    /// Bytes the part owns (its lines with their line ends).
    pub fn bytes(&self) -> u64 {
        self.bytes
    }
    pub fn lines(&self) -> u64 {
        self.lines
    }
    pub fn examples(&self) -> u64 {
        self.examples
    }
}

/// Checks the lines of one part of a file (see the module docs for which
/// lines). Feed it the file's bytes from the nominal start on, in chunks of
/// any size, until [`Part::is_done`] or the end of the file; then
/// [`Part::finish`].
#[derive(Debug)]
pub struct Part {
    end: u64,
    /// Absolute offset of the next byte fed.
    pos: u64,
    /// Absolute offset of the first owned byte, once found.
    begin: Option<u64>,
    done: bool,
    splitter: LineSplitter,
    bytes: u64,
    examples: u64,
    texts: u64,
    first_example: Option<(Format, u64)>,
    formats: Vec<FormatTally>,
    pending: Vec<Example>,
    pending_texts: usize,
    /// The last flush needed the confirmer: examples stay pending (in file
    /// order) until it is loaded.
    awaiting_confirmer: bool,
    diagnostics: Vec<Diagnostic>,
    errors: u64,
    warnings: u64,
    first_errors: Vec<(u64, Diagnostic)>,
    findings: Vec<Finding>,
    findings_total: u64,
    summary: BTreeMap<Category, CategorySummary>,
    failing_lines: Vec<u64>,
}

impl Part {
    /// A part for the nominal byte range `[start, end)` of a file; feed it
    /// bytes starting at offset `start`.
    pub fn new(start: u64, end: u64) -> Part {
        let at_file_start = start == 0;
        Part {
            end,
            pos: start,
            begin: (at_file_start || start >= end).then_some(start),
            done: start >= end,
            splitter: if at_file_start {
                LineSplitter::default()
            } else {
                LineSplitter::mid_file(policy::MAX_LINE_BYTES)
            },
            bytes: 0,
            examples: 0,
            texts: 0,
            first_example: None,
            formats: Vec::new(),
            pending: Vec::new(),
            pending_texts: 0,
            awaiting_confirmer: false,
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
        }
    }

    /// True once the part has read its last line; later bytes are ignored.
    pub fn is_done(&self) -> bool {
        self.done
    }

    pub fn progress(&self) -> Progress {
        Progress {
            bytes: self.bytes,
            lines: self.splitter.lines(),
            examples: self.examples,
            texts: self.texts,
            needs_confirmer: self.awaiting_confirmer,
        }
    }

    /// Feeds the next chunk of the file (any size, any boundary).
    pub fn feed(&mut self, clf: &Classifier, chunk: &[u8]) -> Result<Progress, ModelError> {
        let mut chunk = chunk;
        if self.awaiting_confirmer && !clf.needs_confirmer() {
            self.flush(clf)?;
        }
        if self.done {
            return Ok(self.progress());
        }
        if self.begin.is_none() {
            // Skip the line that started before `start`: it is the previous
            // part's.
            let Some(i) = chunk.iter().position(|&b| b == b'\n') else {
                self.pos += chunk.len() as u64;
                return Ok(self.progress());
            };
            let newline = self.pos + i as u64;
            self.pos = newline + 1;
            self.begin = Some(self.pos);
            chunk = &chunk[i + 1..];
            if newline >= self.end {
                // No line boundary inside [start, end): the part owns nothing.
                self.done = true;
                return Ok(self.progress());
            }
        }
        let mut take = chunk.len();
        let from = self.end.saturating_sub(self.pos);
        if from < chunk.len() as u64 {
            // The part ends with the first `\n` at or after `end`.
            if let Some(j) = chunk[from as usize..].iter().position(|&b| b == b'\n') {
                take = from as usize + j + 1;
                self.done = true;
            }
        }
        let chunk = &chunk[..take];
        self.pos += take as u64;
        self.bytes += take as u64;
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
            self.first_example.get_or_insert((ex.format, number));
            let seq = self.errors + self.warnings;
            let tally = match self.formats.iter().position(|t| t.format == ex.format) {
                Some(i) => &mut self.formats[i],
                None => {
                    self.formats.push(FormatTally {
                        format: ex.format,
                        count: 0,
                        marks: Vec::new(),
                    });
                    self.formats.last_mut().expect("just pushed")
                }
            };
            tally.count += 1;
            if tally.marks.len() < MAX_DIAGNOSTICS {
                tally.marks.push((number, seq));
            }
            self.examples += 1;
            self.texts += ex.texts.len() as u64;
            self.pending_texts += ex.texts.len();
            self.pending.push(ex);
            if self.pending_texts >= PENDING_TEXTS && !self.awaiting_confirmer {
                self.flush(clf)?;
            }
        }
        Ok(())
    }

    fn diagnose(&mut self, d: Diagnostic) {
        let index = self.errors + self.warnings;
        match d.level {
            Level::Error => {
                self.errors += 1;
                if self.first_errors.len() < FIRST_ERRORS {
                    self.first_errors.push((index, d.clone()));
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
        let texts: Vec<&str> = self
            .pending
            .iter()
            .flat_map(|e| e.texts.iter().map(|t| t.text.as_str()))
            .collect();
        let scores = match clf.score_texts(&texts) {
            Ok(s) => s,
            Err(ModelError::ConfirmerNeeded) => {
                // Nothing is recorded yet: the examples stay pending, in file
                // order, and are scored again once the confirmer is loaded.
                self.awaiting_confirmer = true;
                return Ok(());
            }
            Err(e) => return Err(e),
        };
        self.awaiting_confirmer = false;
        let pending = std::mem::take(&mut self.pending);
        self.pending_texts = 0;
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

    /// Reads the final line (one without a trailing newline) and scores
    /// everything pending; may be called again. When the progress says
    /// `needs_confirmer`, load the confirmer and call it again before
    /// [`Part::finish`].
    pub fn end(&mut self, clf: &Classifier) -> Result<Progress, ModelError> {
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
        Ok(self.progress())
    }

    /// Ends the part (at its last line or the end of the file) and returns
    /// what it found, for [`merge`].
    pub fn finish(mut self, clf: &Classifier) -> Result<PartialCheck, ModelError> {
        if self.end(clf)?.needs_confirmer {
            return Err(ModelError::ConfirmerNeeded);
        }
        Ok(PartialCheck {
            // A part that never found a line boundary starts at the end of
            // the file, where it stopped reading.
            start: self.begin.unwrap_or(self.pos),
            bytes: self.bytes,
            lines: self.splitter.lines(),
            examples: self.examples,
            texts: self.texts,
            model_sha256: clf.sha256().to_string(),
            first_example: self.first_example,
            formats: self.formats,
            diagnostics: self.diagnostics,
            errors: self.errors,
            warnings: self.warnings,
            first_errors: self.first_errors,
            findings: self.findings,
            findings_total: self.findings_total,
            summary: self.summary,
            failing_lines: self.failing_lines,
        })
    }
}

/// Splits `[0, len)` into `n` nominal ranges of (nearly) equal size; each
/// becomes a [`Part`].
pub fn nominal_ranges(len: u64, n: usize) -> Vec<(u64, u64)> {
    let n = n.max(1) as u64;
    (0..n)
        .map(|i| {
            let at = |k: u64| (len as u128 * k as u128 / n as u128) as u64;
            (at(i), at(i + 1))
        })
        .collect()
}

/// What the merge needs to know about the whole file.
#[derive(Debug, Clone, PartialEq)]
pub struct WholeFile {
    pub bytes: u64,
    /// SHA-256 of the whole file, hex.
    pub sha256: String,
}

/// Parts that do not add up to the file: a caller bug, reported as such.
#[derive(Debug, Clone, PartialEq)]
pub enum MergeError {
    NoParts,
    /// A part does not start where the previous one ended.
    NotContiguous {
        expected: u64,
        found: u64,
    },
    /// The parts cover another number of bytes than the file has.
    Size {
        expected: u64,
        found: u64,
    },
    /// A part was checked with another model.
    OtherModel {
        expected: String,
        found: String,
    },
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MergeError::NoParts => {
                write!(f, "cannot merge: expected at least one part, found none")
            }
            MergeError::NotContiguous { expected, found } => write!(
                f,
                "cannot merge: expected the next part to start at byte {expected}, found {found}"
            ),
            MergeError::Size { expected, found } => write!(
                f,
                "cannot merge: expected parts covering {expected} bytes, found {found}"
            ),
            MergeError::OtherModel { expected, found } => write!(
                f,
                "cannot merge: expected parts checked with model sha256 {expected}, found {found}"
            ),
        }
    }
}

impl std::error::Error for MergeError {}

/// Merges the parts of a file, in file order, into the verdict a single
/// [`Check`] of the whole file gives.
pub fn merge(
    clf: &Classifier,
    parts: Vec<PartialCheck>,
    file: &WholeFile,
) -> Result<Verdict, MergeError> {
    merge_limited(clf, parts, file, MAX_FILE_BYTES)
}

/// Diagnostics of the whole file as they are gathered: the first ones
/// listed, exact counts.
#[derive(Default)]
struct Gathered {
    listed: Vec<Diagnostic>,
    errors: u64,
    warnings: u64,
    first_errors: Vec<Diagnostic>,
}

impl Gathered {
    fn file_error(&mut self, d: Diagnostic) {
        self.errors += 1;
        if self.first_errors.len() < FIRST_ERRORS {
            self.first_errors.push(d.clone());
        }
        if self.listed.len() < MAX_DIAGNOSTICS {
            self.listed.push(d);
        }
    }
}

/// A part's own diagnostics (each with its index in the part's stream) and
/// its `mixed_formats` marks, in the order a single pass emits them, at most
/// `limit` of them.
fn in_stream_order(
    own: impl Iterator<Item = (u64, Diagnostic)>,
    marks: &[(u64, u64, Format)],
    mixed: impl Fn(u64, Format) -> Diagnostic,
    limit: usize,
) -> Vec<Diagnostic> {
    let mut own = own.peekable();
    let mut marks = marks.iter().peekable();
    let mut out = Vec::new();
    while out.len() < limit {
        let mark_first = match (own.peek(), marks.peek()) {
            (None, None) => break,
            (Some(_), None) => false,
            (None, Some(_)) => true,
            (Some((index, _)), Some((_, seq, _))) => seq <= index,
        };
        if mark_first {
            let &(line, _, format) = marks.next().expect("peeked");
            out.push(mixed(line, format));
        } else {
            out.push(own.next().expect("peeked").1);
        }
    }
    out
}

/// [`merge`] with another file-size limit than the hosted 512 MB (tests).
pub fn merge_limited(
    clf: &Classifier,
    parts: Vec<PartialCheck>,
    file: &WholeFile,
    max_file_bytes: u64,
) -> Result<Verdict, MergeError> {
    if parts.is_empty() {
        return Err(MergeError::NoParts);
    }
    let mut end = 0;
    for p in &parts {
        // An empty part owns no line, so where it stopped reading is moot.
        if p.bytes > 0 && p.start != end {
            return Err(MergeError::NotContiguous {
                expected: end,
                found: p.start,
            });
        }
        if p.model_sha256 != clf.sha256() {
            return Err(MergeError::OtherModel {
                expected: clf.sha256().to_string(),
                found: p.model_sha256.clone(),
            });
        }
        end += p.bytes;
    }
    if end != file.bytes {
        return Err(MergeError::Size {
            expected: file.bytes,
            found: end,
        });
    }
    // The file's first example decides its format.
    let mut first = None;
    let mut offset = 0;
    for p in &parts {
        if let Some((format, line)) = p.first_example {
            first = Some((format, offset + line));
            break;
        }
        offset += p.lines;
    }

    let mut diags = Gathered::default();
    // Known from the size alone, so listed first, whatever the chunking.
    if file.bytes > max_file_bytes {
        diags.file_error(Diagnostic::error(
            None,
            Code::FileTooLarge,
            format!(
                "expected at most {max_file_bytes} bytes, the file is larger; the rest is still checked"
            ),
        ));
    }
    let mut lines = 0;
    let mut examples = 0;
    let mut texts = 0;
    let mut findings = Vec::new();
    let mut findings_total = 0;
    let mut summary: BTreeMap<Category, CategorySummary> = Category::ALL
        .iter()
        .map(|c| (*c, CategorySummary::default()))
        .collect();
    let mut failing_lines = Vec::new();
    for p in parts {
        let shift = lines;
        // Examples not in the file's first format, in file order.
        let mut marks: Vec<(u64, u64, Format)> = Vec::new();
        let mut mismatched = 0;
        if let Some((format, _)) = first {
            for t in p.formats.iter().filter(|t| t.format != format) {
                mismatched += t.count;
                marks.extend(t.marks.iter().map(|&(line, seq)| (line, seq, t.format)));
            }
        }
        marks.sort_unstable_by_key(|m| m.0);
        let mixed = |line: u64, found: Format| {
            let (format, first_line) = first.expect("marks only when there is a first example");
            Diagnostic::error(
                Some(shift + line),
                Code::MixedFormats,
                format!(
                    "expected every example in the {} format of line {first_line}, found a {} example",
                    format.name(),
                    found.name()
                ),
            )
        };
        let shifted = |mut d: Diagnostic| {
            d.line = d.line.map(|l| shift + l);
            d
        };
        let room = MAX_DIAGNOSTICS - diags.listed.len();
        if room > 0 {
            let own = p.diagnostics.into_iter().enumerate();
            let own = own.map(|(i, d)| (i as u64, shifted(d)));
            diags
                .listed
                .extend(in_stream_order(own, &marks, mixed, room));
        }
        let room = FIRST_ERRORS - diags.first_errors.len();
        if room > 0 {
            let own = p.first_errors.into_iter().map(|(i, d)| (i, shifted(d)));
            diags
                .first_errors
                .extend(in_stream_order(own, &marks, mixed, room));
        }
        diags.errors += p.errors + mismatched;
        diags.warnings += p.warnings;

        let room = MAX_FINDINGS - findings.len();
        findings.extend(p.findings.into_iter().take(room).map(|mut f| {
            f.line += shift;
            f
        }));
        findings_total += p.findings_total;
        for (c, s) in &p.summary {
            summary.get_mut(c).expect("all categories present").merge(s);
        }
        failing_lines.extend(p.failing_lines.iter().map(|l| shift + l));
        lines += p.lines;
        examples += p.examples;
        texts += p.texts;
    }
    if examples < MIN_EXAMPLES {
        diags.file_error(Diagnostic::error(
            None,
            Code::TooFewExamples,
            format!("expected at least {MIN_EXAMPLES} examples, found {examples}"),
        ));
    }

    let failed = verdict::failed_categories(&summary, FAIL_AT);
    let format_message = (diags.errors > 0).then(|| {
        verdict::format_failure_message(
            diags.errors,
            &diags.first_errors.iter().collect::<Vec<_>>(),
        )
    });
    let outcome = if failed.is_empty() && diags.errors == 0 {
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
        sha256: file.sha256.clone(),
        bytes: file.bytes,
        examples,
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
        examples,
        lines,
        texts,
        categories: summary,
        findings_truncated: findings_total > findings.len() as u64,
        findings,
        failing_lines,
        diagnostics_truncated: (diags.errors + diags.warnings) > diags.listed.len() as u64,
        diagnostics: diags.listed,
        errors: diags.errors,
        warnings: diags.warnings,
        receipt,
    })
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
    use std::sync::OnceLock;

    fn clf() -> &'static Classifier {
        static C: OnceLock<Classifier> = OnceLock::new();
        C.get_or_init(|| crate::embedded_classifier().expect("shipped model loads"))
    }

    /// xorshift: deterministic splits without a dependency.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n.max(1)
        }
    }

    fn single_pass(bytes: &[u8], max: u64, chunk: usize) -> String {
        let mut c = Check::with_max_file_bytes(max);
        for piece in bytes.chunks(chunk.max(1)) {
            c.feed(clf(), piece).unwrap();
        }
        serde_json::to_string(&c.finish(clf()).unwrap()).unwrap()
    }

    /// Checks `bytes` as parts cut at the nominal offsets `cuts` (sorted),
    /// each part fed from its nominal start in chunks of `chunk` bytes until
    /// it is done, as a worker would.
    fn in_parts(bytes: &[u8], cuts: &[u64], max: u64, chunk: usize) -> String {
        let len = bytes.len() as u64;
        let mut bounds = vec![0];
        bounds.extend_from_slice(cuts);
        bounds.push(len);
        let parts: Vec<PartialCheck> = bounds
            .windows(2)
            .map(|w| {
                let mut part = Part::new(w[0], w[1]);
                for piece in bytes[w[0] as usize..].chunks(chunk.max(1)) {
                    if part.is_done() {
                        break;
                    }
                    part.feed(clf(), piece).unwrap();
                }
                part.finish(clf()).unwrap()
            })
            .collect();
        let file = WholeFile {
            bytes: len,
            sha256: verdict::sha256_hex(bytes),
        };
        serde_json::to_string(&merge_limited(clf(), parts, &file, max).unwrap()).unwrap()
    }

    /// Offsets worth cutting at: inside multi-byte UTF-8, between CR and LF,
    /// at and right after a newline, inside a BOM.
    fn tricky_offsets(bytes: &[u8]) -> Vec<u64> {
        let mut out = Vec::new();
        for (i, w) in bytes.windows(2).enumerate() {
            let at = i as u64 + 1;
            if w == b"\r\n" || (w[1] & 0xC0 == 0x80 && w[0] >= 0x80) {
                out.push(at);
            }
            if w[0] == b'\n' {
                out.push(at);
                out.push(i as u64);
            }
        }
        out
    }

    fn assert_splits_agree(name: &str, bytes: &[u8], max: u64, rounds: usize, seed: u64) {
        let whole = single_pass(bytes, max, 1 << 20);
        assert_eq!(whole, single_pass(bytes, max, 7), "{name}: chunking");
        let len = bytes.len() as u64;
        let tricky = tricky_offsets(bytes);
        let mut rng = Rng(seed);
        for round in 0..rounds {
            let n = 1 + rng.below(8) as usize;
            let mut cuts: Vec<u64> = (1..n)
                .map(|_| match rng.below(3) {
                    0 if !tricky.is_empty() => tricky[rng.below(tricky.len() as u64) as usize],
                    _ => rng.below(len + 1),
                })
                .collect();
            if round % 5 == 4 && !cuts.is_empty() {
                cuts[0] = cuts[cuts.len() - 1]; // an empty part
            }
            cuts.iter_mut().for_each(|c| *c = (*c).min(len));
            cuts.sort_unstable();
            let chunk = 1 + rng.below(if round % 2 == 0 { 9 } else { 5000 }) as usize;
            let got = in_parts(bytes, &cuts, max, chunk);
            assert!(
                got == whole,
                "{name}: cuts {cuts:?}, chunks of {chunk}:\n{got}\nvs single pass\n{whole}"
            );
        }
    }

    fn fixtures() -> Vec<(String, Vec<u8>)> {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut out = Vec::new();
        for dir in [root.to_string(), format!("{root}/web")] {
            for e in std::fs::read_dir(&dir).unwrap() {
                let path = e.unwrap().path();
                if path.extension().is_some_and(|x| x == "jsonl") {
                    out.push((path.display().to_string(), std::fs::read(&path).unwrap()));
                }
            }
        }
        out.sort();
        assert!(out.len() >= 7, "fixtures found: {}", out.len());
        out
    }

    #[test]
    fn every_fixture_split_anywhere_merges_to_the_single_pass_verdict() {
        for (i, (name, bytes)) in fixtures().into_iter().enumerate() {
            assert_splits_agree(&name, &bytes, MAX_FILE_BYTES, 40, 0x9E37_79B9 + i as u64);
        }
    }

    #[test]
    fn edge_files_merge_to_the_single_pass_verdict() {
        let chat = |u: &str| {
            format!("{{\"messages\":[{{\"role\":\"user\",\"content\":\"{u}\"}},{{\"role\":\"assistant\",\"content\":\"Sure, é ✓.\"}}]}}")
        };
        let completion = |p: &str| format!("{{\"prompt\":\"{p}\",\"completion\":\"ok\"}}");
        let mut mixed = String::new();
        // The first example comes late and is prompt/completion; chat and
        // broken lines follow, so mixed_formats depends on an earlier part.
        mixed.push_str("\n\n{not json\n\"a string\"\n");
        for i in 0..30 {
            let line = match i % 4 {
                0 | 1 => completion(&format!("question {i}")),
                2 => chat(&format!("hello {i}")),
                _ => {
                    format!("{{\"messages\":[{{\"role\":\"user\",\"content\":\"\"}}], \"x\": {i}}}")
                }
            };
            mixed.push_str(&line);
            mixed.push_str(if i % 3 == 0 { "\r\n" } else { "\n" });
        }
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        for i in 0..12 {
            bom.extend_from_slice(chat(&format!("line {i}")).as_bytes());
            bom.extend_from_slice(b"\r\n");
        }
        bom.extend_from_slice(b"\xEF\xBB\xBF{\"prompt\":\"mid-file BOM\",\"completion\":\"x\"}");
        let files: Vec<(&str, Vec<u8>)> = vec![
            ("empty", Vec::new()),
            ("one newline", b"\n".to_vec()),
            ("bom only", b"\xEF\xBB\xBF".to_vec()),
            ("bom prefix", b"\xEF\xBB".to_vec()),
            ("no final newline", chat("hi").into_bytes()),
            ("mixed formats", mixed.into_bytes()),
            ("bom and crlf", bom),
            (
                "invalid utf-8",
                b"\xFF\xFE\n{\"prompt\":\"\xC3\"}\n\xE2\x82\n".to_vec(),
            ),
        ];
        for (i, (name, bytes)) in files.into_iter().enumerate() {
            assert_splits_agree(name, &bytes, MAX_FILE_BYTES, 40, 77 + i as u64);
        }
    }

    #[test]
    fn the_size_limit_and_the_diagnostics_cap_merge_exactly() {
        // 1,500 lines of errors and mixed formats: more than MAX_DIAGNOSTICS,
        // over a 1 KB limit.
        let mut s = String::from("{\"prompt\":\"p\",\"completion\":\"c\"}\n");
        for i in 0..1500 {
            s.push_str(match i % 3 {
                0 => "{broken\n",
                1 => "{\"messages\":[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":\"\"}]}\n",
                _ => "{\"prompt\":\"p\",\"completion\":\"\",\"extra\":1}\n",
            });
        }
        let bytes = s.into_bytes();
        let v: Verdict = {
            let mut c = Check::with_max_file_bytes(1024);
            c.feed(clf(), &bytes).unwrap();
            c.finish(clf()).unwrap()
        };
        assert!(v.diagnostics_truncated);
        assert_eq!(v.diagnostics.len(), MAX_DIAGNOSTICS);
        assert_eq!(v.diagnostics[0].code, Code::FileTooLarge);
        assert!(v.diagnostics.iter().any(|d| d.code == Code::MixedFormats));
        assert_splits_agree("many diagnostics", &bytes, 1024, 12, 5);
    }

    #[test]
    fn the_findings_cap_merges_exactly() {
        let threat =
            "I am going to kill you and your whole family tonight, I will cut your throat.";
        let line = format!("{{\"prompt\":\"{threat}\",\"completion\":\"{threat}\"}}\n");
        let bytes = line.repeat(MAX_FINDINGS / 2 + 200).into_bytes();
        let v: Verdict = serde_json::from_str::<serde_json::Value>(&single_pass(
            &bytes,
            MAX_FILE_BYTES,
            1 << 20,
        ))
        .map(|v| {
            assert_eq!(v["findingsTruncated"], true, "the file must exceed the cap");
            v
        })
        .map(|_| check_bytes(clf(), &bytes).unwrap())
        .unwrap();
        assert_eq!(v.findings.len(), MAX_FINDINGS);
        assert_splits_agree("many findings", &bytes, MAX_FILE_BYTES, 3, 11);
    }

    #[test]
    fn parts_that_do_not_tile_the_file_are_refused() {
        let bytes = b"{\"prompt\":\"a\",\"completion\":\"b\"}\n".repeat(4);
        let len = bytes.len() as u64;
        let part = |s: u64, e: u64| {
            let mut p = Part::new(s, e);
            p.feed(clf(), &bytes[s as usize..]).unwrap();
            p.finish(clf()).unwrap()
        };
        let file = WholeFile {
            bytes: len,
            sha256: verdict::sha256_hex(&bytes),
        };
        let e = merge(clf(), vec![part(0, 40)], &file).unwrap_err();
        assert!(matches!(e, MergeError::Size { .. }), "{e}");
        let e = merge(clf(), vec![part(40, len), part(0, 40)], &file).unwrap_err();
        assert!(
            matches!(e, MergeError::NotContiguous { expected: 0, .. }),
            "{e}"
        );
        assert_eq!(
            merge(clf(), vec![], &file).unwrap_err(),
            MergeError::NoParts
        );
        assert!(merge(clf(), vec![part(0, 40), part(40, len)], &file).is_ok());
    }

    #[test]
    fn a_part_owns_the_lines_whose_preceding_newline_is_in_its_range() {
        // Lines start at 0, 4, 8; newlines at 3, 7, 11.
        let bytes = b"aaa\nbbb\nccc\n";
        let owned = |s: u64, e: u64| {
            let mut p = Part::new(s, e);
            for b in bytes[s as usize..].chunks(1) {
                if p.is_done() {
                    break;
                }
                p.feed(clf(), b).unwrap();
            }
            let p = p.finish(clf()).unwrap();
            (p.start(), p.bytes(), p.lines())
        };
        assert_eq!(owned(0, 3), (0, 4, 1));
        assert_eq!(owned(0, 4), (0, 8, 2));
        assert_eq!(owned(3, 4), (4, 4, 1));
        assert_eq!(owned(4, 7), (8, 0, 0));
        assert_eq!(owned(4, 12), (8, 4, 1));
        assert_eq!(owned(5, 5), (5, 0, 0));
        assert_eq!(owned(12, 12), (12, 0, 0));
        assert_eq!(owned(0, 0), (0, 0, 0));
        assert_eq!(nominal_ranges(10, 3), vec![(0, 3), (3, 6), (6, 10)]);
        // More parts than bytes: the empty ones own nothing.
        let ranges = nominal_ranges(4, 6);
        assert_eq!(ranges[..3], [(0, 0), (0, 1), (1, 2)]);
        let cuts: Vec<u64> = ranges[1..].iter().map(|r| r.0).collect();
        let file = b"{}\n\n";
        assert_eq!(
            in_parts(file, &cuts, MAX_FILE_BYTES, 1),
            single_pass(file, MAX_FILE_BYTES, 1)
        );
    }

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
