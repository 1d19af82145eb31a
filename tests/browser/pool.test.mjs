// Worker pool (www/pool.js): a file checked in parts by several workers and
// merged gives exactly the single worker's verdict, and the native CLI's
// (scores within 1e-4, as in parity.test.mjs), on every fixture and on a
// generated multi-MB file — with tiny parts and odd read sizes so that part
// boundaries and chunk boundaries fall everywhere.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setup, openPage, checkInPage, nativeCheck, problems, FIXTURES, WEB_FIXTURES, FTGATE_BIN, REPO } from './helpers.mjs';

const SCORE_TOL = 1e-4;
const pick = (o, keys) => Object.fromEntries(keys.map((k) => [k, o[k]]));

function fixtureFiles() {
  const list = [];
  for (const dir of [FIXTURES, WEB_FIXTURES]) {
    for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.jsonl')) list.push(path.join(dir, f));
  }
  return list;
}

/** The page's verdict against the native one (wasm and native floats may differ in the last bits). */
function assertSameAsNative(web, native, label) {
  const { findings: wf, ...wrest } = web;
  const { findings: nf, ...nrest } = native;
  delete wrest.receipt; delete nrest.receipt;
  assert.deepEqual(wrest, nrest, `${label}: verdict differs from native`);
  assert.equal(wf.length, nf.length, `${label}: number of findings`);
  wf.forEach((f, i) => {
    const keys = ['line', 'field', 'messageIndex', 'role', 'category', 'severity', 'excerpt'];
    assert.deepEqual(pick(f, keys), pick(nf[i], keys), `${label}: finding ${i}`);
    assert.ok(Math.abs(f.score - nf[i].score) <= SCORE_TOL, `${label}: finding ${i} score ${f.score} vs native ${nf[i].score}`);
  });
  const rkeys = ['sha256', 'bytes', 'examples', 'modelSha256', 'policyVersion', 'ftgateVersion', 'verdict'];
  assert.deepEqual(pick(web.receipt, rkeys), pick(native.receipt, rkeys), `${label}: receipt differs`);
}

let env;
let tmp;
before(async () => {
  if (!fs.existsSync(FTGATE_BIN)) throw new Error(`native ftgate not found at ${FTGATE_BIN} (build it or set FTGATE_BIN)`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ftgate-pool-'));
  env = await setup();
});
after(async () => {
  if (env) await env.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('pool verdicts equal the single worker and the native CLI on every fixture', async () => {
  const single = await openPage(env.context, `${env.server.url}?workers=1`);
  // 3 workers, parts of ~200 bytes (12 parts per file), 97-byte reads.
  const pool = await openPage(env.context, `${env.server.url}?workers=3&part=200&chunk=97`);
  // The page's own worker plus the pool's three.
  assert.equal(pool.page.workers().length, 4, 'the pool runs 3 workers');
  assert.equal(single.page.workers().length, 1, '?workers=1 runs one worker');
  // The page's own worker is lite next to a pool: 3 classifiers, not 4.
  const modelFetches = (rec) => rec.requests.filter((r) => new URL(r.url()).pathname.endsWith('/ftgate-ngram.onnx')).length;
  assert.equal(modelFetches(pool.rec), 3, 'one model load per pool worker, none for the page worker');
  assert.equal(modelFetches(single.rec), 1);
  for (const file of fixtureFiles()) {
    const label = path.relative(FIXTURES, file);
    const one = await checkInPage(single.page, file);
    const many = await checkInPage(pool.page, file);
    assert.deepEqual(many, one, `${label}: pool verdict differs from the single worker's`);
    assertSameAsNative(many, nativeCheck(file), label);
  }
  assert.deepEqual([...problems(single.rec), ...problems(pool.rec)], []);
  await single.page.close();
  await pool.page.close();
});

test('a generated multi-MB file gets the same verdict from 1 and 3 workers and natively', async () => {
  // bench/gen.py chat (1% harmful) plus a BOM, CRLF line ends, blank lines,
  // broken JSON and a prompt/completion line, so parts begin on every kind.
  const gen = spawnSync('python3', [path.join(REPO, 'bench', 'gen.py'), '--mb', '3', '--harmful', '0.01', '--seed', '11'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(gen.status, 0, gen.stderr);
  const lines = gen.stdout.split('\n');
  const out = lines.map((l, i) => {
    if (i % 211 === 5) return '{"messages": [{"role": "user", "content": "broken';
    if (i % 307 === 9) return '';
    if (i === 400) return '{"prompt": "Ünïcödé?", "completion": "✓"}';
    return i % 7 === 0 ? `${l}\r` : l;
  });
  const file = path.join(tmp, 'generated.jsonl');
  fs.writeFileSync(file, `\uFEFF${out.join('\n')}`);
  const single = await openPage(env.context, `${env.server.url}?workers=1`);
  const pool = await openPage(env.context, `${env.server.url}?workers=3&part=65536&chunk=8191`);
  const one = await checkInPage(single.page, file);
  const many = await checkInPage(pool.page, file);
  assert.ok(one.examples > 1000 && one.diagnostics.length > 5 && one.failingLines.length > 5, `the file exercises the merge: ${one.examples} examples`);
  assert.deepEqual(many, one, 'pool verdict differs from the single worker\'s');
  assertSameAsNative(many, nativeCheck(file), 'generated.jsonl');
  assert.deepEqual([...problems(single.rec), ...problems(pool.rec)], []);
  await single.page.close();
  await pool.page.close();
});
