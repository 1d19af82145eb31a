//! Text → model input. This is the only implementation of the feature step:
//! the training pipeline calls it through `ftgate featurize`, so training and
//! serving cannot drift (see `docs/MODEL_CONTRACT.md`).
//!
//! Steps, all per token so every window keeps its byte span in the original
//! text (findings show the excerpt that scored worst, not just the start):
//! 1. tokenise the original text into runs of word characters;
//! 2. normalise each token: compatibility decomposition, diacritics and
//!    zero-width characters dropped, lowercase, Cyrillic/Greek look-alikes
//!    mapped to Latin, leetspeak digits/symbols mapped to letters, runs of
//!    three or more equal characters collapsed to two;
//! 3. join spaced-out letters (`k i l l` → `kill`);
//! 4. split long token lists into overlapping windows, so harm in a long
//!    text is not diluted by the benign rest (the classifier takes the worst
//!    window);
//! 5. hash word unigrams, word bigrams and character 3–5-grams (FNV-1a) into
//!    `buckets`; weight = 1 + ln(count), L2-normalised per window.

use unicode_normalization::UnicodeNormalization;

/// Bumped whenever anything in this file changes the features; the model's
/// metadata must name the same version or the classifier refuses it.
pub const FEATURE_VERSION: &str = "ngram-v2";
/// Tokens per window. Short enough that one harmful sentence dominates the
/// window it sits in (with 48 tokens, a 15-token threat after a benign
/// paragraph fell from high to safe), long enough to keep local context.
pub const WINDOW_TOKENS: usize = 32;
/// Distance between window starts: windows overlap by half, so any phrase of
/// up to 16 tokens lies whole inside one window.
pub const WINDOW_STRIDE: usize = 16;
/// Character n-grams are taken from at most this many characters of a token
/// (long tokens are URLs, base64 and similar noise).
const MAX_NGRAM_TOKEN_CHARS: usize = 32;

/// One normalised token with its byte span in the original text.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// Sparse features of one window of a text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Window {
    /// Sorted, unique bucket indices.
    pub ids: Vec<u32>,
    /// L2-normalised weights, same order as `ids`.
    pub weights: Vec<f32>,
    /// Byte span of the window in the original text.
    pub start: usize,
    pub end: usize,
}

/// Featurises texts into windows for a model with `buckets` hash buckets.
#[derive(Debug, Clone)]
pub struct Featurizer {
    buckets: u32,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '@' | '$' | '*' | '\'' | '\u{2019}')
        || is_invisible(c)
        || is_mark(c)
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Cyrillic and Greek letters that look like Latin ones, after lowercasing.
fn confusable(c: char) -> char {
    match c {
        'а' | 'α' => 'a',
        'в' | 'β' => 'b',
        'с' | 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'ε' | 'ё' => 'e',
        'ɡ' => 'g',
        'һ' | 'η' => 'h',
        'і' | 'ι' | 'ї' => 'i',
        'ј' => 'j',
        'к' | 'κ' => 'k',
        'м' => 'm',
        'п' => 'n',
        'о' | 'ο' | 'σ' => 'o',
        'р' | 'ρ' => 'p',
        'ԛ' => 'q',
        'ѕ' => 's',
        'т' | 'τ' => 't',
        'υ' => 'u',
        'ν' => 'v',
        'ԝ' | 'ω' => 'w',
        'х' | 'χ' => 'x',
        'у' | 'γ' => 'y',
        _ => c,
    }
}

fn leet(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' | '!' => 'i',
        '3' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '7' => 't',
        '8' => 'b',
        _ => return None,
    })
}

/// Normalises one raw token; returns an empty string for tokens that carry
/// nothing (only apostrophes, asterisks, marks).
pub fn normalize_token(raw: &str) -> String {
    let mut chars: Vec<char> = Vec::with_capacity(raw.len());
    if raw.is_ascii() {
        chars.extend(raw.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        for c in raw.nfkd() {
            if is_mark(c) || is_invisible(c) {
                continue;
            }
            for l in c.to_lowercase() {
                chars.push(confusable(l));
            }
        }
    }
    let has_letter = chars.iter().any(|c| c.is_alphabetic());
    let all_digits = !chars.is_empty() && chars.iter().all(|c| c.is_ascii_digit());
    if all_digits {
        // Numbers carry little signal and many distinct values: one class.
        return "0".to_string();
    }
    let mut out = String::with_capacity(chars.len());
    let mut prev: Option<char> = None;
    let mut run = 0;
    for c in chars {
        let c = if has_letter { leet(c).unwrap_or(c) } else { c };
        if matches!(c, '\'' | '\u{2019}' | '*' | '@' | '$') {
            continue;
        }
        if Some(c) == prev {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        prev = Some(c);
        out.push(c);
    }
    out
}

/// Splits `text` into normalised tokens with their byte spans, joining runs of
/// three or more single letters (`k i l l`, `k.i.l.l`).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut raw: Vec<Token> = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            push_token(&mut raw, text, s, i);
        }
    }
    if let Some(s) = start {
        push_token(&mut raw, text, s, text.len());
    }
    join_spaced_letters(raw)
}

