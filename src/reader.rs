//! Training-file reader: splits a byte stream into lines (chunk by chunk,
//! never needing the whole file), parses each line as a fine-tuning example
//! and collects every text that would be trained on, plus format diagnostics
//! modelled on the hosted import's checks. A bad line is reported and the
//! rest of the file is still read.

use crate::policy::MAX_LINE_BYTES;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The hosted import would reject the file.
    Error,
    /// Accepted, but probably not what the author meant.
    Warning,
}

/// Diagnostic codes. Their snake_case names are part of the JSON output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    InvalidUtf8,
    InvalidJson,
    NotAnObject,
    UnknownFormat,
    MixedFormats,
    MissingKey,
    UnknownKey,
    InvalidType,
    UnknownRole,
    MissingContent,
    EmptyContent,
    NoAssistantMessage,
    InvalidWeight,
    InvalidToolCalls,
    LineTooLong,
    TooFewExamples,
    FileTooLarge,
}

impl Code {
    pub fn name(self) -> &'static str {
        match self {
            Code::InvalidUtf8 => "invalid_utf8",
            Code::InvalidJson => "invalid_json",
            Code::NotAnObject => "not_an_object",
            Code::UnknownFormat => "unknown_format",
            Code::MixedFormats => "mixed_formats",
            Code::MissingKey => "missing_key",
            Code::UnknownKey => "unknown_key",
            Code::InvalidType => "invalid_type",
            Code::UnknownRole => "unknown_role",
            Code::MissingContent => "missing_content",
            Code::EmptyContent => "empty_content",
            Code::NoAssistantMessage => "no_assistant_message",
            Code::InvalidWeight => "invalid_weight",
            Code::InvalidToolCalls => "invalid_tool_calls",
            Code::LineTooLong => "line_too_long",
            Code::TooFewExamples => "too_few_examples",
            Code::FileTooLarge => "file_too_large",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format problem: where, what kind, and a message that says what was
/// expected and what was found. `line` is 1-based; `None` for the whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub line: Option<u64>,
    pub code: Code,
    pub message: String,
    pub level: Level,
}

impl Diagnostic {
    pub fn error(line: Option<u64>, code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            line,
            code,
            message: message.into(),
            level: Level::Error,
        }
    }
    pub fn warning(line: Option<u64>, code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            line,
            code,
            message: message.into(),
            level: Level::Warning,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        match self.line {
            Some(l) => write!(f, "line {l}: {level}[{}]: {}", self.code, self.message),
            None => write!(f, "file: {level}[{}]: {}", self.code, self.message),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// `{"messages": [...], "tools"?: [...]}`
    Chat,
    /// `{"input": {"messages": [...]}, "preferred_output": [...], "non_preferred_output": [...]}`
    Preference,
    /// `{"prompt": "...", "completion": "..."}`
    Completion,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Chat => "chat",
            Format::Preference => "preference",
            Format::Completion => "prompt/completion",
        }
    }
}

/// One text that would be trained on, with its place in the example.
#[derive(Debug, Clone, PartialEq)]
pub struct TextItem {
    /// Where in the example: `messages`, `tools`, `functions`,
    /// `preferred_output`, `non_preferred_output`, `prompt`, `completion`.
    pub field: &'static str,
    /// Index of the message within `field` (none for prompt/completion/tools).
    pub message_index: Option<u32>,
    /// `system`, `user`, `assistant`, `tool`, `function` or `tool_definition`.
    pub role: String,
    pub text: String,
}

/// One parsed example (a non-blank line that is a JSON object of a known
/// format). It may still carry error diagnostics; its texts are scored anyway.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub line: u64,
    pub format: Format,
    pub texts: Vec<TextItem>,
}

/// What one line turned out to be.
#[derive(Debug, Default, PartialEq)]
pub struct LineOutcome {
    pub blank: bool,
    pub example: Option<Example>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A raw line handed out by [`LineSplitter`].
#[derive(Debug, PartialEq)]
pub enum RawLine<'a> {
    Line {
        number: u64,
        bytes: &'a [u8],
    },
    /// The line was longer than [`MAX_LINE_BYTES`]; its bytes were dropped.
    TooLong {
        number: u64,
        bytes: u64,
    },
}

