// 4. Privacy: checking a file sends nothing about it anywhere. Every request
//    of the page and its worker is recorded (URL, headers, body); none may
//    carry the file's unique marker or its bytes, none may leave 127.0.0.1,
//    and no upload happens without a click. A final click on Upload proves
//    the recorder does see file bytes when they are sent.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setup, checkInPage, WEB_FIXTURES, tmpFile } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { if (env) await env.close(); });

function describeRequest(r) {
  return `${r.method()} ${r.url()}`;
}

test('checking a file sends nothing about it; upload only on click', async () => {
  const marker = `ftgate-marker-${crypto.randomBytes(12).toString('hex')}`;
  const clean = fs.readFileSync(path.join(WEB_FIXTURES, 'clean.jsonl'), 'utf8').split('\n').filter(Boolean);
  // The marker goes into a message of every example, so any leak of any
  // part of the file's text shows it.
  const lines = clean.map((l) => {
    const ex = JSON.parse(l);
    ex.messages[1].content += ` (reference ${marker})`;
    return JSON.stringify(ex);
  });
  const content = lines.join('\n') + '\n';
  const bytes = Buffer.from(content);
  const file = tmpFile(`notes-${marker}.jsonl`, content);

  const records = [];
  const onRequest = (r) => records.push(r);
  env.context.on('request', onRequest);
  try {
    const page = await env.context.newPage();
    await page.goto(env.server.url);
    await page.waitForSelector('#status[data-ready="true"]', { timeout: 60_000 });
    const v = await checkInPage(page, file);
    assert.equal(v.verdict, 'pass', v.message);
    // Give anything delayed a chance to show up.
    await page.waitForTimeout(1500);

    // The recorder saw the worker's own requests (wasm and model are fetched
    // by the worker), so worker traffic is covered.
    const paths = records.map((r) => (r.url().startsWith('http') ? new URL(r.url()).pathname : r.url()));
    assert.ok(paths.includes('/pkg/ftgate_bg.wasm'), `wasm request recorded: ${paths}`);
    assert.ok(paths.includes('/models/ftgate-ngram.onnx'), `model request recorded: ${paths}`);

    const firstLine = Buffer.from(lines[0]);
    for (const r of records) {
      const url = r.url();
      if (!url.startsWith('data:')) {
        const u = new URL(url);
        assert.equal(u.hostname, '127.0.0.1', `request off 127.0.0.1: ${describeRequest(r)}`);
        assert.equal(u.origin, env.server.origin, `request to another origin: ${describeRequest(r)}`);
      }
      assert.ok(!url.includes(marker), `marker in URL: ${describeRequest(r)}`);
      const headers = await r.allHeaders();
      assert.ok(!JSON.stringify(headers).includes(marker), `marker in headers: ${describeRequest(r)}`);
      const body = r.postDataBuffer();
      if (body) {
        assert.ok(!body.includes(marker), `marker in body: ${describeRequest(r)}`);
        assert.ok(!body.includes(firstLine), `file bytes in body: ${describeRequest(r)}`);
      }
      // Playwright cannot show Blob/File request bodies, so the strict rule
      // is: before the click there is no request that can carry a body.
      assert.ok(['GET', 'HEAD'].includes(r.method()), `request with a body before the click: ${describeRequest(r)}`);
    }
    assert.ok(!env.server.log.some((l) => l.includes(marker) || l.includes('POST')), 'server log has no marker and no POST');

    // Control: the upload button does send the bytes, and the recorder sees them.
    const before = records.length;
    await page.click('#upload');
    await page.waitForSelector('#upload-result[data-state="done"]', { timeout: 10_000 });
    const sent = records.slice(before).filter((r) => r.method() !== 'GET');
    assert.equal(sent.length, 1, 'the recorder sees the one POST after the click');
    assert.equal(new URL(sent[0].url()).pathname, '/upload');
    const body = sent[0].postDataBuffer();
    if (body) assert.ok(body.includes(marker), 'the recorder sees the marker in the upload');
    // The server's reply proves which bytes went out.
    const reply = await page.evaluate(() => window.__ftgateLastUpload);
    assert.deepEqual(reply, { received: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') });
    assert.equal(env.server.log.filter((l) => l.includes('POST')).length, 1);
    await page.close();
  } finally {
    env.context.off('request', onRequest);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});
