// 6. No console errors, no page errors and no CSP violations while the page
//    loads and checks files (the worker's console and CSP reports reach the
//    page's console). A control at the end makes a violation on purpose and
//    shows the recorder catches it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { setup, openPage, checkInPage, problems, WEB_FIXTURES } from './helpers.mjs';
import { harmfulFile } from './data.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { if (env) await env.close(); });

function headers(url) {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => { res.resume(); res.on('end', () => resolve(res.headers)); }).on('error', reject);
  });
}

test('served with the CSP and nosniff', async () => {
  for (const p of ['/', '/app.js', '/worker.js', '/pkg/ftgate.js', '/pkg/ftgate_bg.wasm', '/models/ftgate-ngram.onnx']) {
    const h = await headers(new URL(p, env.server.url));
    assert.match(h['content-security-policy'] || '', /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/, p);
    assert.match(h['content-security-policy'], /object-src 'none'; base-uri 'none'; frame-ancestors 'none'/, p);
    assert.equal(h['x-content-type-options'], 'nosniff', p);
  }
  assert.equal((await headers(new URL('/pkg/ftgate_bg.wasm', env.server.url)))['content-type'], 'application/wasm');
});

test('no console errors and no CSP violations during checks', async () => {
  const violations = [];
  await env.context.exposeBinding('__reportCsp', (_src, v) => violations.push(v));
  await env.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__reportCsp({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
    });
  });
  const { page, rec } = await openPage(env.context, env.server.url);
  const clean = await checkInPage(page, path.join(WEB_FIXTURES, 'clean.jsonl'));
  assert.equal(clean.verdict, 'pass');
  const h = harmfulFile();
  const bad = await checkInPage(page, { name: 'harmful.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(h.content) });
  assert.equal(bad.verdict, 'fail');
  await page.waitForTimeout(300);

  const all = rec.console.map((m) => `${m.type}: ${m.text}`);
  assert.deepEqual(problems(rec), [], `console: ${JSON.stringify(all)}`);
  assert.deepEqual(rec.console.filter((m) => /Content Security Policy|Refused to/i.test(m.text)), []);
  assert.deepEqual(violations, []);
  assert.deepEqual(rec.console.filter((m) => m.type === 'warning'), [], 'no warnings either (e.g. wasm MIME fallback)');

  // Control: an inline style attribute and an inline script are refused, and
  // both the event recorder and the console recorder see it.
  await page.evaluate(() => {
    const d = document.createElement('div');
    d.setAttribute('style', 'color: red');
    document.body.append(d);
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
  });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__inlineRan), undefined, 'inline script blocked');
  assert.ok(violations.length >= 1, 'violation recorder works');
  assert.ok(problems(rec).some((p) => /Content Security Policy/.test(p)), 'console recorder sees CSP errors');
  await page.close();
});
