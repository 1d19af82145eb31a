//! tract reproduces the golden outputs made by `train/make_golden.py` with
//! onnxruntime from the same model file and the same Rust features.

use ftgate::features::Featurizer;
use ftgate::{Category, Classifier};
use serde_json::Value;

fn golden() -> Value {
    let p = format!(
        "{}/tests/golden/model_golden.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn floats(v: &Value) -> Vec<f32> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap() as f32)
        .collect()
}

#[test]
fn golden_file_is_for_the_shipped_model() {
    let g = golden();
    assert_eq!(
        g["model_sha256"],
        ftgate::verdict::sha256_hex(ftgate::embedded_model())
    );
    assert_eq!(g["featureVersion"], ftgate::features::FEATURE_VERSION);
    assert!(g["cases"].as_array().unwrap().len() >= 20);
}

#[test]
fn features_match_the_golden_features() {
    let g = golden();
    let f = Featurizer::new(g["buckets"].as_u64().unwrap() as u32);
    for case in g["cases"].as_array().unwrap() {
        let text = case["text"].as_str().unwrap();
        let ws = f.windows(text);
        let gw = case["windows"].as_array().unwrap();
        assert_eq!(ws.len(), gw.len(), "{text}");
        for (w, g) in ws.iter().zip(gw) {
            let ids: Vec<u32> = g["ids"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_u64().unwrap() as u32)
                .collect();
            assert_eq!(w.ids, ids, "{text}");
            for (a, b) in w.weights.iter().zip(floats(&g["weights"])) {
                assert!((a - b).abs() < 1e-6, "{text}: weight {a} vs {b}");
            }
        }
    }
}

#[test]
fn tract_matches_onnxruntime_with_the_bag_in_rust() {
    let clf = Classifier::from_bytes(ftgate::embedded_model()).unwrap();
    assert!(
        clf.runs_bag_in_rust(),
        "the shipped model's bag should run in Rust"
    );
    matches_onnxruntime(&clf);
}

#[test]
fn tract_matches_onnxruntime_running_the_whole_graph() {
    let clf = Classifier::from_bytes_whole_graph(ftgate::embedded_model()).unwrap();
    assert!(!clf.runs_bag_in_rust());
    matches_onnxruntime(&clf);
}

fn matches_onnxruntime(clf: &Classifier) {
    let g = golden();
    let tol = g["tolerance"].as_f64().unwrap() as f32;
    let cases = g["cases"].as_array().unwrap();
    let texts: Vec<&str> = cases.iter().map(|c| c["text"].as_str().unwrap()).collect();
    let scores = clf.score_texts(&texts).unwrap();
    let mut worst = 0f32;
    for (case, s) in cases.iter().zip(&scores) {
        let want = floats(&case["probs"]);
        for c in Category::ALL {
            let d = (s.probs[c.index()] - want[c.index()]).abs();
            worst = worst.max(d);
            assert!(
                d <= tol,
                "{}: {} tract {} vs onnxruntime {}",
                texts[0],
                c,
                s.probs[c.index()],
                want[c.index()]
            );
            // Severities may differ only where a probability sits on a threshold.
            let t = clf.thresholds(c);
            let near = [t.low, t.medium, t.high]
                .iter()
                .any(|x| (x - want[c.index()]).abs() <= tol);
            if !near {
                assert_eq!(
                    case["severity"][c.name()],
                    s.severity[c.index()].name(),
                    "{}: {c}",
                    case["text"]
                );
            }
        }
    }
    eprintln!("max |tract - onnxruntime| = {worst:e}");
}
