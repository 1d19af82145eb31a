//! Where the time of a check goes, stage by stage (criterion; prints
//! figures, asserts nothing). Run with `make bench` or
//! `cargo bench --profile fast --bench stages`.
//!
//! Input: a synthetic chat file from `bench/gen.py` (2,000 examples, 1%
//! harmful, project-authored text), held in memory.
//!
//! - `file/floor_serde_json_value`: split lines, `serde_json::from_str::<Value>`
//!   each: the least any JSON-lines reader must do.
//! - `file/reader`: `LineSplitter` + `parse_line` (formats, diagnostics, texts).
//! - `texts/normalise`: tokenisation with normalisation, every text.
//! - `texts/features`: windows and hashed n-grams (includes normalise).
//! - `windows/classifier`: the model on every window (embedding bag in Rust,
//!   MLP in tract); `windows/classifier_whole_graph`: the same model with
//!   tract running the whole graph (before the bag moved to Rust).
//! - `file/check`: the whole `Check` (all of the above plus bookkeeping).
//! - `load/*`: building the classifier from the model bytes (the main part of
//!   the page's time to ready): SHA-256 of the model (the pin), the ONNX
//!   decode + tract optimisation, both.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ftgate::features::{tokenize, Window};
use ftgate::reader::{parse_line, LineSplitter, RawLine};
use std::hint::black_box;
use std::process::Command;
use std::time::Duration;

fn generated_file() -> Vec<u8> {
    let gen = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/gen.py");
    let out = Command::new("python3")
        .args([gen, "--examples", "2000", "--harmful", "0.01"])
        .output()
        .expect("run python3 bench/gen.py");
    assert!(out.status.success(), "bench/gen.py failed");
    out.stdout
}

/// Every text of every example, as the reader extracts them.
fn texts_of(file: &[u8]) -> Vec<String> {
    let mut texts = Vec::new();
    let mut splitter = LineSplitter::default();
    let mut on_line = |l: RawLine<'_>| {
        if let RawLine::Line { number, bytes } = l {
            if let Some(ex) = parse_line(number, bytes).example {
                texts.extend(ex.texts.into_iter().map(|t| t.text));
            }
        }
    };
    splitter.feed(file, &mut on_line);
    splitter.finish(&mut on_line);
    texts
}

fn stages(c: &mut Criterion) {
    let file = generated_file();
    let clf = ftgate::embedded_classifier().expect("shipped model loads");
    let texts = texts_of(&file);
    let windows: Vec<Window> = texts
        .iter()
        .flat_map(|t| clf.featurizer().windows(t))
        .collect();
    let window_refs: Vec<&Window> = windows.iter().collect();
    eprintln!(
        "input: {} bytes, {} texts, {} windows",
        file.len(),
        texts.len(),
        windows.len()
    );

    let mut g = c.benchmark_group("file");
    g.throughput(Throughput::Bytes(file.len() as u64));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(8));
    g.bench_function("floor_serde_json_value", |b| {
        b.iter(|| {
            for line in file.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
                let text = std::str::from_utf8(line).expect("generated UTF-8");
                let v: serde_json::Value = serde_json::from_str(text).expect("generated JSON");
                black_box(v);
            }
        })
    });
    g.bench_function("reader", |b| b.iter(|| black_box(texts_of(&file).len())));
    g.bench_function("check", |b| {
        b.iter(|| black_box(ftgate::check_bytes(&clf, &file).expect("checks")))
    });
    g.finish();

    let mut g = c.benchmark_group("texts");
    g.throughput(Throughput::Elements(texts.len() as u64));
    g.sample_size(10);
    g.bench_function("normalise", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(tokenize(t));
            }
        })
    });
    g.bench_function("features", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(clf.featurizer().windows(t));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("windows");
    g.throughput(Throughput::Elements(windows.len() as u64));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(8));
    g.bench_function("classifier", |b| {
        b.iter(|| black_box(clf.score_windows(&window_refs).expect("scores")))
    });
    let whole = ftgate::Classifier::from_bytes_whole_graph(ftgate::embedded_model())
        .expect("shipped model loads");
    g.bench_function("classifier_whole_graph", |b| {
        b.iter(|| black_box(whole.score_windows(&window_refs).expect("scores")))
    });
    g.finish();

    let model = ftgate::embedded_model();
    let mut g = c.benchmark_group("load");
    g.sample_size(10);
    g.bench_function("model_sha256", |b| {
        b.iter(|| black_box(ftgate::verdict::sha256_hex(model)))
    });
    g.bench_function("classifier_from_bytes", |b| {
        b.iter(|| black_box(ftgate::Classifier::from_bytes(model).expect("loads")))
    });
    g.bench_function("pinned_classifier", |b| {
        b.iter(|| black_box(ftgate::pinned_classifier(model).expect("loads")))
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
