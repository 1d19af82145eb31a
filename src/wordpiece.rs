//! BERT uncased word-piece tokenization, as the HuggingFace tokenizer of
//! all-MiniLM-L6-v2 does it (BertNormalizer with clean text, CJK spacing,
//! accent stripping and lowercasing; BertPreTokenizer; WordPiece with `##`
//! continuations and `[UNK]`), so the confirmer sees the ids it was trained
//! on. `tests/wordpiece.rs` compares it with the Python tokenizer.

use std::collections::HashMap;
use std::fmt;
use unicode_general_category::{get_general_category, GeneralCategory as G};
use unicode_normalization::char::decompose_canonical;

/// Words longer than this (in chars) become one `[UNK]`, as in BERT.
pub const MAX_WORD_CHARS: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VocabError(pub String);

impl fmt::Display for VocabError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for VocabError {}

pub struct WordPiece {
    vocab: HashMap<String, u32>,
    cls: u32,
    sep: u32,
    pad: u32,
    unk: u32,
}

impl fmt::Debug for WordPiece {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WordPiece")
            .field("tokens", &self.vocab.len())
            .finish_non_exhaustive()
    }
}

fn is_control(c: char) -> bool {
    !matches!(c, '\t' | '\n' | '\r')
        && matches!(
            get_general_category(c),
            G::Control | G::Format | G::Unassigned | G::PrivateUse | G::Surrogate
        )
}

fn is_whitespace(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || c.is_whitespace()
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            get_general_category(c),
            G::ConnectorPunctuation
                | G::DashPunctuation
                | G::OpenPunctuation
                | G::ClosePunctuation
                | G::InitialPunctuation
                | G::FinalPunctuation
                | G::OtherPunctuation
        )
}

/// The CJK ideograph blocks BERT puts spaces around.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F | 0x2B820..=0x2CEAF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

