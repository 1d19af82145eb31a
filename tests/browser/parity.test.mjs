// 5. Native <-> wasm parity: for every fixture file, the verdict the page
//    computes equals `ftgate check FILE --json` (verdict, message, failed
//    categories, findings with scores within 1e-4, diagnostics, failing
//    lines, receipt). Each file is also checked with tiny read chunks
//    (?chunk=7), so line and UTF-8 boundaries fall inside chunks.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setup, openPage, checkInPage, nativeCheck, problems, FIXTURES, WEB_FIXTURES, FTGATE_BIN } from './helpers.mjs';

const SCORE_TOL = 1e-4;

function fixtureFiles() {
  const list = [];
  for (const dir of [FIXTURES, WEB_FIXTURES]) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).sort()) {
      if (f.endsWith('.jsonl')) list.push(path.join(dir, f));
    }
  }
  return list;
}

const pick = (o, keys) => Object.fromEntries(keys.map((k) => [k, o[k]]));

/** Asserts the page's verdict equals the native one. */
function assertSame(web, native, label) {
  for (const k of ['verdict', 'message', 'failedCategories', 'examples', 'lines', 'failingLines', 'findingsTruncated', 'categories']) {
    assert.deepEqual(web[k], native[k], `${label}: ${k} differs`);
  }
  assert.deepEqual(
    web.diagnostics.map((d) => pick(d, ['line', 'code', 'level', 'message'])),
    native.diagnostics.map((d) => pick(d, ['line', 'code', 'level', 'message'])),
    `${label}: diagnostics differ`,
  );
  assert.equal(web.findings.length, native.findings.length, `${label}: number of findings`);
  web.findings.forEach((f, i) => {
    const n = native.findings[i];
    const keys = ['line', 'messageIndex', 'role', 'category', 'severity', 'excerpt'];
    assert.deepEqual(pick(f, keys), pick(n, keys), `${label}: finding ${i}`);
    assert.ok(Math.abs(f.score - n.score) <= SCORE_TOL, `${label}: finding ${i} score ${f.score} vs native ${n.score}`);
  });
  const rkeys = ['sha256', 'bytes', 'examples', 'modelName', 'modelVersion', 'policyVersion', 'ftgateVersion', 'verdict'];
  assert.deepEqual(pick(web.receipt, rkeys), pick(native.receipt, rkeys), `${label}: receipt differs`);
}

let env;
before(async () => {
  if (!fs.existsSync(FTGATE_BIN)) throw new Error(`native ftgate not found at ${FTGATE_BIN} (build it or set FTGATE_BIN)`);
  env = await setup();
});
after(async () => { if (env) await env.close(); });

test('page verdicts equal the native CLI on every fixture', async () => {
  const files = fixtureFiles();
  assert.ok(files.length >= 2, `fixtures found: ${files}`);
  const { page, rec } = await openPage(env.context, env.server.url);
  // Both builds must embed the same model, or nothing below can agree.
  const info = JSON.parse(spawnSync(FTGATE_BIN, ['info'], { encoding: 'utf8' }).stdout);
  const pageInfo = await page.evaluate(() => window.__ftgateInfo);
  assert.equal(pageInfo.modelSha256, info.modelSha256,
    `the wasm build and ${FTGATE_BIN} are pinned to different models: rebuild the stale one`);
  assert.equal(pageInfo.policyVersion, info.policyVersion);
  assert.equal(pageInfo.ftgateVersion, info.ftgateVersion);
  const { page: tiny, rec: recTiny } = await openPage(env.context, `${env.server.url}?chunk=7`);
  const seen = { pass: 0, fail: 0, findings: 0, diagnostics: 0 };
  for (const file of files) {
    const label = path.relative(FIXTURES, file);
    const native = nativeCheck(file);
    const web = await checkInPage(page, file);
    assertSame(web, native, label);
    if (fs.statSync(file).size <= 256 * 1024) {
      const webTiny = await checkInPage(tiny, file);
      assertSame(webTiny, native, `${label} (7-byte chunks)`);
    }
    seen[native.verdict]++;
    seen.findings += native.findings.length;
    seen.diagnostics += native.diagnostics.length;
  }
  // The comparison covered both outcomes, findings and diagnostics.
  assert.ok(seen.pass > 0 && seen.fail > 0, `fixtures cover pass and fail: ${JSON.stringify(seen)}`);
  assert.ok(seen.findings > 0, 'fixtures have findings');
  assert.deepEqual([...problems(rec), ...problems(recTiny)], []);
  await page.close();
  await tiny.close();
});

test('the page and the native CLI agree on a file written on the fly', async () => {
  // Prompt/completion examples with tricky text (Unicode, emoji, zero-width
  // characters): a small file written on the fly.
  const { page } = await openPage(env.context, env.server.url);
  const texts = [
    'The weather is lovely today.',
    'I will hunt you down and break every bone in your body.',
    'Ünïcödé, emoji 🙂 and a zero\u200bwidth space.',
  ];
  const content = texts.map((t) => JSON.stringify({ prompt: t, completion: ' ok' })).join('\n') + '\n';
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ftgate-parity-'));
  try {
    const file = path.join(tmp, 'texts.jsonl');
    fs.writeFileSync(file, content);
    assertSame(await checkInPage(page, file), nativeCheck(file), 'texts.jsonl');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    await page.close();
  }
});

test('a 50 MB line is checked whole and a line over the 64 MiB limit is reported, as natively', async () => {
  // 12 short examples, one ~50 MB answer with a threat three quarters in,
  // one line just over MAX_LINE_BYTES (64 MiB), a last line without newline.
  const filler = 'We reviewed the quarterly report, updated the onboarding docs and planned the next sprint. ';
  const threat = 'I am going to kill you and your whole family tonight, I will cut your throat.';
  const reps = Math.floor(50e6 / filler.length);
  const line = (u, a) => JSON.stringify({ messages: [{ role: 'user', content: u }, { role: 'assistant', content: a }] });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ftgate-bigline-'));
  const file = path.join(tmp, 'bigline.jsonl');
  const fd = fs.openSync(file, 'w');
  try {
    for (let i = 1; i <= 12; i++) fs.writeSync(fd, line(`Question ${i}?`, 'Here is a short, helpful answer.') + '\n');
    fs.writeSync(fd, line('Summarise the meeting notes.', filler.repeat(Math.floor(reps * 3 / 4)) + threat + ' ' + filler.repeat(Math.floor(reps / 4))) + '\n');
    fs.writeSync(fd, line('And this one?', 'x'.repeat(64 * 1024 * 1024)) + '\n');
    fs.writeSync(fd, line('Last question?', 'A short answer.'));
  } finally {
    fs.closeSync(fd);
  }
  const { page, rec } = await openPage(env.context, `${env.server.url}?workers=1`);
  try {
    const native = nativeCheck(file);
    assert.deepEqual(native.failingLines, [13]);
    assert.deepEqual(native.diagnostics.map((d) => [d.line, d.code]), [[14, 'line_too_long']]);
    assert.equal(native.examples, 14);
    const web = await checkInPage(page, file);
    assertSame(web, native, 'bigline.jsonl');
    assert.ok(web.findings.some((f) => f.line === 13 && f.excerpt.includes('kill you')), JSON.stringify(web.findings));
    assert.deepEqual(problems(rec), []);
  } finally {
    await page.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
