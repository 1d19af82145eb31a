//! The streaming checker gives the same verdict whatever the chunking, and
//! the same as the CLI.

use ftgate::{check_bytes, Check, Classifier};
use std::sync::OnceLock;

fn clf() -> &'static Classifier {
    static C: OnceLock<Classifier> = OnceLock::new();
    C.get_or_init(|| {
        ftgate::pinned_classifier(ftgate::embedded_model()).expect("shipped model loads")
    })
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
