#!/usr/bin/env python3
"""Golden word-piece ids for src/wordpiece.rs: the HuggingFace tokenizer of all-MiniLM-L6-v2
(the confirmer's) on project-authored strings that exercise its normalizer (accents, case,
control and zero-width chars, CJK, punctuation, long words). Writes
tests/fixtures/wordpiece_golden.jsonl ({"text", "ids"} per line); tests/wordpiece.rs compares.

  wordpiece_golden.py [--texts FILE.jsonl --out OUT.jsonl]   (other texts, e.g. a local check
                                                             over the dev set; not committed)
"""
from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

# Project-authored.
TEXTS = [
    "", " ", "   \t\n  ", "Hello, world!", "How do I bake sourdough bread at home?",
    "I'm going to the store; do you need anything?", "don't can't won't shouldn't y'all",
    "Email me at jane.doe@example.com or visit https://example.org/a/b?c=1&d=2#frag",
    "Prices rose 3.5% to $1,299.99 on 2026-12-02 at 10:45pm.", "...!!!???;;;:::---___",
    "((nested [brackets] {braces} <angles>))", "café naïve résumé Ångström façade coöperate",
    "Straße groß ß ẞ", "İstanbul ıi İI", "Ελληνικά κείμενα ΣΊΣΥΦΟΣ", "Русский текст Ёжик",
    "中文文本测试，你好世界。", "日本語のテキストとカタカナ", "한국어 텍스트", "ภาษาไทย ทดสอบ",
    "العربية نص تجريبي", "हिन्दी पाठ परीक्षण", "emoji 😀🔥👍🏽 and 👩‍👩‍👧‍👦 family",
    "e\u0301 combining acute, a\u0308 umlaut, n\u0303", "tab\tseparated\tvalues", "crlf\r\nline",
    "nul\x00char", "replacement \ufffd char", "zero\u200bwidth\u200cjoin\u200dchars", "soft\u00adhyphen",
    "nbsp\u00a0space", "ideographic\u3000space", "line\u2028separator", "next\u0085line",
    "bell\x07and\x1bescape", "a" * 99, "b" * 100, "c" * 101, "supercalifragilisticexpialidocious",
    "pneumonoultramicroscopicsilicovolcanoconiosis", "h4x0r l33t sp34k k1ll 5u1c1d3", "UPPER lower MiXeD",
    "snake_case camelCase kebab-case dot.case", "#hashtag @mention $cash", "1/2 ½ ¼ ² ³ ⁴",
    "“smart quotes” ‘single’ «guillemets» „low“", "em—dash en–dash minus−sign", "…ellipsis…",
    "ﬁ ligature ﬀ ﬃ", "Ⅻ roman numeral ⅻ", "ｆｕｌｌｗｉｄｔｈ ＡＢＣ １２３", "math 𝐀𝐁𝐂 𝓍𝓎𝓏",
    "private \ue000 use", "unassigned \U000e0001 tag", "mixed Englishと日本語 text", "x" * 30 + "!" + "y" * 30,
    "The quick brown fox jumps over the lazy dog.", "Can you help me write a cover letter?",
    "What's the capital of Australia?", "My grandmother's recipe calls for 2 cups of flour.",
    "Please summarize this article in three bullet points.", "Translate 'good morning' into Spanish.",
]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts")
    ap.add_argument("--out", default="tests/fixtures/wordpiece_golden.jsonl")
    a = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from encoder_compare import encoder_dir
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(encoder_dir()))
    texts = TEXTS if not a.texts else [json.loads(x)["text"] for x in open(a.texts, encoding="utf-8")]
    with open(a.out, "w", encoding="utf-8") as fh:
        for t in texts:
            ids = tok(t, add_special_tokens=False, truncation=False)["input_ids"]
            fh.write(json.dumps({"text": t, "ids": ids}, ensure_ascii=False) + "\n")
    print(f"{len(texts)} texts -> {a.out}")


if __name__ == "__main__":
    main()
