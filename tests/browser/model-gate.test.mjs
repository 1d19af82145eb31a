// The model-gate page in headless Chromium against the real demo endpoint
// (`ftgate demo-endpoint`, another origin): unsafe persona → the exact "not
// deployable" message; safe → deployable; the CLI agrees; only the
// assessment is stored (no key, prompts or answers); no console errors or
// CSP violations.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { setup, problems, FTGATE_BIN, REPO } from './helpers.mjs';

const KEY = 'sk-browser-test-SECRET-77';
const UNSAFE_MESSAGE = 'This model is unable to be deployed. Model evaluation identified that this fine tuned model scores above acceptable thresholds for [Violence, Self Harm]. Please review your training data set and resubmit the job.';

let env;
let demo;
let demoUrl;

async function startDemo() {
  const child = spawn(FTGATE_BIN, ['demo-endpoint', '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`demo endpoint printed no URL: ${out}`)), 15_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/serving (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (c) => { clearTimeout(timer); reject(new Error(`demo endpoint exited ${c}`)); });
  });
  return { child, url };
}

before(async () => {
  ({ child: demo, url: demoUrl } = await startDemo());
  env = await setup(['--demo-endpoint', demoUrl]);
});

after(async () => {
  await env?.close();
  demo?.kill();
});

async function openGate() {
  const page = await env.context.newPage();
  const rec = { console: [], errors: [], requests: [] };
  page.on('console', (m) => rec.console.push({ type: m.type(), text: m.text(), worker: !!m.worker() }));
  page.on('pageerror', (e) => rec.errors.push(String(e?.message ?? e)));
  page.on('request', (r) => rec.requests.push(r));
  await page.goto(`${env.server.url}model-gate.html`);
  await page.waitForSelector('#mg-status[data-ready="true"]', { timeout: 60_000 });
  return { page, rec };
}

async function runGate(page, model) {
  await page.fill('#mg-model', model);
  await page.click('#mg-run');
  await page.waitForFunction(
    () => ['deployable', 'not_deployable', 'incomplete'].includes(document.getElementById('mg-verdict').dataset.verdict),
    null, { timeout: 180_000, polling: 100 },
  );
  return {
    verdict: await page.getAttribute('#mg-verdict', 'data-verdict'),
    message: (await page.textContent('#mg-verdict-message')).trim(),
    assessment: await page.evaluate(() => window.__ftgateModelGate),
  };
}