/// Splits a stream of chunks into lines. A UTF-8 byte-order mark at the start
/// is dropped, `\r\n` endings are accepted, a final line without a newline is
/// returned by [`LineSplitter::finish`]. Memory is bounded by the longest
/// line (at most `max_line` bytes are buffered).
#[derive(Debug)]
pub struct LineSplitter {
    buf: Vec<u8>,
    next_line: u64,
    at_start: bool,
    skipping: Option<u64>,
    max_line: usize,
}

impl Default for LineSplitter {
    fn default() -> Self {
        Self::new(MAX_LINE_BYTES)
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

impl LineSplitter {
    pub fn new(max_line: usize) -> Self {
        LineSplitter {
            buf: Vec::new(),
            next_line: 1,
            at_start: true,
            skipping: None,
            max_line,
        }
    }

    /// A splitter for bytes that start at a line boundary inside a file (a
    /// part of a split check): line numbers start at 1 again and no BOM is
    /// stripped, because a BOM is only a BOM at the start of the file.
    pub fn mid_file(max_line: usize) -> Self {
        LineSplitter {
            at_start: false,
            ..Self::new(max_line)
        }
    }

    pub fn feed<F: FnMut(RawLine<'_>)>(&mut self, chunk: &[u8], f: &mut F) {
        if self.at_start {
            // The BOM may be split across chunks: hold bytes until 3 are seen.
            self.buf.extend_from_slice(chunk);
            if self.buf.len() < BOM.len() && BOM.starts_with(&self.buf) {
                return;
            }
            self.at_start = false;
            let start = if self.buf.starts_with(BOM) {
                BOM.len()
            } else {
                0
            };
            let held = std::mem::take(&mut self.buf);
            self.split(&held[start..], f);
            return;
        }
        self.split(chunk, f);
    }

    fn split<F: FnMut(RawLine<'_>)>(&mut self, mut chunk: &[u8], f: &mut F) {
        while let Some(pos) = chunk.iter().position(|&b| b == b'\n') {
            let (head, rest) = (&chunk[..pos], &chunk[pos + 1..]);
            let number = self.next_line;
            self.next_line += 1;
            if let Some(n) = self.skipping.take() {
                f(RawLine::TooLong {
                    number,
                    bytes: n + head.len() as u64,
                });
            } else if self.buf.is_empty() {
                if head.len() > self.max_line {
                    f(RawLine::TooLong {
                        number,
                        bytes: head.len() as u64,
                    });
                } else {
                    f(RawLine::Line {
                        number,
                        bytes: strip_cr(head),
                    });
                }
            } else if self.buf.len() + head.len() > self.max_line {
                let n = (self.buf.len() + head.len()) as u64;
                self.buf.clear();
                f(RawLine::TooLong { number, bytes: n });
            } else {
                self.buf.extend_from_slice(head);
                f(RawLine::Line {
                    number,
                    bytes: strip_cr(&self.buf),
                });
                self.buf.clear();
            }
            chunk = rest;
        }
        if let Some(n) = self.skipping.as_mut() {
            *n += chunk.len() as u64;
        } else if self.buf.len() + chunk.len() > self.max_line {
            self.skipping = Some((self.buf.len() + chunk.len()) as u64);
            self.buf = Vec::new();
        } else {
            self.buf.extend_from_slice(chunk);
        }
    }

    /// Ends the stream: hands out a last line that had no newline.
    pub fn finish<F: FnMut(RawLine<'_>)>(&mut self, f: &mut F) {
        if self.at_start {
            self.at_start = false;
            let held = std::mem::take(&mut self.buf);
            let start = if held.starts_with(BOM) { BOM.len() } else { 0 };
            self.split(&held[start..], f);
        }
        let number = self.next_line;
        if let Some(n) = self.skipping.take() {
            self.next_line += 1;
            f(RawLine::TooLong { number, bytes: n });
        } else if !self.buf.is_empty() {
            self.next_line += 1;
            let buf = std::mem::take(&mut self.buf);
            f(RawLine::Line {
                number,
                bytes: strip_cr(&buf),
            });
        }
    }

    /// Number of lines handed out so far.
    pub fn lines(&self) -> u64 {
        self.next_line - 1
    }
}

fn strip_cr(b: &[u8]) -> &[u8] {
    b.strip_suffix(b"\r").unwrap_or(b)
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

const CHAT_KEYS: &[&str] = &["messages", "tools", "functions", "parallel_tool_calls"];
const PREFERENCE_KEYS: &[&str] = &["input", "preferred_output", "non_preferred_output"];
const PREFERENCE_INPUT_KEYS: &[&str] = &["messages", "tools", "parallel_tool_calls"];
const COMPLETION_KEYS: &[&str] = &["prompt", "completion"];
const MESSAGE_KEYS: &[&str] = &[
    "role",
    "content",
    "name",
    "weight",
    "tool_calls",
    "tool_call_id",
    "function_call",
];
const ROLES: &[&str] = &["system", "user", "assistant", "tool", "function"];

struct LineParser {
    line: u64,
    diags: Vec<Diagnostic>,
    texts: Vec<TextItem>,
}

impl LineParser {
    fn error(&mut self, code: Code, message: String) {
        self.diags
            .push(Diagnostic::error(Some(self.line), code, message));
    }

    fn warning(&mut self, code: Code, message: String) {
        self.diags
            .push(Diagnostic::warning(Some(self.line), code, message));
    }

    fn unknown_keys(&mut self, obj: &Map<String, Value>, allowed: &[&str], what: &str) {
        for k in obj.keys() {
            if !allowed.contains(&k.as_str()) {
                self.error(
                    Code::UnknownKey,
                    format!(
                        "unknown key `{k}` in {what}; expected only {}",
                        allowed.join(", ")
                    ),
                );
            }
        }
    }

    fn push_text(&mut self, field: &'static str, index: Option<u32>, role: &str, text: &str) {
        if !text.trim().is_empty() {
            self.texts.push(TextItem {
                field,
                message_index: index,
                role: role.to_string(),
                text: text.to_string(),
            });
        }
    }

    /// Validates a list of messages and collects their texts. Returns the
    /// number of assistant messages.
    fn messages(&mut self, v: Option<&Value>, field: &'static str, only_assistant: bool) -> usize {
        let Some(v) = v else {
            self.error(
                Code::MissingKey,
                format!("missing key `{field}`; expected an array of messages"),
            );
            return 0;
        };
        let Value::Array(list) = v else {
            self.error(
                Code::InvalidType,
                format!(
                    "`{field}` must be an array of messages, found {}",
                    type_name(v)
                ),
            );
            return 0;
        };
        if list.is_empty() {
            self.error(
                Code::InvalidType,
                format!("`{field}` must hold at least one message, found an empty array"),
            );
        }
        let mut assistants = 0;
        for (i, m) in list.iter().enumerate() {
            if self.message(m, field, i as u32, only_assistant) {
                assistants += 1;
            }
        }
        assistants
    }

    /// Returns whether the message is an assistant message.
    fn message(&mut self, m: &Value, field: &'static str, i: u32, only_assistant: bool) -> bool {
        let Value::Object(obj) = m else {
            self.error(
                Code::InvalidType,
                format!("{field}[{i}] must be an object, found {}", type_name(m)),
            );
            return false;
        };
        self.unknown_keys(obj, MESSAGE_KEYS, &format!("{field}[{i}]"));
        let role = match obj.get("role") {
            None => {
                self.error(
                    Code::MissingKey,
                    format!(
                        "{field}[{i}] has no `role`; expected one of {}",
                        ROLES.join(", ")
                    ),
                );
                "unknown".to_string()
            }
            Some(Value::String(r)) if ROLES.contains(&r.as_str()) => r.clone(),
            Some(Value::String(r)) => {
                self.error(
                    Code::UnknownRole,
                    format!(
                        "{field}[{i}] has unknown role `{r}`; expected one of {}",
                        ROLES.join(", ")
                    ),
                );
                r.clone()
            }
            Some(other) => {
                self.error(
                    Code::InvalidType,
                    format!(
                        "{field}[{i}].role must be a string, found {}",
                        type_name(other)
                    ),
                );
                "unknown".to_string()
            }
        };
        let is_assistant = role == "assistant";
        if only_assistant && !is_assistant {
            self.error(
                Code::UnknownRole,
                format!("{field}[{i}] must be an assistant message, found role `{role}`"),
            );
        }
        let has_calls = obj.contains_key("tool_calls") || obj.contains_key("function_call");
        match obj.get("content") {
            None | Some(Value::Null) => {
                if !(is_assistant && has_calls) {
                    self.error(
                        Code::MissingContent,
                        format!("{field}[{i}] ({role}) has no content"),
                    );
                }
            }
            Some(Value::String(s)) => {
                if s.trim().is_empty() && !(is_assistant && has_calls) {
                    self.warning(
                        Code::EmptyContent,
                        format!("{field}[{i}] ({role}) has empty content"),
                    );
                }
                self.push_text(field, Some(i), &role, s);
            }
            Some(Value::Array(parts)) => {
                if parts.is_empty() {
                    self.warning(
                        Code::EmptyContent,
                        format!("{field}[{i}] ({role}) has an empty content array"),
                    );
                }
                for (k, p) in parts.iter().enumerate() {
                    match p {
                        Value::Object(po) => match (po.get("type"), po.get("text")) {
                            (Some(Value::String(t)), Some(Value::String(s))) if t == "text" => {
                                self.push_text(field, Some(i), &role, s)
                            }
                            (Some(Value::String(t)), _) if t == "text" => self.error(
                                Code::InvalidType,
                                format!("{field}[{i}].content[{k}] is a text part without a string `text`"),
                            ),
                            (Some(Value::String(_)), _) => {} // image, audio, file parts: nothing to score
                            _ => self.error(
                                Code::MissingKey,
                                format!("{field}[{i}].content[{k}] has no string `type`; expected e.g. {{\"type\": \"text\", \"text\": \"...\"}}"),
                            ),
                        },
                        other => self.error(
                            Code::InvalidType,
                            format!("{field}[{i}].content[{k}] must be an object, found {}", type_name(other)),
                        ),
                    }
                }
            }
            Some(other) => self.error(
                Code::InvalidType,
                format!(
                    "{field}[{i}].content must be a string or an array of parts, found {}",
                    type_name(other)
                ),
            ),
        }
        if let Some(w) = obj.get("weight") {
            let ok = matches!(w.as_f64(), Some(x) if x == 0.0 || x == 1.0);
            if !ok {
                self.error(
                    Code::InvalidWeight,
                    format!("{field}[{i}].weight must be 0 or 1, found {w}"),
                );
            } else if !is_assistant {
                self.warning(
                    Code::InvalidWeight,
                    format!(
                        "{field}[{i}].weight is only used on assistant messages, found on `{role}`"
                    ),
                );
            }
        }
        if let Some(calls) = obj.get("tool_calls") {
            self.tool_calls(calls, field, i, &role);
        }
        if let Some(fc) = obj.get("function_call") {
            match fc.get("arguments") {
                Some(Value::String(a)) => self.push_text(field, Some(i), &role, a),
                _ => self.error(
                    Code::InvalidToolCalls,
                    format!("{field}[{i}].function_call must have string `arguments`"),
                ),
            }
        }
        is_assistant
    }

    fn tool_calls(&mut self, calls: &Value, field: &'static str, i: u32, role: &str) {
        let Value::Array(list) = calls else {
            self.error(
                Code::InvalidToolCalls,
                format!(
                    "{field}[{i}].tool_calls must be an array, found {}",
                    type_name(calls)
                ),
            );
            return;
        };
        for (k, c) in list.iter().enumerate() {
            let args = c.get("function").and_then(|f| f.get("arguments"));
            let name = c.get("function").and_then(|f| f.get("name"));
            match (name, args) {
                (Some(Value::String(_)), Some(Value::String(a))) => self.push_text(field, Some(i), role, a),
                _ => self.error(
                    Code::InvalidToolCalls,
                    format!("{field}[{i}].tool_calls[{k}] must be {{\"id\", \"type\": \"function\", \"function\": {{\"name\": string, \"arguments\": string}}}}"),
                ),
            }
        }
    }

    /// Tool and function definitions are trained on too: score their
    /// descriptions (including parameter descriptions).
    fn definitions(&mut self, v: &Value, field: &'static str) {
        let Value::Array(list) = v else {
            self.error(
                Code::InvalidType,
                format!(
                    "`{field}` must be an array of definitions, found {}",
                    type_name(v)
                ),
            );
            return;
        };
        for (k, d) in list.iter().enumerate() {
            let f = if field == "tools" {
                d.get("function")
            } else {
                Some(d)
            };
            match f {
                Some(Value::Object(fo)) if fo.get("name").is_some_and(Value::is_string) => {
                    let mut descs = Vec::new();
                    collect_descriptions(&Value::Object(fo.clone()), &mut descs);
                    for s in descs {
                        self.push_text(field, Some(k as u32), "tool_definition", &s);
                    }
                }
                _ => self.error(
                    Code::InvalidType,
                    format!("{field}[{k}] must define a function with a string `name`"),
                ),
            }
        }
    }
}

fn collect_descriptions(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                match (k.as_str(), x) {
                    ("description", Value::String(s)) => out.push(s.clone()),
                    _ => collect_descriptions(x, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| collect_descriptions(x, out)),
        _ => {}
    }
}

/// A line that is nothing but one problem.
fn only(d: Diagnostic) -> LineOutcome {
    LineOutcome {
        diagnostics: vec![d],
        ..Default::default()
    }
}

/// Parses one line (without its newline) of a training file.
pub fn parse_line(line: u64, bytes: &[u8]) -> LineOutcome {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return LineOutcome {
            blank: true,
            ..Default::default()
        };
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to() + 1;
            let m = format!(
                "expected UTF-8 text, found an invalid byte sequence at byte {at} of the line"
            );
            return only(Diagnostic::error(Some(line), Code::InvalidUtf8, m));
        }
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let m = format!("expected one JSON object per line: {e}");
            return only(Diagnostic::error(Some(line), Code::InvalidJson, m));
        }
    };
    let Value::Object(obj) = value else {
        let m = format!("expected a JSON object, found {}", type_name(&value));
        return only(Diagnostic::error(Some(line), Code::NotAnObject, m));
    };
    let mut p = LineParser {
        line,
        diags: Vec::new(),
        texts: Vec::new(),
    };
    let format = if obj.contains_key("messages") {
        p.unknown_keys(&obj, CHAT_KEYS, "a chat example");
        for key in ["tools", "functions"] {
            if let Some(v) = obj.get(key) {
                p.definitions(v, if key == "tools" { "tools" } else { "functions" });
            }
        }
        let assistants = p.messages(obj.get("messages"), "messages", false);
        if assistants == 0 {
            p.error(
                Code::NoAssistantMessage,
                "expected at least one assistant message, found none".into(),
            );
        }
        Format::Chat
    } else if PREFERENCE_KEYS.iter().any(|k| obj.contains_key(*k)) {
        p.unknown_keys(&obj, PREFERENCE_KEYS, "a preference example");
        match obj.get("input") {
            Some(Value::Object(input)) => {
                p.unknown_keys(input, PREFERENCE_INPUT_KEYS, "`input`");
                if let Some(v) = input.get("tools") {
                    p.definitions(v, "tools");
                }
                p.messages(input.get("messages"), "messages", false);
            }
            Some(other) => p.error(Code::InvalidType, format!("`input` must be an object with `messages`, found {}", type_name(other))),
            None => p.error(Code::MissingKey, "missing key `input`; a preference example needs `input`, `preferred_output` and `non_preferred_output`".into()),
        }
        p.messages(obj.get("preferred_output"), "preferred_output", true);
        p.messages(
            obj.get("non_preferred_output"),
            "non_preferred_output",
            true,
        );
        Format::Preference
    } else if obj.contains_key("prompt") || obj.contains_key("completion") {
        p.unknown_keys(&obj, COMPLETION_KEYS, "a prompt/completion example");
        for (key, role) in [("prompt", "user"), ("completion", "assistant")] {
            match obj.get(key) {
                Some(Value::String(s)) => {
                    let field = if key == "prompt" { "prompt" } else { "completion" };
                    p.push_text(field, None, role, s);
                }
                Some(other) => p.error(Code::InvalidType, format!("`{key}` must be a string, found {}", type_name(other))),
                None => p.error(Code::MissingKey, format!("missing key `{key}`; a prompt/completion example needs both `prompt` and `completion`")),
            }
        }
        Format::Completion
    } else {
        let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        let m = format!(
            "expected `messages` (chat), `input` + `preferred_output` + `non_preferred_output` (preference) or `prompt` + `completion`, found keys [{}]",
            keys.join(", ")
        );
        return only(Diagnostic::error(Some(line), Code::UnknownFormat, m));
    };
    LineOutcome {
        blank: false,
        example: Some(Example {
            line,
            format,
            texts: p.texts,
        }),
        diagnostics: p.diags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(chunks: &[&[u8]], max: usize) -> Vec<String> {
        let mut s = LineSplitter::new(max);
        let mut out = Vec::new();
        let mut f = |l: RawLine<'_>| match l {
            RawLine::Line { number, bytes } => {
                out.push(format!("{number}:{}", String::from_utf8_lossy(bytes)))
            }
            RawLine::TooLong { number, bytes } => out.push(format!("{number}:TOO LONG {bytes}")),
        };
        for c in chunks {
            s.feed(c, &mut f);
        }
        s.finish(&mut f);
        out
    }

