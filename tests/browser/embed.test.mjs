// Embedding: the example portal (www/embed/) with <ftgate-upload> in its
// own <form>. A passing file unlocks the portal's submit and the form posts
// the file plus the receipt; a failing one keeps submit locked, blocks the
// form and fires ftgate-verdict with the failed categories (no file text in
// the event); the whole flow works from the keyboard; the verdict is
// announced in an aria-live region; no console errors or CSP violations.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, nativeCheck, problems, FIXTURES } from './helpers.mjs';

const CLEAN = path.join(FIXTURES, 'clean_chat.jsonl');
const HARMFUL = path.join(FIXTURES, 'harmful_chat.jsonl');
const READY_MS = 60_000;
const CHECK_MS = 120_000;

let env;
before(async () => { env = await setup(); });
after(async () => { if (env) await env.close(); });

const isUpload = (r) => r.method() === 'POST' && new URL(r.url()).pathname === '/upload';

/**
 * Opens the portal with recorders for console messages, page errors, CSP
 * violations, requests and the element's events; waits until the checker
 * has loaded.
 */
async function openPortal(t) {
  const page = await env.context.newPage();
  // Closed even when an assertion fails, so one failure does not leave a
  // page open (and holding focus) for the next test.
  t.after(() => page.close().catch(() => {}));
  const rec = { console: [], errors: [], requests: [], violations: [] };
  page.on('console', (m) => rec.console.push({ type: m.type(), text: m.text(), worker: !!m.worker() }));
  page.on('pageerror', (e) => rec.errors.push(String(e && e.message ? e.message : e)));
  page.on('request', (r) => rec.requests.push(r));
  await page.exposeFunction('__reportCsp', (v) => rec.violations.push(v));
  await page.addInitScript(() => {
    // securitypolicyviolation is composed: violations inside shadow roots reach here too.
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__reportCsp({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
    });
    window.__events = [];
    for (const t of ['change', 'ftgate-progress', 'ftgate-verdict', 'ftgate-error', 'ftgate-upload']) {
      document.addEventListener(t, (e) => {
        if (e.target && e.target.localName === 'ftgate-upload') window.__events.push({ type: t, detail: e.detail ?? null });
      }, true);
    }
  });
  await page.goto(new URL('/embed/', env.server.url).href);
  try {
    await page.waitForSelector('ftgate-upload[state="ready"]', { timeout: READY_MS });
  } catch {
    const state = await page.getAttribute('ftgate-upload', 'state').catch(() => '?');
    const text = await page.locator('ftgate-upload').innerText().catch(() => '?');
    throw new Error(`element not ready: state=${state} text=${text}; ${JSON.stringify(problems(rec))}`);
  }
  return { page, rec };
}

/** Waits until the element shows a verdict (pass or fail); returns the state. */
async function waitVerdict(page) {
  const h = await page.waitForFunction(() => {
    const s = document.querySelector('ftgate-upload').getAttribute('state');
    return s === 'pass' || s === 'fail' || s === 'error' ? s : null;
  }, null, { timeout: CHECK_MS, polling: 50 });
  return h.jsonValue();
}

const events = (page, type) => page.evaluate((t) => window.__events.filter((e) => e.type === t), type);
const verdictRegion = (page) => page.locator('ftgate-upload [part="verdict"]');

function assertClean(rec) {
  assert.deepEqual(problems(rec), [], 'no console errors');
  assert.deepEqual(rec.console.filter((m) => /Content Security Policy|Refused to/i.test(m.text)), []);
  assert.deepEqual(rec.violations, [], 'no CSP violations');
}

