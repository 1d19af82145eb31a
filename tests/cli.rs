//! The CLI as a process: exit codes, messages and the `--json` schema.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn ftgate(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ftgate"))
        .args(args)
        .output()
        .expect("run ftgate")
}

fn check_json(name: &str) -> (i32, Value) {
    let out = ftgate(&["check", fixture(name).to_str().unwrap(), "--json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{name}: stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    (out.status.code().expect("exit code"), v)
}

/// Parses output with one JSON value per line.
fn json_lines(stdout: &[u8]) -> Vec<Value> {
    std::str::from_utf8(stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn lines_with(v: &Value, category: &str, min_severity: u64) -> Vec<u64> {
    let mut l: Vec<u64> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["category"] == category && f["severity"].as_u64().unwrap() >= min_severity)
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    l.dedup();
    l
}

#[test]
fn clean_file_passes_with_exit_0_and_full_schema() {
    let (code, v) = check_json("clean_chat.jsonl");
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["verdict"], "pass");
    assert_eq!(v["failedCategories"], serde_json::json!([]));
    assert_eq!(v["examples"], 12);
    assert!(v["failingLines"].as_array().unwrap().is_empty());
    for key in [
        "message",
        "findings",
        "diagnostics",
        "receipt",
        "categories",
    ] {
        assert!(v.get(key).is_some(), "missing `{key}`");
    }
    let r = &v["receipt"];
    let bytes = std::fs::read(fixture("clean_chat.jsonl")).unwrap();
    assert_eq!(r["bytes"], bytes.len());
    assert_eq!(r["sha256"], ftgate::verdict::sha256_hex(&bytes));
    assert_eq!(r["verdict"], "pass");
    assert_eq!(r["policyVersion"], ftgate::policy::POLICY_VERSION);
    // The receipt carries no content.
    let receipt = r.to_string();
    assert!(
        !receipt.contains("process") && !receipt.contains("pasta"),
        "{receipt}"
    );
}

#[test]
fn harmful_file_fails_with_exact_message_and_lines() {
    let (code, v) = check_json("harmful_chat.jsonl");
    assert_eq!(code, 1, "{v:#}");
    assert_eq!(v["verdict"], "fail");
    assert_eq!(
        v["message"],
        "The provided training data failed RAI checks for harm types: [hate_fairness, self_harm, violence]. Please fix the data and try again."
    );
    assert_eq!(
        v["failedCategories"],
        serde_json::json!(["violence", "hate_fairness", "self_harm"])
    );
    assert_eq!(v["failingLines"], serde_json::json!([3, 6, 9]));
    // Each harmful line is caught in its own category (a line may also
    // reach another one: "kill yourself" reads as violence too).
    assert!(lines_with(&v, "violence", 4).contains(&3));
    assert!(lines_with(&v, "self_harm", 4).contains(&6));
    assert!(lines_with(&v, "hate_fairness", 4).contains(&9));
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["line"] == 3 && f["category"] == "violence")
        .unwrap();
    assert_eq!(f["role"], "assistant");
    assert_eq!(f["messageIndex"], 1);
    assert!(f["score"].as_f64().unwrap() > 0.0);
    assert!(f["excerpt"].as_str().unwrap().contains("kill you"));
}

#[test]
fn a_threat_wrapped_in_html_markup_is_still_found() {
    // Model 0.2.0 let this file pass (markup diluted the threat's window);
    // the line must fail in violence, with the markup kept verbatim in the excerpt.
    let (code, v) = check_json("html_payload.jsonl");
    assert_eq!(code, 1, "{v:#}");
    assert_eq!(v["failedCategories"], serde_json::json!(["violence"]));
    assert_eq!(v["failingLines"], serde_json::json!([5]));
    let excerpt = v["findings"][0]["excerpt"].as_str().unwrap();
    assert!(excerpt.contains("<script>alert(1)</script>"), "{excerpt}");
}

#[test]
fn harmful_file_human_output_prints_the_message() {
    let out = ftgate(&["check", fixture("harmful_chat.jsonl").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("The provided training data failed RAI checks for harm types: [hate_fairness, self_harm, violence]."), "{s}");
    assert!(s.contains("line 3: violence"), "{s}");
}

#[test]
fn format_errors_are_listed_by_line_and_the_rest_is_checked() {
    let (code, v) = check_json("format_errors.jsonl");
    assert_eq!(code, 1, "{v:#}");
    assert_eq!(v["verdict"], "fail");
    let got: Vec<(u64, String)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["level"] == "error")
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want: Vec<(u64, String)> = [
        (4, "invalid_json"),
        (5, "not_an_object"),
        (6, "unknown_role"),
        (12, "no_assistant_message"),
        (13, "missing_content"),
        (14, "unknown_format"),
    ]
    .iter()
    .map(|(l, c)| (*l, c.to_string()))
    .collect();
    assert_eq!(got, want);
    // Valid lines around the bad ones were still read (12 good + 3 partly bad).
    assert_eq!(v["examples"], 15);
    assert_eq!(v["message"], v["formatMessage"]);
    assert!(v["message"]
        .as_str()
        .unwrap()
        .starts_with("The training file has 6 format errors (line 4: invalid_json;"));
}

#[test]
fn ordinary_long_support_conversations_pass() {
    // Realistic benign fine-tuning data (bench/gen.py --examples 40 --seed 11):
    // long, chatty assistant answers must not look like harm.
    let (code, v) = check_json("benign_support.jsonl");
    assert_eq!(code, 0, "{:#}", v["findings"]);
    assert_eq!(v["examples"], 40);
}

#[test]
fn other_formats_pass() {
    for f in ["preference.jsonl", "completion.jsonl"] {
        let (code, v) = check_json(f);
        assert_eq!(code, 0, "{f}: {v:#}");
        assert_eq!(v["examples"], 12);
        assert!(v["texts"].as_u64().unwrap() >= 24);
    }
}

#[test]
fn unreadable_and_unusable_files_exit_2() {
    let out = ftgate(&["check", "/nonexistent/file.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/file.jsonl"));

    let dir = std::env::temp_dir().join(format!("ftgate-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("garbage.jsonl");
    std::fs::write(&p, b"\x00\x01 this is not jsonl\nnor this\n").unwrap();
    let out = ftgate(&["check", p.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["diagnostics"][0]["code"], "invalid_json");
    assert_eq!(v["diagnostics"][0]["line"], 1);

    let out = ftgate(&["check"]);
    assert_eq!(out.status.code(), Some(2));
    let out = ftgate(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn score_reads_text_lines_and_keeps_order() {
    let dir = std::env::temp_dir().join(format!("ftgate-score-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("texts.jsonl");
    std::fs::write(&p, "{\"text\": \"How do I bake bread?\"}\n{\"text\": \"I will kill you and your family tonight, you are dead.\"}\n").unwrap();
    let out = ftgate(&["score", p.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = json_lines(&out.stdout);
    assert_eq!(rows.len(), 2);
    for r in &rows {
        for c in ["violence", "sexual", "hate_fairness", "self_harm"] {
            let p = r["scores"][c].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&p));
            assert!([0, 2, 4, 6].contains(&r["severity"][c].as_u64().unwrap()));
        }
    }
    assert!(
        rows[1]["scores"]["violence"].as_f64().unwrap()
            > rows[0]["scores"]["violence"].as_f64().unwrap()
    );
    assert!(rows[1]["severity"]["violence"].as_u64().unwrap() >= 4);

    std::fs::write(&p, "{\"text\": 1}\n").unwrap();
    let out = ftgate(&["score", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1"));
}

#[test]
fn featurize_streams_windows_and_reports_bad_lines() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_ftgate"))
        .args(["featurize", "--buckets", "1000"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let long = "word ".repeat(40);
    let input = format!("{{\"text\": \"hello\"}}\n\n{{\"text\": \"{long}\"}}\n");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let rows = json_lines(&out.stdout);
    assert_eq!(rows.len(), 2);
    let first = &rows[0]["windows"][0];
    assert_eq!(
        first["ids"].as_array().unwrap().len(),
        first["weights"].as_array().unwrap().len()
    );
    assert!(first["ids"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i.as_u64().unwrap() < 1000));
    // 40 tokens: windows of 32 with stride 16 → two windows.
    assert_eq!(rows[1]["windows"].as_array().unwrap().len(), 2);

    let out = ftgate(&["featurize", "--feature-version"]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        ftgate::features::FEATURE_VERSION
    );

    let out = ftgate(&["featurize", "--buckets", "zero"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("expected a positive integer, found `zero`")
    );
}