fn push_token(out: &mut Vec<Token>, text: &str, start: usize, end: usize) {
    let norm = normalize_token(&text[start..end]);
    if !norm.is_empty() {
        out.push(Token {
            text: norm,
            start,
            end,
        });
    }
}

fn is_single_letter(t: &Token) -> bool {
    let mut cs = t.text.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
}

fn join_spaced_letters(tokens: Vec<Token>) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let mut j = i;
        while j < tokens.len() && is_single_letter(&tokens[j]) {
            j += 1;
        }
        if j - i >= 3 {
            let text: String = tokens[i..j].iter().map(|t| t.text.as_str()).collect();
            out.push(Token {
                text,
                start: tokens[i].start,
                end: tokens[j - 1].end,
            });
            i = j;
        } else {
            out.push(tokens[i].clone());
            i += 1;
        }
    }
    out
}

pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over `bytes` from state `h` (also the demo personas' text hash).
#[inline]
pub(crate) const fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(FNV_PRIME);
        i += 1;
    }
    h
}

/// Start offsets of the windows over `n` tokens.
pub fn window_starts(n: usize) -> Vec<usize> {
    if n <= WINDOW_TOKENS {
        return vec![0];
    }
    let mut starts: Vec<usize> = (0..)
        .map(|k| k * WINDOW_STRIDE)
        .take_while(|&s| s + WINDOW_TOKENS < n)
        .collect();
    // The last window ends exactly at the last token.
    starts.push(n - WINDOW_TOKENS);
    starts
}

impl Featurizer {
    pub fn new(buckets: u32) -> Self {
        assert!(buckets > 0, "buckets must be positive");
        Featurizer { buckets }
    }

    pub fn buckets(&self) -> u32 {
        self.buckets
    }

    /// Features of every window of `text` (at least one window; an empty
    /// text gives one window without ids).
    pub fn windows(&self, text: &str) -> Vec<Window> {
        let tokens = tokenize(text);
        // Each token's ids (word and character n-grams) and each adjacent
        // pair's bigram id are hashed once, although most tokens lie in two
        // overlapping windows: a window's ids are the same multiset either
        // way, and sorting makes the order irrelevant.
        let b = self.buckets as u64;
        let mut token_ids: Vec<u32> = Vec::with_capacity(tokens.len() * 16);
        let mut token_at: Vec<usize> = Vec::with_capacity(tokens.len() + 1);
        token_at.push(0);
        let mut ngram_buf: Vec<u8> = Vec::with_capacity(4 * MAX_NGRAM_TOKEN_CHARS + 2);
        let mut offsets: Vec<usize> = Vec::with_capacity(MAX_NGRAM_TOKEN_CHARS + 3);
        for t in &tokens {
            token_ids.push((fnv(WORD_PREFIX, t.text.as_bytes()) % b) as u32);
            char_ngram_ids(&t.text, b, &mut ngram_buf, &mut offsets, &mut token_ids);
            token_at.push(token_ids.len());
        }
        let bigrams: Vec<u32> = tokens
            .windows(2)
            .map(|p| {
                let h = fnv(
                    fnv(fnv(BIGRAM_PREFIX, p[0].text.as_bytes()), b" "),
                    p[1].text.as_bytes(),
                );
                (h % b) as u32
            })
            .collect();
        let mut ids: Vec<u32> = Vec::new();
        window_starts(tokens.len())
            .into_iter()
            .map(|s| {
                let e = (s + WINDOW_TOKENS).min(tokens.len());
                ids.clear();
                ids.extend_from_slice(&token_ids[token_at[s]..token_at[e]]);
                if e > s {
                    ids.extend_from_slice(&bigrams[s..e - 1]);
                }
                let mut w = weigh(&mut ids);
                if e > s {
                    w.start = tokens[s].start;
                    w.end = tokens[e - 1].end;
                }
                w
            })
            .collect()
    }
}