test('unsafe persona: not deployable with the exact message; safe: deployable; the CLI agrees', async () => {
  const { page, rec } = await openGate();
  // make run's demo endpoint is offered on the page.
  assert.equal(await page.inputValue('#mg-url'), demoUrl);
  await page.fill('#mg-key', KEY);

  const unsafe = await runGate(page, 'ftgate-demo-unsafe');
  assert.equal(unsafe.verdict, 'not_deployable');
  assert.equal(unsafe.message, UNSAFE_MESSAGE);
  const failedRows = await page.$$eval('#mg-categories tr.failed', (rows) => rows.map((r) => r.dataset.category));
  assert.deepEqual(failedRows, ['violence', 'self_harm']);
  // Worst answers are shown as text.
  const worst = await page.$$eval('#mg-worst td.text', (tds) => tds.map((t) => t.children.length));
  assert.ok(worst.length > 0 && worst.every((n) => n === 0));

  const safe = await runGate(page, 'ftgate-demo-safe');
  assert.equal(safe.verdict, 'deployable');
  assert.match(safe.message, /can be deployed/);

  // Same verdicts and defect counts as `ftgate model-gate`.
  for (const [model, a] of [['ftgate-demo-unsafe', unsafe.assessment], ['ftgate-demo-safe', safe.assessment]]) {
    const r = spawnSync(FTGATE_BIN, ['model-gate', '--endpoint', demoUrl, '--model', model, '--json'], { cwd: REPO, encoding: 'utf8' });
    const cli = JSON.parse(r.stdout);
    assert.equal(cli.verdict, a.verdict, model);
    assert.deepEqual(cli.categories.map((c) => c.defects), a.categories.map((c) => c.defects), model);
    assert.equal(r.status, a.verdict === 'deployable' ? 0 : 1);
  }

  // The key went to the endpoint, and only there.
  const toDemo = rec.requests.filter((r) => r.url().startsWith(demoUrl) && r.method() === 'POST');
  assert.ok(toDemo.length > 100);
  assert.equal(toDemo[0].headers().authorization, `Bearer ${KEY}`);
  for (const r of rec.requests) {
    const u = new URL(r.url());
    assert.ok([new URL(env.server.url).origin, new URL(demoUrl).origin].includes(u.origin), r.url());
    if (!r.url().startsWith(demoUrl)) assert.ok(!JSON.stringify(r.headers()).includes(KEY), r.url());
  }

  // Only the assessment is persisted.
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  const history = JSON.parse(await page.evaluate(() => localStorage.getItem('ftgate.modelGate.assessments')));
  assert.deepEqual(history.map((h) => h.verdict), ['deployable', 'not_deployable']);
  assert.deepEqual(Object.keys(history[0]).sort(), ['dialect', 'endpoint', 'model', 'modelVersion', 'policyVersion', 'time', 'verdict']);
  assert.ok(!stored.includes(KEY) && !stored.includes('SECRET'));
  assert.ok(!stored.includes('nobody') && !stored.includes('role'), 'no prompts or answers in storage');
  assert.deepEqual(problems(rec), []);
  assert.ok(!rec.console.some((m) => /Content Security Policy/i.test(m.text)));
  await page.close();
});

test('an unreachable endpoint ends incomplete, never deployable', async () => {
  const { page, rec } = await openGate();
  await page.fill('#mg-url', 'http://127.0.0.1:9/v1');
  const r = await runGate(page, 'ftgate-demo-safe');
  assert.equal(r.verdict, 'incomplete');
  assert.match(r.message, /incomplete/);
  assert.match(r.message, /not deployable/);
  const history = JSON.parse(await page.evaluate(() => localStorage.getItem('ftgate.modelGate.assessments')));
  assert.equal(history[0].verdict, 'incomplete');
  assert.ok(!rec.errors.length, rec.errors.join('\n'));
  await page.close();
});

test('cancel stops the run: incomplete, not deployable', async () => {
  // A slow OpenAI-compatible endpoint (CORS enabled) so the run is still going when cancelled.
  const http = await import('node:http');
  let posts = 0;
  const slow = http.createServer((req, res) => {
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'content-type, authorization', 'Access-Control-Allow-Methods': 'POST, OPTIONS' };
    if (req.method === 'OPTIONS') { res.writeHead(204, cors); res.end(); return; }
    posts++;
    req.resume();
    setTimeout(() => {
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: 'I can\'t help with that.' } }] }));
    }, 400);
  });
  await new Promise((r) => slow.listen(0, '127.0.0.1', r));
  try {
    const { page } = await openGate();
    await page.fill('#mg-url', `http://127.0.0.1:${slow.address().port}/v1`);
    await page.fill('#mg-model', 'slow');
    await page.click('#mg-run');
    await page.waitForFunction(() => /conversations \(/.test(document.getElementById('mg-progress-text').textContent), null, { timeout: 30_000 });
    await page.click('#mg-cancel');
    await page.waitForFunction(() => document.getElementById('mg-verdict').dataset.verdict === 'incomplete', null, { timeout: 30_000 });
    const a = await page.evaluate(() => window.__ftgateModelGate);
    assert.equal(a.verdict, 'incomplete');
    assert.ok(a.completed < a.conversations);
    assert.ok(a.failures.some((f) => f.message === 'cancelled by the user'));
    const sent = posts;
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(posts, sent, 'no requests after cancel');
    assert.equal(await page.isEnabled('#mg-run'), true);
    await page.close();
  } finally {
    slow.close();
  }
});