    #[test]
    fn splits_across_chunk_boundaries_crlf_bom_and_final_line() {
        assert_eq!(
            lines_of(&[b"\xEF\xBB", b"\xBFab", b"c\r\nde", b"f\n", b"gh"], 100),
            vec!["1:abc", "2:def", "3:gh"]
        );
        assert_eq!(lines_of(&[b"a\n\nb\n"], 100), vec!["1:a", "2:", "3:b"]);
        assert_eq!(lines_of(&[b"x"], 100), vec!["1:x"]);
        assert_eq!(lines_of(&[b"\xEF"], 100), vec!["1:\u{FFFD}"]);
        assert!(lines_of(&[b""], 100).is_empty());
    }

    #[test]
    fn every_chunk_size_gives_the_same_lines() {
        let data = b"\xEF\xBB\xBFone\r\ntwo\nthree\n\nfour";
        let whole = lines_of(&[data], 100);
        for size in 1..data.len() {
            let chunks: Vec<&[u8]> = data.chunks(size).collect();
            assert_eq!(lines_of(&chunks, 100), whole, "chunk size {size}");
        }
    }

    #[test]
    fn too_long_lines_are_reported_and_skipped() {
        assert_eq!(
            lines_of(&[b"ok\n", b"0123456789", b"0123456789\nnext\n"], 8),
            vec!["1:ok", "2:TOO LONG 20", "3:next"]
        );
        assert_eq!(
            lines_of(&[b"0123456789\nnext"], 8),
            vec!["1:TOO LONG 10", "2:next"]
        );
        assert_eq!(
            lines_of(&[b"ok\n0123456789"], 8),
            vec!["1:ok", "2:TOO LONG 10"]
        );
    }

