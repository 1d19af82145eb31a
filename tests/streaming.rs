//! The streaming checker gives the same verdict whatever the chunking, and
//! the same as the CLI.

use ftgate::{check_bytes, Check, Classifier};
use std::sync::OnceLock;

fn clf() -> &'static Classifier {
    static C: OnceLock<Classifier> = OnceLock::new();
    C.get_or_init(|| ftgate::embedded_classifier().expect("shipped model loads"))
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn chunk_size_does_not_change_the_verdict() {
    for name in [
        "clean_chat.jsonl",
        "harmful_chat.jsonl",
        "format_errors.jsonl",
        "preference.jsonl",
    ] {
        let bytes = fixture(name);
        let whole = serde_json::to_value(check_bytes(clf(), &bytes).unwrap()).unwrap();
        for size in [1, 2, 3, 7, 64, 1000] {
            let mut c = Check::new();
            for chunk in bytes.chunks(size) {
                c.feed(clf(), chunk).unwrap();
            }
            let v = serde_json::to_value(c.finish(clf()).unwrap()).unwrap();
            assert_eq!(v, whole, "{name} with chunks of {size}");
        }
    }
}

#[test]
fn long_texts_do_not_dilute_harm() {
    // One threat buried in a long benign text still fails (window max).
    let benign = "We reviewed the quarterly report, updated the onboarding docs and planned the next sprint. ".repeat(60);
    let threat = "I am going to kill you and your whole family tonight, I will cut your throat.";
    let short = clf().score_texts(&[threat]).unwrap()[0];
    let long_text = format!("{benign}{threat} {benign}");
    let long = clf().score_texts(&[long_text.as_str()]).unwrap()[0];
    assert!(short.severity[0] >= ftgate::Severity::Medium, "{short:?}");
    assert_eq!(long.severity[0], short.severity[0], "{long:?} vs {short:?}");
    assert!(&long_text[long.worst_span.0..long.worst_span.1].contains("kill you"));
}

#[test]
fn too_few_examples_and_empty_files_are_reported() {
    let v = check_bytes(clf(), b"").unwrap();
    assert_eq!(v.examples, 0);
    assert!(!v.passed());
    assert_eq!(v.diagnostics[0].code, ftgate::reader::Code::TooFewExamples);
    let one = "{\"prompt\":\"a\",\"completion\":\"b\"}\n";
    let v = check_bytes(clf(), one.as_bytes()).unwrap();
    assert_eq!(v.message, "The training file has 1 format error (file: too_few_examples). Please fix the file and try again.");
}

#[test]
fn mixed_formats_are_reported() {
    let mut s = String::new();
    for i in 0..11 {
        s.push_str(&format!(
            "{{\"prompt\":\"question {i}\",\"completion\":\"answer\"}}\n"
        ));
    }
    s.push_str("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"hello\"}]}\n");
    let v = check_bytes(clf(), s.as_bytes()).unwrap();
    assert_eq!(v.diagnostics.len(), 1);
    assert_eq!(v.diagnostics[0].line, Some(12));
    assert_eq!(v.diagnostics[0].code, ftgate::reader::Code::MixedFormats);
}

#[test]
fn other_models_are_refused_by_the_pinned_loader() {
    let mut bytes = ftgate::embedded_model().to_vec();
    bytes.push(0);
    let e = ftgate::pinned_classifier(&bytes).unwrap_err().to_string();
    assert!(
        e.contains("expected the model this build is pinned to"),
        "{e}"
    );
}

#[test]
fn oversized_files_are_reported_once_and_still_checked() {
    let bytes = fixture("harmful_chat.jsonl");
    let mut c = Check::with_max_file_bytes(100);
    for chunk in bytes.chunks(50) {
        c.feed(clf(), chunk).unwrap();
    }
    let v = c.finish(clf()).unwrap();
    let big: Vec<_> = v
        .diagnostics
        .iter()
        .filter(|d| d.code == ftgate::reader::Code::FileTooLarge)
        .collect();
    assert_eq!(big.len(), 1);
    assert_eq!(big[0].line, None);
    assert!(big[0].message.contains("expected at most 100 bytes"));
    // The harm is still found after the limit.
    assert_eq!(v.failing_lines, vec![3, 6, 9]);
}

