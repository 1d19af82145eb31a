//! src/wordpiece.rs against the HuggingFace tokenizer: the golden ids in
//! tests/fixtures/wordpiece_golden.jsonl (made by train/wordpiece_golden.py),
//! with the vocabulary embedded in the shipped confirmer.

use ftgate::wordpiece::WordPiece;

/// The `ftgate_vocab` metadata entry of the shipped confirmer.
fn vocab() -> String {
    let bytes = ftgate::embedded_confirmer();
    assert!(
        !bytes.is_empty(),
        "models/ftgate-confirmer.onnx is missing: run `make model`"
    );
    ftgate::confirmer::vocab_of(bytes).expect("the confirmer carries its vocabulary")
}

#[test]
fn matches_the_python_tokenizer_on_the_golden_texts() {
    let tok = WordPiece::from_vocab(&vocab()).unwrap();
    let path = std::env::var("FTGATE_WORDPIECE_GOLDEN").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/wordpiece_golden.jsonl"
        )
        .into()
    });
    let golden = std::fs::read_to_string(&path).expect("golden file");
    let mut n = 0;
    let mut wrong = 0;
    let mut bad = Vec::new();
    for line in golden.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = v["text"].as_str().unwrap();
        let want: Vec<u32> = v["ids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap() as u32)
            .collect();
        let got = tok.encode(text);
        if got != want {
            wrong += 1;
            if bad.len() < 10 {
                bad.push(format!("{text:?}\n  expected {want:?}\n  found    {got:?}"));
            }
        }
        n += 1;
    }
    assert!(
        n >= 50,
        "expected at least 50 golden texts in {path}, found {n}"
    );
    assert_eq!(
        wrong,
        0,
        "{wrong} of {n} texts differ; first ones:\n{}",
        bad.join("\n")
    );
}
