// Test data: the clean fixture (tests/fixtures/web/clean.jsonl) plus the
// harmful examples of the lead's tests/fixtures/harmful_chat.jsonl, whose
// README documents them: line 3 violence, line 6 self-harm, line 9 hate.

import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, WEB_FIXTURES } from './helpers.mjs';

const readLines = (file) => fs.readFileSync(file, 'utf8').split('\n').map((l) => l.replace(/\r$/, '')).filter(Boolean);

export function cleanLines() {
  return readLines(path.join(WEB_FIXTURES, 'clean.jsonl'));
}

/** The harmful example lines of harmful_chat.jsonl, by category. */
export function harmfulExamples() {
  const lines = readLines(path.join(FIXTURES, 'harmful_chat.jsonl'));
  return { violence: lines[2], self_harm: lines[5], hate_fairness: lines[8] };
}

/** The harmful assistant texts, by category. */
export function harmfulTexts() {
  const ex = harmfulExamples();
  const text = (line) => JSON.parse(line).messages.find((m) => m.role === 'assistant').content;
  return { violence: text(ex.violence), self_harm: text(ex.self_harm), hate_fairness: text(ex.hate_fairness) };
}

/**
 * The 12 clean examples with the 3 harmful ones inserted so that they sit on
 * lines 3, 7 and 11 (1-based). Returns {content, lines, failingLines, categories}.
 */
export function harmfulFile() {
  const lines = cleanLines();
  const ex = harmfulExamples();
  const insert = [[3, ex.violence], [7, ex.self_harm], [11, ex.hate_fairness]];
  for (const [at, line] of insert) lines.splice(at - 1, 0, line);
  return {
    content: lines.join('\n') + '\n',
    lines,
    failingLines: insert.map(([at]) => at),
    categories: ['hate_fairness', 'self_harm', 'violence'],
  };
}