impl WordPiece {
    /// From vocab.txt: one token per line, the id is the line's index.
    pub fn from_vocab(text: &str) -> Result<WordPiece, VocabError> {
        let mut vocab = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            vocab.entry(line.to_string()).or_insert(i as u32);
        }
        let get = |t: &str| {
            vocab.get(t).copied().ok_or_else(|| {
                VocabError(format!(
                    "expected the special token {t} in the vocabulary ({} tokens), found none",
                    vocab.len()
                ))
            })
        };
        Ok(WordPiece {
            cls: get("[CLS]")?,
            sep: get("[SEP]")?,
            pad: get("[PAD]")?,
            unk: get("[UNK]")?,
            vocab,
        })
    }

    pub fn cls(&self) -> u32 {
        self.cls
    }
    pub fn sep(&self) -> u32 {
        self.sep
    }
    pub fn pad(&self) -> u32 {
        self.pad
    }
    pub fn unk(&self) -> u32 {
        self.unk
    }
    pub fn len(&self) -> usize {
        self.vocab.len()
    }
    pub fn is_empty(&self) -> bool {
        self.vocab.is_empty()
    }

    /// Word-piece ids, no special tokens.
    pub fn encode(&self, text: &str) -> Vec<u32> {
        self.encode_with_offsets(text)
            .into_iter()
            .map(|p| p.0)
            .collect()
    }

    /// Word-piece ids with the byte span in `text` of the characters each
    /// piece came from (char boundaries of `text`; an `[UNK]` spans its
    /// whole word).
    pub fn encode_with_offsets(&self, text: &str) -> Vec<(u32, usize, usize)> {
        let mut out = Vec::new();
        // The current word: normalized chars with their source spans.
        let mut word: Vec<(char, usize, usize)> = Vec::new();
        let mut buf = String::new();
        for (at, c) in text.char_indices() {
            let end = at + c.len_utf8();
            if c == '\0' || c == '\u{fffd}' || is_control(c) {
                continue;
            }
            if is_whitespace(c) {
                self.word(&mut word, &mut buf, &mut out);
                continue;
            }
            if is_cjk(c) {
                self.word(&mut word, &mut buf, &mut out);
                word.push((c, at, end));
                self.word(&mut word, &mut buf, &mut out);
                continue;
            }
            decompose_canonical(c, |d| {
                if get_general_category(d) == G::NonspacingMark {
                    return;
                }
                for l in d.to_lowercase() {
                    if l.is_whitespace() {
                        self.word(&mut word, &mut buf, &mut out);
                    } else if is_punctuation(l) {
                        self.word(&mut word, &mut buf, &mut out);
                        word.push((l, at, end));
                        self.word(&mut word, &mut buf, &mut out);
                    } else {
                        word.push((l, at, end));
                    }
                }
            });
        }
        self.word(&mut word, &mut buf, &mut out);
        out
    }

    /// Greedy longest-match-first word pieces of one word; clears it.
    fn word(
        &self,
        word: &mut Vec<(char, usize, usize)>,
        buf: &mut String,
        out: &mut Vec<(u32, usize, usize)>,
    ) {
        if word.is_empty() {
            return;
        }
        let span = (word[0].1, word[word.len() - 1].2);
        if word.len() > MAX_WORD_CHARS {
            out.push((self.unk, span.0, span.1));
            word.clear();
            return;
        }
        let mark = out.len();
        let mut start = 0;
        while start < word.len() {
            let mut end = word.len();
            let mut found = None;
            while end > start {
                buf.clear();
                if start > 0 {
                    buf.push_str("##");
                }
                buf.extend(word[start..end].iter().map(|w| w.0));
                if let Some(&id) = self.vocab.get(buf.as_str()) {
                    found = Some(id);
                    break;
                }
                end -= 1;
            }
            let Some(id) = found else {
                out.truncate(mark);
                out.push((self.unk, span.0, span.1));
                word.clear();
                return;
            };
            out.push((id, word[start].1, word[end - 1].2));
            start = end;
        }
        word.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> WordPiece {
        WordPiece::from_vocab(
            "[PAD]\n[UNK]\n[CLS]\n[SEP]\nhello\nhell\n##o\n##lo\nworld\n!\ncafe\nun\n##want\n##ed\n中\n",
        )
        .unwrap()
    }

    #[test]
    fn greedy_longest_match_with_continuations() {
        let t = tiny();
        assert_eq!(t.encode("hello"), vec![4]);
        assert_eq!(t.encode("Unwanted, world!"), vec![11, 12, 13, 1, 8, 9]);
        assert_eq!(t.encode("hellox"), vec![1]);
        assert_eq!(t.encode("  \t\r\n "), Vec::<u32>::new());
    }

    #[test]
    fn accents_case_control_and_cjk() {
        let t = tiny();
        assert_eq!(t.encode("CAFÉ\u{200b}"), vec![10]);
        assert_eq!(t.encode("hello中world"), vec![4, 14, 8]);
        assert_eq!(t.encode("hel\u{0}lo"), vec![4]);
    }

    #[test]
    fn long_words_are_one_unknown_with_char_boundary_offsets() {
        let t = tiny();
        let w = "é".repeat(MAX_WORD_CHARS + 1);
        let text = format!("hello {w} world");
        let p = t.encode_with_offsets(&text);
        assert_eq!(p.iter().map(|x| x.0).collect::<Vec<_>>(), vec![4, 1, 8]);
        for (_, a, b) in &p {
            assert!(text.is_char_boundary(*a) && text.is_char_boundary(*b) && a < b);
        }
        assert_eq!(&text[p[1].1..p[1].2], w);
        assert_eq!(&text[p[0].1..p[0].2], "hello");
    }

    #[test]
    fn vocabulary_without_special_tokens_is_refused() {
        let e = WordPiece::from_vocab("a\nb\n").unwrap_err().to_string();
        assert!(e.contains("expected the special token [CLS]"), "{e}");
    }
}
