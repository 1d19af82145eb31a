// Cancel: a large file is read in small chunks; Cancel stops the check
// between chunks, no verdict is shown, and the next file checks normally.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, openPage, checkInPage, problems, tmpFile, WEB_FIXTURES } from './helpers.mjs';
import { cleanLines } from './data.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { if (env) await env.close(); });

test('cancel stops a running check', async () => {
  // ~20 MB, read 64 KiB at a time: far more than one progress step.
  const base = cleanLines();
  const parts = [];
  let size = 0;
  for (let i = 0; size < 20 * 1024 * 1024; i++) {
    const ex = JSON.parse(base[i % base.length]);
    ex.messages[1].content += ` (${i})`;
    const l = JSON.stringify(ex) + '\n';
    parts.push(l);
    size += l.length;
  }
  const file = tmpFile('big.jsonl', parts.join(''));
  const { page, rec } = await openPage(env.context, `${env.server.url}?chunk=65536`);
  try {
    await page.setInputFiles('#file', file);
    // Wait until it is under way, then cancel.
    await page.waitForFunction(() => document.getElementById('progress').value > 0, null, { timeout: 30_000, polling: 10 });
    assert.equal(await page.isEnabled('#cancel'), true);
    await page.click('#cancel');
    await page.waitForSelector('#verdict[data-state="cancelled"]', { timeout: 30_000 });
    assert.equal(await page.getAttribute('#verdict', 'data-verdict'), null, 'no verdict after cancel');
    assert.equal(await page.evaluate(() => window.__ftgateLastVerdict), null);
    const progressed = await page.evaluate(() => [document.getElementById('progress').value, document.getElementById('progress').max]);
    assert.ok(progressed[0] < progressed[1], `stopped before the end: ${progressed}`);
    assert.match(await page.textContent('#progress-text'), /Cancelled after/);
    assert.equal(await page.isDisabled('#upload'), true);

    // The checker still works afterwards.
    const v = await checkInPage(page, path.join(WEB_FIXTURES, 'clean.jsonl'));
    assert.equal(v.verdict, 'pass');
    assert.equal(v.examples, 12);
    assert.deepEqual(problems(rec), []);
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    await page.close();
  }
});
