//! The confirmer in tract against onnxruntime: tests/fixtures/confirmer_golden.jsonl
//! (train/confirmer_golden.py: the same int8 model, HuggingFace word pieces,
//! one window per call) holds the expected probabilities.

use ftgate::Confirmer;

#[test]
fn tract_matches_onnxruntime_on_the_golden_texts() {
    let conf =
        Confirmer::from_bytes(ftgate::embedded_confirmer()).expect("shipped confirmer loads");
    let golden = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/confirmer_golden.jsonl"
    ))
    .unwrap();
    let rows: Vec<(String, Vec<f32>)> = golden
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let p = v["probs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_f64().unwrap() as f32)
                .collect();
            (v["text"].as_str().unwrap().to_string(), p)
        })
        .collect();
    assert!(
        rows.len() >= 50,
        "expected at least 50 golden texts, found {}",
        rows.len()
    );
    let texts: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    let hints = vec![(0, 0); texts.len()];
    // Batched (padding and masks) in tract vs one window per call in onnxruntime.
    let got = conf.score_texts(&texts, &hints).unwrap();
    let mut worst = (0f32, "");
    for ((text, want), s) in rows.iter().zip(&got) {
        for c in 0..4 {
            let d = (s.probs[c] - want[c * 3 + 1]).abs();
            if d > worst.0 {
                worst = (d, text);
            }
        }
    }
    assert!(
        worst.0 < 2e-3,
        "max |tract - onnxruntime| {} on {:?}",
        worst.0,
        worst.1
    );
}

#[test]
fn a_foreign_confirmer_is_refused() {
    let screen = ftgate::embedded_classifier().unwrap();
    if !screen.has_cascade() {
        // 0.4.0 has no band: it takes no confirmer at all.
        let mut s = screen;
        let e = s
            .set_confirmer(ftgate::embedded_confirmer())
            .unwrap_err()
            .to_string();
        assert!(e.contains("no cascade"), "{e}");
        return;
    }
    let mut s = screen;
    let mut bytes = ftgate::embedded_confirmer().to_vec();
    let n = bytes.len();
    bytes[n - 1] ^= 1;
    let e = s.set_confirmer(&bytes).unwrap_err().to_string();
    assert!(
        e.contains("expected the confirmer the screen is pinned to"),
        "{e}"
    );
}
