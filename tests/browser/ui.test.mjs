// Page mechanics: the drop zone works from the keyboard and by drag and
// drop, the verdict region is announced politely, and a new file resets the
// previous result (Upload is disabled again).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setup, openPage, checkInPage, problems, WEB_FIXTURES } from './helpers.mjs';
import { harmfulFile, cleanLines } from './data.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { if (env) await env.close(); });

test('keyboard: Enter on the drop zone opens the file chooser', async () => {
  const { page, rec } = await openPage(env.context, env.server.url);
  assert.equal(await page.getAttribute('#verdict', 'aria-live'), 'polite');
  assert.equal(await page.getAttribute('#dropzone', 'tabindex'), '0');
  assert.equal(await page.getAttribute('#dropzone', 'role'), 'button');
  assert.equal(await page.locator('label[for="file"]').count(), 1, '#file has a label');
  // Listen before any key is pressed: Playwright turns on file-chooser
  // interception without waiting for it, so a listener added just before
  // Enter missed the chooser on a busy CI machine. The Tab presses and
  // evaluations below are round trips that let interception take effect.
  const chooserOpened = page.waitForEvent('filechooser', { timeout: 30_000 });
  // Tab from the start of the page: the two tool links, then the drop zone.
  const order = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.textContent));
  }
  assert.deepEqual(order, ['Data gate', 'Model gate', 'dropzone']);
  await page.keyboard.press('Enter');
  const chooser = await chooserOpened;
  await chooser.setFiles(path.join(WEB_FIXTURES, 'clean.jsonl'));
  await page.waitForSelector('#verdict[data-verdict="pass"]', { timeout: 60_000 });
  assert.deepEqual(problems(rec), []);
  await page.close();
});

test('drag and drop a file onto the drop zone; a new file resets the result', async () => {
  const { page, rec } = await openPage(env.context, env.server.url);
  const v = await checkInPage(page, path.join(WEB_FIXTURES, 'clean.jsonl'));
  assert.equal(v.verdict, 'pass');
  assert.equal(await page.isEnabled('#upload'), true);

  const h = harmfulFile();
  await page.evaluate((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'dropped.jsonl', { type: 'application/x-ndjson' }));
    const zone = document.getElementById('dropzone');
    zone.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, h.content);
  // Dropping a new file withdraws the old pass at once.
  assert.equal(await page.isDisabled('#upload'), true, 'Upload disabled as soon as another file is chosen');
  await page.waitForSelector('#verdict[data-verdict="fail"]', { timeout: 60_000 });
  assert.match(await page.textContent('#file-name'), /^dropped\.jsonl/);
  assert.equal(await page.isDisabled('#upload'), true);
  assert.deepEqual((await page.evaluate(() => window.__ftgateLastVerdict)).failingLines, h.failingLines);

  // A file chosen while another is being checked replaces it.
  const big = cleanLines().join('\n') + '\n';
  await page.setInputFiles('#file', { name: 'a.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(h.content) });
  const v2 = await checkInPage(page, { name: 'b.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(big) });
  assert.equal(v2.verdict, 'pass');
  assert.match(await page.textContent('#file-name'), /^b\.jsonl/);
  await page.waitForTimeout(500);
  assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'pass', 'the replaced check does not overwrite the result');
  assert.deepEqual(problems(rec), []);
  await page.close();
});
