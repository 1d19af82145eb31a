// The JS API (www/ftgate.js) from a page: createDataGate → gate.check(file)
// returns the very object `ftgate check --json` prints, for every fixture;
// progress, AbortSignal, queued checks, clean(), close(), a bad model URL,
// and the asset-URL options (wasmUrl included).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, nativeCheck, problems, FIXTURES, WEB_FIXTURES } from './helpers.mjs';

// wasm (SIMD) and native float sums may differ in the last bits; the
// browser/native parity test allows the same.
const SCORE_TOL = 1e-4;

let env;
before(async () => { env = await setup(); });
after(async () => { if (env) await env.close(); });

function fixtures() {
  return [FIXTURES, WEB_FIXTURES].flatMap((dir) =>
    fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(dir, f)));
}

/** A page under the server's CSP (the portal) plus console recording. */
async function openPage(t) {
  const page = await env.context.newPage();
  t.after(() => page.close().catch(() => {}));
  const rec = { console: [], errors: [], requests: [] };
  page.on('console', (m) => rec.console.push({ type: m.type(), text: m.text(), worker: !!m.worker() }));
  page.on('pageerror', (e) => rec.errors.push(String(e && e.message ? e.message : e)));
  page.on('request', (r) => rec.requests.push(r.url()));
  // A page that loads only the API module, nothing else.
  await page.route(`${env.server.origin}/api-test`, (route) => route.fulfill({
    status: 200,
    contentType: 'text/html',
    headers: { 'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'" },
    body: '<!doctype html><title>api</title>',
  }));
  await page.goto(`${env.server.origin}/api-test`);
  return { page, rec };
}

/** Deep equality with the CLI's JSON, scores within SCORE_TOL. */
function assertSameVerdict(web, native, label) {
  const strip = (v) => ({ ...v, findings: v.findings.map(({ score, ...f }) => f) });
  assert.deepEqual(strip(web), strip(native), `${label}: verdict differs from ftgate check --json`);
  web.findings.forEach((f, i) => {
    assert.ok(Math.abs(f.score - native.findings[i].score) <= SCORE_TOL, `${label}: finding ${i} score ${f.score} vs ${native.findings[i].score}`);
  });
}

test('gate.check returns the verdict ftgate check --json prints, for every fixture', async (t) => {
  const { page, rec } = await openPage(t);
  const files = fixtures().map((p) => ({ path: p, name: path.basename(p), b64: fs.readFileSync(p).toString('base64') }));
  const out = await page.evaluate(async (list) => {
    const { createDataGate } = await import('/ftgate.js');
    const gate = await createDataGate({ workers: 2 });
    const results = [];
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
      const progress = [];
      const verdict = await gate.check(new File([bytes], f.name), { onProgress: (p) => progress.push(p) });
      results.push({ verdict, progress, size: bytes.length });
    }
    const meta = { info: gate.info, workers: gate.workers, requested: gate.requestedWorkers };
    gate.close();
    return { results, meta };
  }, files.map(({ name, b64 }) => ({ name, b64 })));

  assert.equal(out.meta.workers, 2, 'a pool of the two workers asked for');
  assert.equal(out.meta.requested, 2);
  assert.deepEqual(Object.keys(out.meta.info).sort(), ['categories', 'ftgateVersion', 'modelName', 'modelSha256', 'modelVersion', 'policyVersion']);
  const seen = new Set();
  files.forEach((f, i) => {
    const { verdict, progress, size } = out.results[i];
    const native = nativeCheck(f.path);
    assertSameVerdict(verdict, native, f.name);
    seen.add(native.verdict);
    assert.ok(progress.length >= 1, `${f.name}: onProgress called`);
    const last = progress[progress.length - 1];
    assert.equal(last.bytes, size, `${f.name}: last progress covers the file`);
    assert.equal(last.totalBytes, size);
    assert.deepEqual(Object.keys(last).sort(), ['bytes', 'elapsedMs', 'examples', 'examplesPerSec', 'lines', 'texts', 'totalBytes']);
    assert.equal(verdict.receipt.modelSha256, out.meta.info.modelSha256);
  });
  assert.deepEqual([...seen].sort(), ['fail', 'pass'], 'fixtures cover both outcomes');
  assert.deepEqual(problems(rec), []);
});

