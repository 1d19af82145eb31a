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
    /// `buckets - 1` when `buckets` is a power of two (as in every shipped
    /// model): `h & mask == h % buckets`, without a 64-bit division per id.
    mask: Option<u64>,
    /// `1 + ln(count)` for small counts, so most repeated ids skip the
    /// logarithm; same expression as [`count_weight`], so the same bits.
    count_weights: [f32; COUNT_WEIGHTS],
}

const COUNT_WEIGHTS: usize = 64;

/// Weight of an id that occurs `count` times in a window.
fn count_weight(count: usize) -> f32 {
    1.0 + (count as f32).ln()
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
    let mut out = String::new();
    normalize_into(raw, &mut out, &mut Vec::new());
    out
}

/// [`normalize_token`], appending to `out` (`chars` is scratch space), so a
/// text's tokens share one buffer instead of one `String` each: allocation
/// was ~10 % of a check.
fn normalize_into(raw: &str, out: &mut String, chars: &mut Vec<char>) {
    if raw.is_ascii() {
        // ASCII (almost every token) needs neither NFKD nor the per-char
        // Unicode mappings, nor a copy of its chars: for ASCII the Unicode
        // predicates below are their ASCII forms.
        let bytes = raw.as_bytes();
        if !bytes.is_empty() && bytes.iter().all(u8::is_ascii_digit) {
            out.push('0');
            return;
        }
        let has_letter = bytes.iter().any(u8::is_ascii_alphabetic);
        let lower = bytes.iter().map(|b| b.to_ascii_lowercase() as char);
        push_normalized(lower, has_letter, out);
        return;
    }
    chars.clear();
    for c in raw.nfkd() {
        if is_mark(c) || is_invisible(c) {
            continue;
        }
        for l in c.to_lowercase() {
            chars.push(confusable(l));
        }
    }
    let has_letter = chars.iter().any(|c| c.is_alphabetic());
    let all_digits = !chars.is_empty() && chars.iter().all(|c| c.is_ascii_digit());
    if all_digits {
        // Numbers carry little signal and many distinct values: one class.
        out.push('0');
        return;
    }
    push_normalized(chars.iter().copied(), has_letter, out);
}

/// The last step of [`normalize_token`] on lowercased, mapped `chars`:
/// leetspeak (only in tokens with a letter), `' * @ $` dropped, runs of three
/// or more equal characters collapsed to two.
#[inline]
fn push_normalized(chars: impl Iterator<Item = char>, has_letter: bool, out: &mut String) {
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
}

/// Splits `text` into normalised tokens with their byte spans, joining runs of
/// three or more single letters (`k i l l`, `k.i.l.l`).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut buf = TokenBuf::default();
    buf.fill(text);
    buf.toks
        .iter()
        .map(|t| Token {
            text: buf.text(t).to_string(),
            start: t.start,
            end: t.end,
        })
        .collect()
}

/// The normalised tokens of one text, in one buffer ([`tokenize`] without a
/// `String` per token).
#[derive(Debug, Default)]
struct TokenBuf {
    /// Every token's normalised text, back to back in token order.
    text: String,
    toks: Vec<TokRef>,
    /// Scratch for [`normalize_into`].
    chars: Vec<char>,
}

/// A token of a [`TokenBuf`]: its text is `text[lo..hi]`, its span in the
/// original text `start..end`.
#[derive(Debug, Clone, Copy)]
struct TokRef {
    lo: usize,
    hi: usize,
    start: usize,
    end: usize,
}

impl TokenBuf {
    fn text(&self, t: &TokRef) -> &str {
        &self.text[t.lo..t.hi]
    }

    /// Tokenises `text` into this buffer, replacing what it held.
    fn fill(&mut self, text: &str) {
        self.text.clear();
        self.toks.clear();
        let mut start: Option<usize> = None;
        for (i, c) in text.char_indices() {
            if is_word_char(c) {
                if start.is_none() {
                    start = Some(i);
                }
            } else if let Some(s) = start.take() {
                self.push(text, s, i);
            }
        }
        if let Some(s) = start {
            self.push(text, s, text.len());
        }
        self.join_spaced_letters();
    }

