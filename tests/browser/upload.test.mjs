// 1. A clean file passes, #upload becomes enabled, and clicking it POSTs the
//    file to the upload URL and shows the server's reply.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setup, openPage, checkInPage, problems, WEB_FIXTURES } from './helpers.mjs';

const CLEAN = path.join(WEB_FIXTURES, 'clean.jsonl');
let env;
before(async () => { env = await setup(); });
after(async () => { if (env) await env.close(); });

const isUpload = (r) => r.method() === 'POST' && new URL(r.url()).pathname === '/upload';

test('clean file passes; Upload is enabled and POSTs the file on click', async () => {
  const { page, rec } = await openPage(env.context, env.server.url);
  assert.equal(await page.isDisabled('#upload'), true, '#upload must start disabled');

  const bytes = fs.readFileSync(CLEAN);
  const sha = crypto.createHash('sha256').update(bytes).digest('hex');
  const v = await checkInPage(page, CLEAN);

  assert.equal(v.verdict, 'pass', `expected pass, got ${v.verdict}: ${v.message}`);
  assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'pass');
  assert.ok((await page.textContent('#verdict')).includes(v.message), 'banner shows the verdict message');
  assert.deepEqual(v.failedCategories, []);
  assert.equal(v.examples, 12);
  assert.equal(v.receipt.sha256, sha, 'receipt hashes the exact file bytes');
  assert.equal(v.receipt.bytes, bytes.length);
  assert.equal(await page.locator('#findings tr').count(), v.findings.length, 'one row per finding (low ones allowed)');
  assert.equal(await page.isEnabled('#upload'), true, '#upload enabled after a pass');

  // Nothing was sent before the click.
  assert.equal(rec.requests.filter(isUpload).length, 0, 'no upload before the click');
  assert.ok(!env.server.log.some((l) => l.includes('POST')), 'server saw no POST before the click');

  const [req] = await Promise.all([
    page.waitForRequest(isUpload, { timeout: 10_000 }),
    page.click('#upload'),
  ]);
  assert.equal(req.headers()['content-type'], 'application/x-ndjson');
  // Playwright does not expose File bodies; when it does, it must be the file.
  const body = req.postDataBuffer();
  if (body) assert.ok(body.equals(bytes), 'the POST body is the file');
  await page.waitForSelector('#upload-result[data-state="done"]', { timeout: 10_000 });
  const shown = await page.textContent('#upload-result');
  assert.ok(shown.includes(`"received": ${bytes.length}`), `reply shown: ${shown}`);
  assert.ok(shown.includes(sha), `reply shows the server's sha256: ${shown}`);
  assert.ok(shown.includes('SHA-256 matches the receipt'), shown);
  assert.deepEqual(await page.evaluate(() => window.__ftgateLastUpload), { received: bytes.length, sha256: sha });
  assert.equal(env.server.log.filter((l) => l.includes('"POST /upload')).length, 1, 'exactly one POST reached the server');
  assert.deepEqual(problems(rec), []);
  await page.close();
});

test('the upload URL comes from <meta name="ftgate-upload-url">', async () => {
  const p = await env.context.newPage();
  // Serve the page with a different meta value (only the HTML is rewritten).
  let rewritten = false;
  await p.route(`${env.server.origin}/`, async (route) => {
    const res = await route.fetch();
    const html = await res.text();
    const body = html.replace('<meta name="ftgate-upload-url" content="/upload">', '<meta name="ftgate-upload-url" content="/upload?from=meta">');
    rewritten = body !== html;
    await route.fulfill({ response: res, body });
  });
  await p.goto(env.server.url);
  assert.ok(rewritten, 'the page carries <meta name="ftgate-upload-url" content="/upload">');
  await p.waitForSelector('#status[data-ready="true"]', { timeout: 60_000 });
  assert.equal(await p.textContent('#upload-url'), '/upload?from=meta');
  const v = await checkInPage(p, CLEAN);
  assert.equal(v.verdict, 'pass');
  const [req] = await Promise.all([
    p.waitForRequest((r) => r.method() === 'POST', { timeout: 10_000 }),
    p.click('#upload'),
  ]);
  assert.equal(new URL(req.url()).pathname + new URL(req.url()).search, '/upload?from=meta');
  await p.waitForSelector('#upload-result[data-state="done"]', { timeout: 10_000 });
  await p.close();
});