    fn codes(line: &str) -> Vec<Code> {
        parse_line(1, line.as_bytes())
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect()
    }

    #[test]
    fn chat_example_collects_every_trained_text_with_its_place() {
        let o = parse_line(
            7,
            br#"{"messages":[{"role":"system","content":"Be nice."},{"role":"user","content":[{"type":"text","text":"Hi"},{"type":"image_url","image_url":{"url":"x"}}]},{"role":"assistant","content":null,"tool_calls":[{"id":"1","type":"function","function":{"name":"f","arguments":"{\"q\":\"x\"}"}}]},{"role":"tool","tool_call_id":"1","content":"result"},{"role":"assistant","content":"Done.","weight":1}],"tools":[{"type":"function","function":{"name":"f","description":"Looks things up","parameters":{"type":"object","properties":{"q":{"type":"string","description":"query text"}}}}}]}"#,
        );
        assert!(o.diagnostics.is_empty(), "{:?}", o.diagnostics);
        let ex = o.example.unwrap();
        assert_eq!(ex.line, 7);
        assert_eq!(ex.format, Format::Chat);
        let got: Vec<(&str, Option<u32>, &str, &str)> = ex
            .texts
            .iter()
            .map(|t| (t.field, t.message_index, t.role.as_str(), t.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("tools", Some(0), "tool_definition", "Looks things up"),
                ("tools", Some(0), "tool_definition", "query text"),
                ("messages", Some(0), "system", "Be nice."),
                ("messages", Some(1), "user", "Hi"),
                ("messages", Some(2), "assistant", "{\"q\":\"x\"}"),
                ("messages", Some(3), "tool", "result"),
                ("messages", Some(4), "assistant", "Done."),
            ]
        );
    }