    fn push(&mut self, text: &str, start: usize, end: usize) {
        let lo = self.text.len();
        normalize_into(&text[start..end], &mut self.text, &mut self.chars);
        // A token that normalises to nothing added nothing to `text`.
        if self.text.len() > lo {
            self.toks.push(TokRef {
                lo,
                hi: self.text.len(),
                start,
                end,
            });
        }
    }

    fn is_single_letter(&self, t: &TokRef) -> bool {
        let mut cs = self.text(t).chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
    }

    /// Joins runs of three or more single-letter tokens in place. Their texts
    /// are adjacent in `text`, so the joined token's text is the range from
    /// the first to the last.
    fn join_spaced_letters(&mut self) {
        let n = self.toks.len();
        let mut kept = 0;
        let mut i = 0;
        while i < n {
            let mut j = i;
            while j < n && self.is_single_letter(&self.toks[j]) {
                j += 1;
            }
            let t = if j - i >= 3 {
                let (first, last) = (self.toks[i], self.toks[j - 1]);
                i = j;
                TokRef {
                    lo: first.lo,
                    hi: last.hi,
                    start: first.start,
                    end: last.end,
                }
            } else {
                i += 1;
                self.toks[i - 1]
            };
            // kept < i: this only overwrites tokens already read.
            self.toks[kept] = t;
            kept += 1;
        }
        self.toks.truncate(kept);
    }
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
        let mut count_weights = [0f32; COUNT_WEIGHTS];
        for (k, w) in count_weights.iter_mut().enumerate() {
            // black_box: the weights must come from the runtime `ln` that
            // `count_weight` calls for larger counts, never from the
            // compiler folding the constant with another libm.
            *w = count_weight(std::hint::black_box(k));
        }
        Featurizer {
            buckets,
            mask: buckets.is_power_of_two().then_some(u64::from(buckets) - 1),
            count_weights,
        }
    }

    pub fn buckets(&self) -> u32 {
        self.buckets
    }

    #[inline]
    fn bucket(&self, h: u64) -> u32 {
        match self.mask {
            Some(m) => (h & m) as u32,
            None => (h % u64::from(self.buckets)) as u32,
        }
    }

    /// Features of every window of `text` (at least one window; an empty
    /// text gives one window without ids).
    pub fn windows(&self, text: &str) -> Vec<Window> {
        let mut tokens = TokenBuf::default();
        tokens.fill(text);
        let toks = &tokens.toks;
        let n = toks.len();
        // Each token's ids (word and character n-grams) and each adjacent
        // pair's bigram id are hashed once, although most tokens lie in two
        // overlapping windows: a window's ids are the same multiset either
        // way, and sorting makes the order irrelevant.
        let mut token_ids: Vec<u32> = Vec::with_capacity(tokens.text.len() * 4 + n);
        let mut token_at: Vec<usize> = Vec::with_capacity(n + 1);
        token_at.push(0);
        let mut ngram_buf: Vec<u8> = Vec::with_capacity(4 * MAX_NGRAM_TOKEN_CHARS + 2);
        let mut offsets: Vec<usize> = Vec::with_capacity(MAX_NGRAM_TOKEN_CHARS + 3);
        for t in toks {
            let word = tokens.text(t);
            token_ids.push(self.bucket(fnv(WORD_PREFIX, word.as_bytes())));
            self.char_ngram_ids(word, &mut ngram_buf, &mut offsets, &mut token_ids);
            token_at.push(token_ids.len());
        }
        let bigrams: Vec<u32> = toks
            .windows(2)
            .map(|p| {
                let h = fnv(BIGRAM_PREFIX, tokens.text(&p[0]).as_bytes());
                self.bucket(fnv(fnv(h, b" "), tokens.text(&p[1]).as_bytes()))
            })
            .collect();
        let span = |s: usize, e: usize, mut w: Window| {
            if e > s {
                w.start = toks[s].start;
                w.end = toks[e - 1].end;
            }
            w
        };
        if n <= WINDOW_TOKENS {
            let mut ids = token_ids;
            ids.extend_from_slice(&bigrams);
            ids.sort_unstable();
            return vec![span(0, n, self.weigh(&ids, &mut WeighScratch::default()))];
        }

        // Windows of 32 tokens at a stride of 16 are unions of 16-token
        // blocks: each block's ids (its tokens' and the bigrams inside it)
        // are sorted once, and a window merges its blocks with the few ids
        // not in them (the bigram across the blocks; for the last window,
        // which ends at the last token, the tokens outside whole blocks).
        // Sorting every window's ids from scratch sorted each id twice
        // (12 % of a check).
        const BLOCK: usize = WINDOW_STRIDE;
        let mut block_ids: Vec<u32> = Vec::with_capacity(token_ids.len() + bigrams.len());
        let mut block_at: Vec<usize> = vec![0];
        for b in 0..n / BLOCK {
            let (s, e) = (b * BLOCK, (b + 1) * BLOCK);
            let lo = block_ids.len();
            block_ids.extend_from_slice(&token_ids[token_at[s]..token_at[e]]);
            block_ids.extend_from_slice(&bigrams[s..e - 1]);
            block_ids[lo..].sort_unstable();
            block_at.push(block_ids.len());
        }
        let mut merged: Vec<u32> = Vec::new();
        let mut tmp: Vec<u32> = Vec::new();
        let mut scratch = WeighScratch::default();
        window_starts(n)
            .into_iter()
            .map(|s| {
                let e = s + WINDOW_TOKENS;
                // Whole blocks in the window: tokens c0..c1.
                let (c0, c1) = (s.div_ceil(BLOCK) * BLOCK, e / BLOCK * BLOCK);
                merged.clear();
                merged.extend_from_slice(&token_ids[token_at[s]..token_at[c0]]);
                merged.extend_from_slice(&token_ids[token_at[c1]..token_at[e]]);
                // Bigrams not inside one of those blocks.
                merged.extend(
                    (s..e - 1)
                        .filter(|&k| !(c0 <= k && k + 1 < c1 && k / BLOCK == (k + 1) / BLOCK))
                        .map(|k| bigrams[k]),
                );
                merged.sort_unstable();
                for b in c0 / BLOCK..c1 / BLOCK {
                    merge_sorted(&merged, &block_ids[block_at[b]..block_at[b + 1]], &mut tmp);
                    std::mem::swap(&mut merged, &mut tmp);
                }
                span(s, e, self.weigh(&merged, &mut scratch))
            })
            .collect()
    }

    /// Character 3–5-grams of `"<token>"` over char boundaries (at most
    /// [`MAX_NGRAM_TOKEN_CHARS`] characters of the token), appended to `out`.
    fn char_ngram_ids(
        &self,
        token: &str,
        buf: &mut Vec<u8>,
        offsets: &mut Vec<usize>,
        out: &mut Vec<u32>,
    ) {
        buf.clear();
        buf.push(b'<');
        offsets.clear();
        if token.is_ascii() {
            // One byte per char: no decoding.
            let t = &token.as_bytes()[..token.len().min(MAX_NGRAM_TOKEN_CHARS)];
            buf.extend_from_slice(t);
            buf.push(b'>');
            offsets.extend(0..=buf.len());
        } else {
            offsets.push(0);
            for c in token.chars().take(MAX_NGRAM_TOKEN_CHARS) {
                offsets.push(buf.len());
                let mut tmp = [0u8; 4];
                buf.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
            }
            offsets.push(buf.len());
            buf.push(b'>');
            offsets.push(buf.len());
        }
        // offsets[i] = byte start of char i in buf; last entry = len.
        let nchars = offsets.len() - 1;
        let unit = |i: usize| &buf[offsets[i]..offsets[i + 1]];
        // FNV-1a is sequential, so the 3-, 4- and 5-gram starting at one
        // char extend one hash instead of hashing 12 chars.
        for i in 0..nchars.saturating_sub(2) {
            let mut h = fnv(fnv(fnv(CHAR_PREFIX, unit(i)), unit(i + 1)), unit(i + 2));
            out.push(self.bucket(h));
            for k in i + 3..nchars.min(i + 5) {
                h = fnv(h, unit(k));
                out.push(self.bucket(h));
            }
        }
    }

    /// Unique ids of the sorted `ids` with weight 1 + ln(count),
    /// L2-normalised (`scratch` is reused between calls).
    fn weigh(&self, ids: &[u32], scratch: &mut WeighScratch) -> Window {
        let Some((&first, rest)) = ids.split_first() else {
            return Window::default();
        };
        // Run lengths without a branch per id (whether an id repeats is
        // unpredictable): every step writes the current run's unique id and
        // count, and a new id moves to the next slot.
        let WeighScratch { uniq, counts } = scratch;
        if uniq.len() < ids.len() {
            uniq.resize(ids.len(), 0);
            counts.resize(ids.len(), 0);
        }
        let (mut k, mut cur, mut count) = (0, first, 1);
        uniq[0] = first;
        for &x in rest {
            let new = x != cur;
            counts[k] = count;
            k += usize::from(new);
            count = if new { 1 } else { count + 1 };
            uniq[k] = x;
            cur = x;
        }
        counts[k] = count;
        let uniq = uniq[..=k].to_vec();
        let mut weights: Vec<f32> = counts[..uniq.len()]
            .iter()
            .map(|&c| match self.count_weights.get(c as usize) {
                Some(&w) => w,
                None => count_weight(c as usize),
            })
            .collect();
        // Summed in id order, as always (f32 addition is not associative),
        // and in a loop of its own: next to the `ln` call the sum lived on
        // the stack.
        let norm = weights.iter().fold(0f32, |n, w| n + w * w);
        let inv = 1.0 / norm.sqrt();
        weights.iter_mut().for_each(|w| *w *= inv);
        Window {
            ids: uniq,
            weights,
            ..Window::default()
        }
    }
}