test('queued checks, AbortSignal, clean() and close()', async (t) => {
  const { page, rec } = await openPage(t);
  const clean = fs.readFileSync(path.join(FIXTURES, 'clean_chat.jsonl'), 'utf8');
  const harmful = fs.readFileSync(path.join(FIXTURES, 'harmful_chat.jsonl'), 'utf8');
  const r = await page.evaluate(async ([cleanText, harmfulText]) => {
    const { createDataGate, FtgateError, verdictSummary } = await import('/ftgate.js');
    const gate = await createDataGate();
    const file = (t, n) => new File([t], n);
    const settle = (p) => p.then((v) => ({ ok: true, v }), (e) => ({ ok: false, name: e.name, stage: e.stage, message: e.message, isFtgate: e instanceof FtgateError }));
    // Two checks at once: the second waits for the first; neither cancels the other.
    const [a, b] = await Promise.all([gate.check(file(harmfulText, 'h.jsonl')), gate.check(file(cleanText, 'c.jsonl'))]);
    // Already aborted, aborted while running (from the first progress), and
    // aborted while queued behind another check.
    const pre = await settle(gate.check(file(cleanText, 'x'), { signal: AbortSignal.abort() }));
    const running = new AbortController();
    const during = await settle(gate.check(file(cleanText, 'x'), { signal: running.signal, onProgress: () => running.abort() }));
    const queued = new AbortController();
    const first = gate.check(file(harmfulText, 'y'));
    const second = settle(gate.check(file(cleanText, 'z'), { signal: queued.signal }));
    queued.abort();
    const afterAbort = [(await first).verdict, await second];
    // The gate still works after the aborts.
    const again = await gate.check(file(cleanText, 'again.jsonl'));
    const cleaned = await gate.clean(file(harmfulText, 'h.jsonl'), a.failingLines);
    const cleanedText = await cleaned.blob.text();
    const summary = verdictSummary(a);
    const bad = await settle(gate.check('not a file'));
    gate.close();
    const closed = await settle(gate.check(file(cleanText, 'x')));
    let workersError = null;
    try { await createDataGate({ workers: 0 }); } catch (e) { workersError = e.name; }
    return {
      a: a.verdict, aFailing: a.failingLines, b: b.verdict, pre, during, afterAbort, again: again.verdict,
      removed: cleaned.removed, kept: cleaned.kept, cleanedText,
      summaryHasText: JSON.stringify(summary).includes(a.findings[0].excerpt), summaryFindings: summary.findings.length,
      aFindings: a.findings.length,
      bad: bad.name, closed, workersError,
    };
  }, [clean, harmful]);

  assert.equal(r.a, 'fail');
  assert.deepEqual(r.aFailing, [3, 6, 9]);
  assert.equal(r.b, 'pass', 'the queued second check ran to its own verdict');
  assert.equal(r.pre.ok, false); assert.equal(r.pre.name, 'AbortError');
  assert.equal(r.during.ok, false); assert.equal(r.during.name, 'AbortError');
  assert.equal(r.afterAbort[0], 'fail');
  assert.equal(r.afterAbort[1].name, 'AbortError', 'a queued check can be aborted');
  assert.equal(r.again, 'pass');
  assert.equal(r.removed, 3); assert.equal(r.kept, 9);
  const harmfulLines = harmful.split('\n').filter(Boolean);
  assert.equal(r.cleanedText, harmfulLines.filter((_, i) => ![2, 5, 8].includes(i)).join('\n') + '\n');
  assert.equal(r.summaryHasText, false, 'verdictSummary drops the excerpts');
  // Every finding is kept, only without its text (the count is the model's, not fixed here).
  assert.ok(r.aFindings >= 3, `at least the three failing lines: ${r.aFindings}`);
  assert.equal(r.summaryFindings, r.aFindings);
  assert.equal(r.bad, 'TypeError');
  assert.equal(r.closed.ok, false); assert.equal(r.closed.stage, 'close'); assert.equal(r.closed.isFtgate, true);
  assert.equal(r.workersError, 'TypeError');
  assert.deepEqual(problems(rec), []);
});

test('asset URL options are used; a missing model rejects with stage "load"', async (t) => {
  const { page, rec } = await openPage(t);
  const r = await page.evaluate(async () => {
    const { createDataGate } = await import('/ftgate.js');
    const gate = await createDataGate({
      workerUrl: '/worker.js?via=option', pkgUrl: '/pkg/ftgate.js?via=option',
      wasmUrl: '/pkg/ftgate_bg.wasm?via=option', modelUrl: '/models/ftgate-ngram.onnx?via=option',
    });
    const ok = gate.info.modelName;
    gate.close();
    let err = null;
    try { await createDataGate({ modelUrl: '/models/missing.onnx' }); } catch (e) { err = { name: e.name, stage: e.stage, message: e.message }; }
    return { ok, err };
  });
  assert.equal(r.ok, 'ftgate-ngram');
  for (const p of ['/worker.js', '/pkg/ftgate.js', '/pkg/ftgate_bg.wasm', '/models/ftgate-ngram.onnx']) {
    assert.ok(rec.requests.includes(`${env.server.origin}${p}?via=option`), `${p}?via=option requested: ${rec.requests}`);
  }
  assert.equal(r.err.name, 'FtgateError');
  assert.equal(r.err.stage, 'load');
  assert.match(r.err.message, /could not fetch the model .*missing\.onnx: HTTP 404/);
  // The only console error is the browser's own note about the 404.
  assert.deepEqual(problems(rec).filter((p) => !/404/.test(p)), []);
});