/// FNV-1a states after the feature-kind prefixes (`w|`, `b|`, `c|`).
const WORD_PREFIX: u64 = fnv(FNV_OFFSET, b"w|");
const BIGRAM_PREFIX: u64 = fnv(FNV_OFFSET, b"b|");
const CHAR_PREFIX: u64 = fnv(FNV_OFFSET, b"c|");

/// Character 3–5-grams of `"<token>"` over char boundaries (at most
/// [`MAX_NGRAM_TOKEN_CHARS`] characters of the token), appended to `out`.
fn char_ngram_ids(
    token: &str,
    b: u64,
    buf: &mut Vec<u8>,
    offsets: &mut Vec<usize>,
    out: &mut Vec<u32>,
) {
    buf.clear();
    buf.push(b'<');
    offsets.clear();
    offsets.push(0);
    for c in token.chars().take(MAX_NGRAM_TOKEN_CHARS) {
        let mut tmp = [0u8; 4];
        buf.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
        offsets.push(buf.len() - c.len_utf8());
    }
    offsets.push(buf.len());
    buf.push(b'>');
    offsets.push(buf.len());
    // offsets[i] = byte start of char i in buf; last entry = len.
    let nchars = offsets.len() - 1;
    for n in 3..=5 {
        if nchars < n {
            break;
        }
        for i in 0..=nchars - n {
            let h = fnv(CHAR_PREFIX, &buf[offsets[i]..offsets[i + n]]);
            out.push((h % b) as u32);
        }
    }
}