test('a passing file unlocks the portal submit; the form posts the file and the receipt', async (t) => {
  const native = nativeCheck(CLEAN);
  assert.equal(native.verdict, 'pass');
  const { page, rec } = await openPortal(t);
  assert.equal(await page.evaluate(() => customElements.get('ftgate-upload') === document.querySelector('ftgate-upload').constructor), true);
  assert.equal(await page.isDisabled('#submit'), true, 'submit locked before a file is chosen');
  assert.equal(await page.evaluate(() => document.getElementById('job').checkValidity()), false, 'form invalid without a file');

  await page.setInputFiles('ftgate-upload input[type=file]', CLEAN);
  assert.equal(await waitVerdict(page), 'pass');
  assert.equal(await page.isEnabled('#submit'), true, 'submit enabled after a pass');
  assert.equal(await page.evaluate(() => document.getElementById('job').checkValidity()), true);

  // The exact message, in the live region.
  const region = verdictRegion(page);
  assert.equal(await region.getAttribute('aria-live'), 'polite');
  assert.equal(await region.getAttribute('aria-atomic'), 'true');
  assert.equal((await page.locator('ftgate-upload [part="verdict-message"]').textContent()), native.message);

  const [ev] = await events(page, 'ftgate-verdict');
  assert.equal(ev.detail.verdict, 'pass');
  assert.equal(ev.detail.message, native.message);
  assert.deepEqual(ev.detail.receipt, native.receipt);
  assert.ok((await events(page, 'ftgate-progress')).length >= 1, 'ftgate-progress fired');
  assert.equal((await events(page, 'change')).length, 1, 'change fired once for the chosen file');

  // The form's data: the file under the element's name, the receipt beside it.
  const fd = await page.evaluate(async () => {
    const data = new FormData(document.getElementById('job'));
    const f = data.get('training_file');
    return { keys: [...data.keys()], size: f && f.size, name: f && f.name, receipt: JSON.parse(data.get('ftgate-receipt')) };
  });
  assert.deepEqual(fd.keys, ['job_name', 'base_model', 'training_file', 'ftgate-receipt']);
  assert.equal(fd.size, fs.statSync(CLEAN).size);
  assert.equal(fd.name, 'clean_chat.jsonl');
  assert.deepEqual(fd.receipt, native.receipt, 'the posted receipt is the one the CLI computes');

  assert.equal(rec.requests.filter(isUpload).length, 0, 'nothing posted before submit');
  await Promise.all([page.waitForRequest(isUpload, { timeout: 10_000 }), page.click('#submit')]);
  await page.waitForSelector('#result[data-state="done"]', { timeout: 10_000 });
  assert.match(await page.textContent('#result'), /training_file, ftgate-receipt\); the server received \d+ bytes/);

  // A form reset forgets the file: locked again, nothing in the form data.
  await page.evaluate(() => document.getElementById('job').reset());
  assert.equal(await page.getAttribute('ftgate-upload', 'state'), 'ready');
  assert.equal(await page.isDisabled('#submit'), true, 'submit locked again after a form reset');
  assert.equal(await page.evaluate(() => new FormData(document.getElementById('job')).get('ftgate-receipt')), null);
  assertClean(rec);
});