#[test]
fn empty_content_is_a_warning_and_does_not_fail() {
    let mut s = String::new();
    for i in 0..10 {
        s.push_str(&format!("{{\"messages\":[{{\"role\":\"system\",\"content\":\"\"}},{{\"role\":\"user\",\"content\":\"What is {i} plus {i}?\"}},{{\"role\":\"assistant\",\"content\":\"It is {}.\"}}]}}\n", 2 * i));
    }
    let v = check_bytes(clf(), s.as_bytes()).unwrap();
    assert_eq!(v.warnings, 10);
    assert_eq!(v.errors, 0);
    assert_eq!(v.diagnostics[0].code, ftgate::reader::Code::EmptyContent);
    assert_eq!(v.diagnostics[0].level, ftgate::reader::Level::Warning);
    assert!(v.format_message.is_none());
}

#[test]
fn arbitrary_bytes_never_panic_and_every_line_is_accounted_for() {
    // A small deterministic PRNG (xorshift) over an alphabet rich in JSON
    // syntax, newlines, CR, BOM pieces and multi-byte UTF-8.
    let alphabet: &[&[u8]] = &[
        b"{",
        b"}",
        b"[",
        b"]",
        b"\"",
        b":",
        b",",
        b"\n",
        b"\r\n",
        b" ",
        b"\\",
        b"messages",
        b"role",
        b"content",
        b"assistant",
        b"user",
        b"null",
        b"1",
        b"\xEF\xBB\xBF",
        b"\xC3\xA9",
        b"\xFF",
        b"\xE2\x80",
        b"kill",
        b"text",
    ];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for _ in 0..300 {
        let len = (next() % 400) as usize;
        let mut bytes = Vec::new();
        for _ in 0..len {
            bytes.extend_from_slice(alphabet[(next() % alphabet.len() as u64) as usize]);
        }
        let chunk = 1 + (next() % 17) as usize;
        let mut c = Check::new();
        for piece in bytes.chunks(chunk) {
            c.feed(clf(), piece).unwrap();
        }
        let v = c.finish(clf()).unwrap();
        let newlines = bytes.iter().filter(|&&b| b == b'\n').count() as u64;
        let last_open = !bytes.is_empty() && *bytes.last().unwrap() != b'\n';
        assert!(
            v.lines == newlines || v.lines == newlines + u64::from(last_open),
            "{v:?}"
        );
        assert!(!v.passed(), "random bytes never make a passing file");
    }
}

/// One chat example (user question, assistant answer) as a JSONL line.
fn chat_line(user: &str, answer: &str) -> String {
    serde_json::json!({"messages": [
        {"role": "user", "content": user},
        {"role": "assistant", "content": answer},
    ]})
    .to_string()
}

#[test]
fn a_50_mb_line_is_checked_whole_and_a_line_over_the_limit_is_reported() {
    let filler = "We reviewed the quarterly report, updated the onboarding docs and planned the next sprint. ";
    let threat = "I am going to kill you and your whole family tonight, I will cut your throat.";
    // A ~50 MB answer with the threat three quarters in: hundreds of
    // segments and thousands of model batches after the text starts.
    let reps = 50_000_000 / filler.len();
    let big = format!(
        "{}{threat} {}",
        filler.repeat(reps * 3 / 4),
        filler.repeat(reps / 4)
    );
    let mut file = String::new();
    for i in 1..=12 {
        file.push_str(&chat_line(
            &format!("Question {i}?"),
            "Here is a short, helpful answer.",
        ));
        file.push('\n');
    }
    file.push_str(&chat_line("Summarise the meeting notes.", &big)); // line 13
    file.push('\n');
    let over = "x".repeat(ftgate::policy::MAX_LINE_BYTES);
    file.push_str(&chat_line("And this one?", &over)); // line 14
    file.push('\n');
    file.push_str(&chat_line("Last question?", "A short answer.")); // line 15, no newline
    let bytes = file.into_bytes();
    assert!(bytes.len() > 50_000_000 + ftgate::policy::MAX_LINE_BYTES);

    let mut c = Check::new();
    for chunk in bytes.chunks(4 << 20) {
        c.feed(clf(), chunk).unwrap();
    }
    let v = c.finish(clf()).unwrap();
    assert_eq!(v.lines, 15);
    assert_eq!(
        v.examples, 14,
        "every line but the over-long one is an example"
    );
    assert_eq!(v.failing_lines, vec![13]);
    let f = v
        .findings
        .iter()
        .find(|f| f.line == 13)
        .expect("a finding on line 13");
    assert!(f.excerpt.contains("kill you"), "{:?}", f.excerpt);
    let long: Vec<_> = v
        .diagnostics
        .iter()
        .filter(|d| d.code == ftgate::reader::Code::LineTooLong)
        .collect();
    assert_eq!(long.len(), 1, "{:?}", v.diagnostics);
    assert_eq!(long[0].line, Some(14));
}
