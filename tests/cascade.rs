//! The cascade: texts the screen puts at or above its band are re-scored by
//! the confirmer, whose scores replace the screen's; a check that meets such
//! a text without a confirmer waits (`needsConfirmer`) and, once the
//! confirmer is loaded, gives the verdict a check with it from the start
//! gives. The shipped screen (0.4.0) has no band yet, so the band is set
//! here as a model's metadata would set it.

use ftgate::{Check, Classifier, ModelError};

fn screen(band: [f32; 4]) -> Classifier {
    let conf = ftgate::embedded_confirmer();
    ftgate::pinned_classifier(ftgate::embedded_model())
        .unwrap()
        .with_cascade(band, &ftgate::verdict::sha256_hex(conf))
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn texts_at_or_above_the_band_get_the_confirmers_scores() {
    let texts = [
        "How do I bake sourdough bread at home?",
        "I will find you tonight and stab you until you stop breathing.",
    ];
    let mut all = screen([0.0; 4]);
    assert!(matches!(
        all.score_texts(&texts),
        Err(ModelError::ConfirmerNeeded)
    ));
    all.set_confirmer(ftgate::embedded_confirmer()).unwrap();
    let got = all.score_texts(&texts).unwrap();
    let conf = all.confirmer().unwrap();
    let want = conf.score_texts(&texts, &[(0, 0); 2]).unwrap();
    assert_eq!(got, want);
    assert_eq!(all.cascade_counts().confirmed, 2);
    // The stabbing threat is medium+ violence by the confirmer.
    assert!(
        got[1].severity[0] >= ftgate::Severity::Medium,
        "{:?}",
        got[1]
    );
    // A band no text reaches leaves the screen's scores.
    let mut none = screen([1.0; 4]);
    let screen_only = none.screen_texts(&texts).unwrap();
    assert_eq!(none.score_texts(&texts).unwrap(), screen_only);
    none.set_confirmer(ftgate::embedded_confirmer()).unwrap();
    assert_eq!(none.cascade_counts().confirmed, 0);
}

#[test]
fn a_check_waits_for_the_confirmer_and_then_gives_the_same_verdict() {
    for name in [
        "harmful_chat.jsonl",
        "clean_chat.jsonl",
        "benign_support.jsonl",
    ] {
        let bytes = fixture(name);
        let mut ready = screen([0.05; 4]);
        ready.set_confirmer(ftgate::embedded_confirmer()).unwrap();
        let mut c = Check::new();
        c.feed(&ready, &bytes).unwrap();
        let want = c.finish(&ready).unwrap();

        let mut lazy = screen([0.05; 4]);
        let mut c = Check::new();
        let mut waited = false;
        for chunk in bytes.chunks(97) {
            if c.feed(&lazy, chunk).unwrap().needs_confirmer && !waited {
                waited = true;
                lazy.set_confirmer(ftgate::embedded_confirmer()).unwrap();
            }
        }
        if c.end(&lazy).unwrap().needs_confirmer {
            waited = true;
            lazy.set_confirmer(ftgate::embedded_confirmer()).unwrap();
            assert!(!c.end(&lazy).unwrap().needs_confirmer);
        }
        let got = c.finish(&lazy).unwrap();
        assert_eq!(
            serde_json::to_value(&got).unwrap(),
            serde_json::to_value(&want).unwrap(),
            "{name}"
        );
        if name == "harmful_chat.jsonl" {
            assert!(
                waited,
                "the harmful fixture must need the confirmer at band 0.05"
            );
        }
    }
}

#[test]
fn finishing_without_the_needed_confirmer_is_an_error_not_a_verdict() {
    let lazy = screen([0.0; 4]);
    let mut c = Check::new();
    c.feed(&lazy, &fixture("harmful_chat.jsonl")).unwrap();
    assert!(matches!(c.finish(&lazy), Err(ModelError::ConfirmerNeeded)));
}