test('a failing file keeps submit locked, blocks the form and fires ftgate-verdict with the failed categories', async (t) => {
  const native = nativeCheck(HARMFUL);
  assert.equal(native.verdict, 'fail');
  assert.deepEqual([...native.failedCategories].sort(), ['hate_fairness', 'self_harm', 'violence']);
  const { page, rec } = await openPortal(t);

  // First a pass, so the test sees the lock come back.
  await page.setInputFiles('ftgate-upload input[type=file]', CLEAN);
  assert.equal(await waitVerdict(page), 'pass');
  assert.equal(await page.isEnabled('#submit'), true);

  await page.setInputFiles('ftgate-upload input[type=file]', HARMFUL);
  assert.equal(await page.isDisabled('#submit'), true, 'choosing another file withdraws the pass at once');
  assert.equal(await waitVerdict(page), 'fail');
  assert.equal(await page.isDisabled('#submit'), true, 'submit stays locked on fail');

  const verdicts = await events(page, 'ftgate-verdict');
  assert.equal(verdicts.length, 2);
  const d = verdicts[1].detail;
  assert.equal(d.verdict, 'fail');
  assert.deepEqual(d.failedCategories, native.failedCategories);
  assert.equal(d.message, native.message);
  assert.deepEqual(d.failingLines, [3, 6, 9]);
  assert.equal(d.findings.length, native.findings.length);
  assert.ok(d.findings.every((f) => !('excerpt' in f)), 'no file text in the event');
  assert.deepEqual(d.findings.map((f) => [f.line, f.category, f.severity]), native.findings.map((f) => [f.line, f.category, f.severity]));

  // Shown: the exact message, announced; the findings with their lines.
  assert.equal(await page.locator('ftgate-upload [part="verdict-message"]').textContent(), native.message);
  assert.match(await verdictRegion(page).textContent(), /^Failed/);
  const lines = await page.locator('ftgate-upload tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.line)));
  assert.deepEqual(lines, native.findings.map((f) => f.line));
  // The element's own verdict property keeps the excerpts for the portal's code.
  assert.equal(await page.evaluate(() => document.querySelector('ftgate-upload').verdict.findings[0].excerpt), native.findings[0].excerpt);

  // The form cannot be submitted, not even by script, and carries no file.
  const blocked = await page.evaluate(() => {
    const form = document.getElementById('job');
    let submitted = false;
    form.addEventListener('submit', () => { submitted = true; }, { once: true });
    form.requestSubmit();
    const el = document.querySelector('ftgate-upload');
    return {
      submitted, valid: form.checkValidity(), message: el.validationMessage,
      file: new FormData(form).get('training_file'), receipt: new FormData(form).get('ftgate-receipt'),
    };
  });
  assert.deepEqual(blocked, { submitted: false, valid: false, message: native.message, file: null, receipt: null });
  assert.equal(rec.requests.filter(isUpload).length, 0, 'nothing was posted');
  assertClean(rec);
});

test('keyboard only: Tab to the chooser, Enter, then Tab to submit and Enter', async (t) => {
  const { page, rec } = await openPortal(t);
  // The chooser is named by the label slot.
  assert.equal(await page.getByRole('button', { name: 'Training data (JSONL) Choose file…' }).count(), 1);
  // Tab from the start: job name, base model, then the element's chooser.
  const focused = () => page.evaluate(() => {
    const a = document.activeElement;
    return a && a.shadowRoot && a.shadowRoot.activeElement ? `${a.localName}>${a.shadowRoot.activeElement.getAttribute('part')}` : (a && (a.id || a.localName));
  });
  // Listen before any key is pressed: Playwright turns on file-chooser
  // interception without waiting, so a listener added together with the
  // key press can miss the chooser on a busy machine.
  const chooserOpened = page.waitForEvent('filechooser', { timeout: 30_000 });
  const order = [];
  for (let i = 0; i < 3; i++) { await page.keyboard.press('Tab'); order.push(await focused()); }
  assert.deepEqual(order, ['job-name', 'base-model', 'ftgate-upload>choose']);
  await page.keyboard.press('Enter');
  const chooser = await chooserOpened;
  await chooser.setFiles(CLEAN);
  assert.equal(await waitVerdict(page), 'pass');
  assert.equal(await focused(), 'ftgate-upload>choose', 'focus stays on the chooser');
  assert.match(await verdictRegion(page).textContent(), /^Passed/, 'the verdict is in the live region');
  // Onwards to the portal's (now enabled) submit button.
  const seen = [];
  for (let i = 0; i < 6 && (await focused()) !== 'submit'; i++) { await page.keyboard.press('Tab'); seen.push(await focused()); }
  assert.equal(await focused(), 'submit', `Tab order after the verdict: ${seen}`);
  await Promise.all([page.waitForRequest(isUpload, { timeout: 10_000 }), page.keyboard.press('Enter')]);
  await page.waitForSelector('#result[data-state="done"]', { timeout: 10_000 });
  assertClean(rec);
});

test('outside a form: upload-url gives the element its own Upload button', async (t) => {
  const { page, rec } = await openPortal(t);
  await page.evaluate(() => {
    const el = document.createElement('ftgate-upload');
    el.id = 'standalone';
    el.uploadUrl = '/upload?from=element';
    el.name = 'data';
    document.querySelector('main').append(el);
  });
  const upload = page.locator('#standalone [part="upload"]');
  assert.equal(await upload.isVisible(), true);
  assert.equal(await upload.isDisabled(), true, 'Upload disabled before a pass');
  await page.setInputFiles('#standalone input[type=file]', HARMFUL);
  await page.waitForSelector('#standalone[state="fail"]', { timeout: CHECK_MS });
  assert.equal(await upload.isDisabled(), true, 'Upload disabled on fail');
  await page.setInputFiles('#standalone input[type=file]', CLEAN);
  await page.waitForSelector('#standalone[state="pass"]', { timeout: CHECK_MS });
  assert.equal(await upload.isEnabled(), true);
  const [req] = await Promise.all([page.waitForRequest(isUpload, { timeout: 10_000 }), upload.click()]);
  assert.equal(new URL(req.url()).search, '?from=element');
  assert.match(req.headers()['content-type'], /^multipart\/form-data; boundary=/);
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'ftgate-upload'), null, { timeout: 10_000 });
  const [up] = await events(page, 'ftgate-upload');
  assert.equal(up.detail.ok, true);
  assert.equal(up.detail.status, 200);
  assert.ok(JSON.parse(up.detail.response).received > fs.statSync(CLEAN).size, 'the multipart body holds the file');
  // The portal's own element and form were not touched.
  assert.equal(await page.getAttribute('#training', 'state'), 'ready');
  assert.equal(await page.isDisabled('#submit'), true);
  assertClean(rec);
});