    #[test]
    fn preference_and_completion_formats() {
        let o = parse_line(
            1,
            br#"{"input":{"messages":[{"role":"user","content":"Q"}]},"preferred_output":[{"role":"assistant","content":"good"}],"non_preferred_output":[{"role":"assistant","content":"bad"}]}"#,
        );
        assert!(o.diagnostics.is_empty(), "{:?}", o.diagnostics);
        let ex = o.example.unwrap();
        assert_eq!(ex.format, Format::Preference);
        let fields: Vec<&str> = ex.texts.iter().map(|t| t.field).collect();
        assert_eq!(
            fields,
            vec!["messages", "preferred_output", "non_preferred_output"]
        );

        let o = parse_line(1, br#"{"prompt":"P","completion":"C"}"#);
        assert!(o.diagnostics.is_empty());
        assert_eq!(o.example.unwrap().format, Format::Completion);
        assert_eq!(codes(r#"{"prompt":"P"}"#), vec![Code::MissingKey]);
        assert_eq!(
            codes(
                r#"{"input":{"messages":[{"role":"user","content":"Q"}]},"preferred_output":[{"role":"user","content":"x"}],"non_preferred_output":[]}"#
            ),
            vec![Code::UnknownRole, Code::InvalidType]
        );
    }

    #[test]
    fn each_line_problem_has_its_code() {
        assert!(parse_line(1, b"   ").blank);
        assert_eq!(
            parse_line(1, b"{\"a\":\xff}").diagnostics[0].code,
            Code::InvalidUtf8
        );
        assert_eq!(codes("{not json"), vec![Code::InvalidJson]);
        assert_eq!(codes("[1,2]"), vec![Code::NotAnObject]);
        assert_eq!(codes(r#"{"text":"x"}"#), vec![Code::UnknownFormat]);
        assert_eq!(
            codes(r#"{"messages":"x"}"#),
            vec![Code::InvalidType, Code::NoAssistantMessage]
        );
        assert_eq!(
            codes(r#"{"messages":[{"role":"user","content":"x"}]}"#),
            vec![Code::NoAssistantMessage]
        );
        assert_eq!(
            codes(
                r#"{"messages":[{"role":"robot","content":"x"},{"role":"assistant","content":"y"}]}"#
            ),
            vec![Code::UnknownRole]
        );
        assert_eq!(
            codes(r#"{"messages":[{"content":"x"},{"role":"assistant","content":"y"}]}"#),
            vec![Code::MissingKey]
        );
        assert_eq!(
            codes(r#"{"messages":[{"role":"user"},{"role":"assistant","content":"y"}]}"#),
            vec![Code::MissingContent]
        );
        assert_eq!(
            codes(
                r#"{"messages":[{"role":"user","content":"x"},{"role":"assistant","content":"y"}],"extra":1}"#
            ),
            vec![Code::UnknownKey]
        );
        assert_eq!(
            codes(
                r#"{"messages":[{"role":"user","content":"x","mood":"sad"},{"role":"assistant","content":"y"}]}"#
            ),
            vec![Code::UnknownKey]
        );
        assert_eq!(
            codes(
                r#"{"messages":[{"role":"user","content":"x"},{"role":"assistant","content":"y","weight":2}]}"#
            ),
            vec![Code::InvalidWeight]
        );
        assert_eq!(
            codes(
                r#"{"messages":[{"role":"user","content":"x"},{"role":"assistant","tool_calls":"nope"}]}"#
            ),
            vec![Code::InvalidToolCalls]
        );
        assert_eq!(
            codes(
                r#"{"messages":[{"role":"user","content":5},{"role":"assistant","content":"y"}]}"#
            ),
            vec![Code::InvalidType]
        );
        // An assistant message with tool calls and no content is valid.
        assert!(codes(r#"{"messages":[{"role":"user","content":"x"},{"role":"assistant","tool_calls":[{"id":"a","type":"function","function":{"name":"f","arguments":"{}"}}]}]}"#).is_empty());
    }

    #[test]
    fn code_names_match_their_json() {
        use Code::*;
        let all = [
            InvalidUtf8,
            InvalidJson,
            NotAnObject,
            UnknownFormat,
            MixedFormats,
            MissingKey,
            UnknownKey,
            InvalidType,
            UnknownRole,
            MissingContent,
            EmptyContent,
            NoAssistantMessage,
            InvalidWeight,
            InvalidToolCalls,
            LineTooLong,
            TooFewExamples,
            FileTooLarge,
        ];
        for c in all {
            assert_eq!(
                serde_json::to_value(c).unwrap(),
                Value::String(c.name().to_string())
            );
        }
    }

    #[test]
    fn messages_say_what_was_expected_and_found() {
        let d = &parse_line(3, b"[1]").diagnostics[0];
        assert_eq!(
            d.to_string(),
            "line 3: error[not_an_object]: expected a JSON object, found an array"
        );
        let d = &parse_line(
            4,
            br#"{"messages":[{"role":"robot","content":"x"},{"role":"assistant","content":"y"}]}"#,
        )
        .diagnostics[0];
        assert!(
            d.message.contains("unknown role `robot`")
                && d.message.contains("expected one of system, user"),
            "{}",
            d.message
        );
    }
}