/// Sorted unique ids with weight 1 + ln(count), L2-normalised.
fn weigh(ids: &mut [u32]) -> Window {
    ids.sort_unstable();
    let mut out = Window {
        ids: Vec::with_capacity(ids.len()),
        weights: Vec::with_capacity(ids.len()),
        ..Window::default()
    };
    let mut i = 0;
    let mut norm = 0f32;
    while i < ids.len() {
        let mut j = i + 1;
        while j < ids.len() && ids[j] == ids[i] {
            j += 1;
        }
        // ln(1) is exactly 0, so most ids skip the logarithm.
        let wt = if j - i == 1 {
            1.0
        } else {
            1.0 + ((j - i) as f32).ln()
        };
        out.ids.push(ids[i]);
        out.weights.push(wt);
        norm += wt * wt;
        i = j;
    }
    if norm > 0.0 {
        let inv = 1.0 / norm.sqrt();
        out.weights.iter_mut().for_each(|w| *w *= inv);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn normalises_case_leet_lookalikes_and_repeats() {
        assert_eq!(words("KILL"), vec!["kill"]);
        assert_eq!(words("k1ll h4te"), vec!["kill", "hate"]);
        // Cyrillic а and о in an otherwise Latin word.
        assert_eq!(words("h\u{0430}te l\u{043e}ve"), vec!["hate", "love"]);
        assert_eq!(words("kiiiiill"), vec!["kiill"]);
        assert_eq!(words("caf\u{00e9} ｋｉｌｌ"), vec!["cafe", "kill"]);
        assert_eq!(words("don't f*ck"), vec!["dont", "fck"]);
        assert_eq!(words("z\u{200b}ero"), vec!["zero"]);
        assert_eq!(words("in 2024 we"), vec!["in", "0", "we"]);
    }

    #[test]
    fn joins_spaced_letters_and_keeps_spans() {
        let t = tokenize("I will k i l l you");
        let w: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(w, vec!["i", "will", "kill", "you"]);
        assert_eq!(&"I will k i l l you"[t[2].start..t[2].end], "k i l l");
        assert_eq!(words("k.i.l.l"), vec!["kill"]);
        // Two single letters are not joined.
        assert_eq!(words("a b"), vec!["a", "b"]);
    }

    #[test]
    fn windows_cover_long_texts_with_overlap() {
        assert_eq!(window_starts(0), vec![0]);
        assert_eq!(window_starts(32), vec![0]);
        assert_eq!(window_starts(33), vec![0, 1]);
        assert_eq!(window_starts(100), vec![0, 16, 32, 48, 64, 68]);
        let text = "word ".repeat(200);
        let f = Featurizer::new(1 << 17);
        let ws = f.windows(&text);
        assert_eq!(ws.len(), window_starts(200).len());
        assert_eq!(ws.last().unwrap().end, text.trim_end().len());
    }

    #[test]
    fn features_are_sorted_unique_normalised_and_in_range() {
        let f = Featurizer::new(1000);
        let ws = f.windows("The cat sat on the mat, the cat.");
        assert_eq!(ws.len(), 1);
        let w = &ws[0];
        assert!(w.ids.windows(2).all(|p| p[0] < p[1]));
        assert!(w.ids.iter().all(|&i| i < 1000));
        let norm: f32 = w.weights.iter().map(|x| x * x).sum();
        assert!((norm - 1.0).abs() < 1e-5);
        assert_eq!(f.windows("")[0].ids.len(), 0);
    }

    #[test]
    fn obfuscated_spelling_gives_the_same_features() {
        let f = Featurizer::new(1 << 17);
        assert_eq!(
            f.windows("I will kill you")[0].ids,
            f.windows("I w1ll K I L L y0u")[0].ids
        );
    }

    /// The straightforward form of [`Featurizer::windows`]: every window
    /// hashes its own tokens. The shipped form hashes each token once; both
    /// must give bit-identical windows (the model depends on them).
    fn windows_one_by_one(f: &Featurizer, text: &str) -> Vec<Window> {
        let tokens = tokenize(text);
        let b = f.buckets as u64;
        window_starts(tokens.len())
            .into_iter()
            .map(|s| {
                let toks = &tokens[s..(s + WINDOW_TOKENS).min(tokens.len())];
                let mut ids = Vec::new();
                for (k, t) in toks.iter().enumerate() {
                    ids.push((fnv(fnv(FNV_OFFSET, b"w|"), t.text.as_bytes()) % b) as u32);
                    if k + 1 < toks.len() {
                        let h = fnv(
                            fnv(fnv(fnv(FNV_OFFSET, b"b|"), t.text.as_bytes()), b" "),
                            toks[k + 1].text.as_bytes(),
                        );
                        ids.push((h % b) as u32);
                    }
                    let chars: Vec<char> = t.text.chars().take(MAX_NGRAM_TOKEN_CHARS).collect();
                    let padded: Vec<String> = std::iter::once("<".to_string())
                        .chain(chars.iter().map(|c| c.to_string()))
                        .chain(std::iter::once(">".to_string()))
                        .collect();
                    for n in 3..=5 {
                        for g in padded.windows(n) {
                            let h = fnv(fnv(FNV_OFFSET, b"c|"), g.concat().as_bytes());
                            ids.push((h % b) as u32);
                        }
                    }
                }
                ids.sort_unstable();
                let mut w = Window::default();
                let mut norm = 0f32;
                for run in ids.chunk_by(|x, y| x == y) {
                    let wt = 1.0 + (run.len() as f32).ln();
                    w.ids.push(run[0]);
                    w.weights.push(wt);
                    norm += wt * wt;
                }
                if norm > 0.0 {
                    let inv = 1.0 / norm.sqrt();
                    w.weights.iter_mut().for_each(|x| *x *= inv);
                }
                if let (Some(first), Some(last)) = (toks.first(), toks.last()) {
                    w.start = first.start;
                    w.end = last.end;
                }
                w
            })
            .collect()
    }

    #[test]
    fn each_token_hashed_once_gives_the_same_windows_bit_for_bit() {
        let f = Featurizer::new(1 << 17);
        let long = "We reviewed the quarterly report and planned the sprint; kill kill k i l l. "
            .repeat(30);
        let mut texts = vec![
            String::new(),
            "hello".into(),
            "a b".into(),
            "I w1ll K I L L y0u, café ｋｉｌｌ z\u{200b}ero 2024".into(),
            "x".repeat(100),
            "supercalifragilisticexpialidocious-and-then-some-more-letters".into(),
            long,
        ];
        for n in [31, 32, 33, 47, 48, 49, 64, 65, 200] {
            texts.push((0..n).map(|i| format!("w{} ", i % 7)).collect());
        }
        for t in &texts {
            let fast = f.windows(t);
            let slow = windows_one_by_one(&f, t);
            assert_eq!(fast.len(), slow.len(), "{t:?}");
            for (a, b) in fast.iter().zip(&slow) {
                assert_eq!(a.ids, b.ids, "{t:?}");
                let bits = |w: &Window| w.weights.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(a), bits(b), "{t:?}");
                assert_eq!((a.start, a.end), (b.start, b.end), "{t:?}");
            }
        }
    }

    #[test]
    fn hashes_are_stable() {
        // Golden values: changing them changes every model's input.
        let f = Featurizer::new(1 << 17);
        let w = &f.windows("hello")[0];
        // "<hello>": 1 word + 5 trigrams + 4 four-grams + 3 five-grams.
        assert_eq!(w.ids.len(), 13);
        assert_eq!(fnv(FNV_OFFSET, b"a"), 0xaf63dc4c8601ec8c);
    }
}