test('attributes: loading="lazy" and model-url; a model that cannot load fires ftgate-error', async (t) => {
  const { page, rec } = await openPortal(t);
  await page.evaluate(() => {
    const lazy = document.createElement('ftgate-upload');
    lazy.id = 'lazy';
    lazy.setAttribute('loading', 'lazy');
    lazy.setAttribute('model-url', '/models/ftgate-ngram.onnx?lazy');
    const broken = document.createElement('ftgate-upload');
    broken.id = 'broken';
    broken.setAttribute('model-url', '/models/missing.onnx');
    document.querySelector('main').append(lazy, broken);
  });
  // The broken one reports at once; the lazy one has fetched nothing yet.
  await page.waitForSelector('#broken[state="error"]', { timeout: READY_MS });
  const errors = (await events(page, 'ftgate-error')).map((e) => e.detail);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].stage, 'load');
  assert.match(errors[0].message, /^The checker could not be loaded: could not fetch the model .*missing\.onnx: HTTP 404$/);
  assert.match(await page.locator('#broken [part="verdict-message"]').textContent(), /missing\.onnx: HTTP 404/);
  assert.equal(await page.getAttribute('#lazy', 'state'), 'idle');
  const lazyModel = () => rec.requests.filter((r) => r.url().endsWith('/models/ftgate-ngram.onnx?lazy')).length;
  assert.equal(lazyModel(), 0, 'a lazy element loads nothing before a file is chosen');

  await page.setInputFiles('#lazy input[type=file]', CLEAN);
  await page.waitForSelector('#lazy[state="pass"]', { timeout: CHECK_MS });
  assert.equal(lazyModel(), 1, 'the model came from the model-url attribute');
  // The portal's own form is not affected by elements outside it.
  assert.equal(await page.isDisabled('#submit'), true);
  // The only console noise is the browser's note about the 404.
  assert.deepEqual(problems(rec).filter((p) => !/404/.test(p)), []);
  assert.deepEqual(rec.violations, []);
});
