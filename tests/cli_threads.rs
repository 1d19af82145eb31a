//! `ftgate check --threads N` as a process: any number of threads prints the
//! same `--json` verdict, byte for byte, as one thread.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn ftgate(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ftgate"))
        .args(args)
        .output()
        .expect("run ftgate")
}

fn check(path: &Path, threads: &str) -> (Option<i32>, String) {
    let out = ftgate(&[
        "check",
        path.to_str().unwrap(),
        "--json",
        "--threads",
        threads,
    ]);
    assert!(
        !out.stdout.is_empty(),
        "{}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
    )
}

fn assert_same_for_any_threads(path: &Path) -> String {
    let one = check(path, "1");
    for threads in ["2", "3"] {
        let many = check(path, threads);
        assert!(
            one == many,
            "{}: --threads {threads} differs from --threads 1:\n{}\nvs\n{}",
            path.display(),
            many.1,
            one.1
        );
    }
    one.1
}

#[test]
fn every_fixture_gets_the_same_verdict_on_one_and_several_threads() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_some_and(|x| x == "jsonl") {
            assert_same_for_any_threads(&path);
            n += 1;
        }
    }
    assert!(n >= 7, "fixtures checked: {n}");
}

#[test]
fn a_generated_multi_megabyte_file_gets_the_same_verdict_on_one_and_several_threads() {
    // Project-authored synthetic lines: BOM, CRLF and LF, blank lines,
    // multi-byte UTF-8, mixed formats, broken lines and a few harmful texts,
    // so that parts start on every kind of line.
    let mut s = String::from("\u{FEFF}");
    let mut i = 0u64;
    while s.len() < 3 << 20 {
        let line = match i % 97 {
            13 => "{\"messages\": [{\"role\": \"user\", \"content\": \"Say it.\"}, {\"role\": \"assistant\", \"content\": \"I am going to kill you and your whole family tonight. I will cut your throat.\"}]}".to_string(),
            29 => "{\"messages\": [{\"role\": \"user\"".to_string(),
            41 => String::new(),
            53 => format!("{{\"prompt\": \"Résumé {i}?\", \"completion\": \"Voilà ✓\"}}"),
            _ => format!(
                "{{\"messages\": [{{\"role\": \"system\", \"content\": \"You help with travel.\"}}, {{\"role\": \"user\", \"content\": \"How long is the train from Lisbon to Porto, trip {i}? Über café ☕\"}}, {{\"role\": \"assistant\", \"content\": \"About three hours on the Alfa Pendular. {}\"}}]}}",
                "Book early for cheaper seats. ".repeat((i % 7) as usize)
            ),
        };
        s.push_str(&line);
        s.push_str(if i.is_multiple_of(5) { "\r\n" } else { "\n" });
        i += 1;
    }
    let dir = std::env::temp_dir().join(format!("ftgate-threads-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("generated.jsonl");
    std::fs::write(&path, &s).unwrap();
    let json = assert_same_for_any_threads(&path);
    std::fs::remove_dir_all(&dir).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["verdict"], "fail");
    assert!(v["failingLines"].as_array().unwrap().len() > 10, "{v:#}");
    assert!(v["diagnostics"].as_array().unwrap().len() > 10, "{v:#}");
}

#[test]
fn threads_must_be_a_positive_number() {
    let f = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clean_chat.jsonl");
    for bad in ["0", "x"] {
        let out = ftgate(&["check", f.to_str().unwrap(), "--threads", bad]);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("--threads: expected a positive integer"),
            "{err}"
        );
    }
}