/// FNV-1a states after the feature-kind prefixes (`w|`, `b|`, `c|`).
const WORD_PREFIX: u64 = fnv(FNV_OFFSET, b"w|");
const BIGRAM_PREFIX: u64 = fnv(FNV_OFFSET, b"b|");
const CHAR_PREFIX: u64 = fnv(FNV_OFFSET, b"c|");

/// Buffers for [`Featurizer::weigh`]: unique ids and their counts.
#[derive(Default)]
struct WeighScratch {
    uniq: Vec<u32>,
    counts: Vec<u32>,
}

/// Merges the sorted `a` and `b` into `out` (sorted, duplicates kept).
fn merge_sorted(a: &[u32], b: &[u32], out: &mut Vec<u32>) {
    out.clear();
    out.resize(a.len() + b.len(), 0);
    let (mut i, mut j, mut k) = (0, 0, 0);
    // Which side is smaller is unpredictable for hashed ids: select and
    // advance without branching on it.
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        let take_a = x <= y;
        out[k] = x.min(y);
        i += usize::from(take_a);
        j += usize::from(!take_a);
        k += 1;
    }
    let k = k + a.len() - i;
    out[k - (a.len() - i)..k].copy_from_slice(&a[i..]);
    out[k..].copy_from_slice(&b[j..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The straightforward normalisation (a `String` per token, NFKD for
    /// every token) that the shipped one must match bit for bit.
    /// Normalises one raw token; returns an empty string for tokens that carry
    /// nothing (only apostrophes, asterisks, marks).
    fn reference_normalize_token(raw: &str) -> String {
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
    fn reference_tokenize(text: &str) -> Vec<Token> {
        let mut raw: Vec<Token> = Vec::new();
        let mut start: Option<usize> = None;
        for (i, c) in text.char_indices() {
            if is_word_char(c) {
                if start.is_none() {
                    start = Some(i);
                }
            } else if let Some(s) = start.take() {
                reference_push_token(&mut raw, text, s, i);
            }
        }
        if let Some(s) = start {
            reference_push_token(&mut raw, text, s, text.len());
        }
        reference_join_spaced_letters(raw)
    }

    fn reference_push_token(out: &mut Vec<Token>, text: &str, start: usize, end: usize) {
        let norm = reference_normalize_token(&text[start..end]);
        if !norm.is_empty() {
            out.push(Token {
                text: norm,
                start,
                end,
            });
        }
    }

    fn reference_is_single_letter(t: &Token) -> bool {
        let mut cs = t.text.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
    }

    fn reference_join_spaced_letters(tokens: Vec<Token>) -> Vec<Token> {
        let mut out = Vec::with_capacity(tokens.len());
        let mut i = 0;
        while i < tokens.len() {
            let mut j = i;
            while j < tokens.len() && reference_is_single_letter(&tokens[j]) {
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
        let tokens = reference_tokenize(text);
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

    /// Texts for the bit-identity tests: Unicode, leetspeak, spaced letters,
    /// long tokens, CRLF, repeats, and lengths around every window edge.
    fn varied_texts() -> Vec<String> {
        let long = "We reviewed the quarterly report and planned the sprint; kill kill k i l l. "
            .repeat(30);
        let mut texts = vec![
            String::new(),
            " \r\n\t ".into(),
            "hello".into(),
            "a b".into(),
            "a b c".into(),
            "I w1ll K I L L y0u, café ｋｉｌｌ z\u{200b}ero 2024".into(),
            "x".repeat(100),
            "supercalifragilisticexpialidocious-and-then-some-more-letters".into(),
            "line one\r\nline two\r\n\r\nk.i.l.l\r\n".into(),
            "h4t3 h@te $ex 5h1t 1337 n00b m0th3rf*ck3r don't don’t 'quoted' ***".into(),
            "ÀÉÎÕÜ ñandú Straße ﬁne ⅸ ① ２０２４ Ǆ İstanbul ΣΊΣΥΦΟΣ".into(),
            "Привет мир, hеllо (Cyrillic е and о), αβγ κακό, ԁоց".into(),
            "e\u{301}te\u{301} z\u{200d}w\u{2060}j \u{feff}bom soft\u{ad}hyphen".into(),
            "日本語のテキスト 中文 한국어 العربية עברית हिन्दी 🙂🔥 emoji👍🏽".into(),
            "k i l l y o u r s e l f and s p a c e d o u t, a-b-c d.e.f".into(),
            "zzzzzzzzzz aaaaah !!!! 1111 00000 ---- '''' ééééé l'l'l'l".into(),
            format!("{} tail", "ab".repeat(60)),
            format!("{} end", "ж".repeat(50)),
            "https://example.com/path?q=a1b2c3&x=SGVsbG8gd29ybGQ=".into(),
            "abababababababababababababababab ".repeat(40),
            long,
        ];
        for n in [15, 16, 17, 31, 32, 33, 47, 48, 49, 63, 64, 65, 80, 81, 200] {
            texts.push((0..n).map(|i| format!("w{} ", i % 7)).collect());
            texts.push((0..n).map(|i| format!("t{i}x ")).collect());
        }
        texts
    }

    #[test]
    fn shared_buffer_tokenizer_matches_the_straightforward_one() {
        for t in varied_texts() {
            assert_eq!(tokenize(&t), reference_tokenize(&t), "{t:?}");
            for raw in t.split(|c: char| !is_word_char(c)) {
                assert_eq!(
                    normalize_token(raw),
                    reference_normalize_token(raw),
                    "{raw:?}"
                );
            }
        }
    }

    #[test]
    fn each_token_hashed_once_gives_the_same_windows_bit_for_bit() {
        // 2^17 takes the mask path, 1000 the modulo path.
        for f in [Featurizer::new(1 << 17), Featurizer::new(1000)] {
            for t in &varied_texts() {
                let fast = f.windows(t);
                let slow = windows_one_by_one(&f, t);
                assert_eq!(fast.len(), slow.len(), "{t:?}");
                for (a, b) in fast.iter().zip(&slow) {
                    assert_eq!(a.ids, b.ids, "{t:?}");
                    let bits =
                        |w: &Window| w.weights.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                    assert_eq!(bits(a), bits(b), "{t:?}");
                    assert_eq!((a.start, a.end), (b.start, b.end), "{t:?}");
                }
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
