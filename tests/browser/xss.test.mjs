// 3. HTML and script payloads in the file (message text, roles, file name)
//    render as inert text: no element injected, no dialog, no script run,
//    and the payload is visible verbatim.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, checkInPage, problems } from './helpers.mjs';
import { harmfulTexts, cleanLines } from './data.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { if (env) await env.close(); });

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '<script>window.__xss=2;alert(2)</script>',
  '<svg onload="window.__xss=3;alert(3)"></svg>',
  '"><b id="injected">bold</b><iframe srcdoc="<script>parent.__xss=4</script>"></iframe>',
];

test('payloads in file text render as inert text', async () => {
  const { page, rec } = await openPage(env.context, env.server.url);
  const countElements = () => page.evaluate(() => ({
    img: document.querySelectorAll('img').length,
    script: document.querySelectorAll('script').length,
    svg: document.querySelectorAll('svg').length,
    iframe: document.querySelectorAll('iframe').length,
    b: document.querySelectorAll('b').length,
  }));
  const baseline = await countElements();

  const HARMFUL = harmfulTexts();
  const lines = cleanLines();
  // Harmful texts carrying the payloads, so they appear as finding excerpts.
  // An excerpt spans whole tokens (the worst-scoring window), so each payload
  // sits between words, where it is inside the span.
  const wrap = (payload, harmful) => `Quote ${payload} ${harmful}`;
  lines.splice(2, 0, JSON.stringify({ messages: [
    { role: 'user', content: wrap(PAYLOADS[0], HARMFUL.violence) },
    { role: 'assistant', content: wrap(PAYLOADS[1], HARMFUL.violence) },
  ] }));
  lines.splice(5, 0, JSON.stringify({ messages: [
    { role: 'user', content: wrap(PAYLOADS[2], HARMFUL.self_harm) },
    { role: 'assistant', content: wrap(PAYLOADS[3], HARMFUL.hate_fairness) },
  ] }));
  // A payload as a role and as a key: it shows up in diagnostics messages.
  lines.splice(8, 0, JSON.stringify({ messages: [
    { role: PAYLOADS[0], content: 'hello' }, { role: 'assistant', content: 'hi' },
  ], [PAYLOADS[1]]: 1 }));
  const name = '<img src=x onerror=alert(9)>.jsonl';
  const v = await checkInPage(page, { name, mimeType: 'application/x-ndjson', buffer: Buffer.from(lines.join('\n') + '\n') });
  assert.equal(v.verdict, 'fail');
  await page.waitForTimeout(500); // let any injected handler run

  assert.deepEqual(rec.dialogs, [], 'no dialog opened');
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no payload script ran');
  assert.equal(await page.locator('#injected').count(), 0, 'no element injected');
  assert.deepEqual(await countElements(), baseline, 'no new img/script/svg/iframe/b elements');
  for (const sel of ['#findings', '#diagnostics', '#file-name', '#verdict', '#receipt', '#summary']) {
    assert.equal(await page.locator(`${sel} *:is(img,script,svg,iframe,b)`).count(), 0, `${sel} holds no injected element`);
  }

  // Verbatim as text.
  const excerpts = await page.$$eval('#findings td.excerpt', (tds) => tds.map((td) => td.textContent));
  for (const p of PAYLOADS) {
    assert.ok(excerpts.some((e) => e.includes(p)), `payload shown verbatim in a finding: ${p}\nexcerpts: ${JSON.stringify(excerpts)}`);
  }
  const visible = await page.locator('#findings td.excerpt', { hasText: PAYLOADS[0] }).first().isVisible();
  assert.ok(visible, 'the payload text is visible');
  const diagText = await page.textContent('#diagnostics');
  assert.ok(diagText.includes(PAYLOADS[0]), `role payload shown verbatim in diagnostics: ${diagText}`);
  assert.ok((await page.textContent('#file-name')).includes(name), 'file name shown verbatim');
  assert.ok((await page.textContent('#receipt')).includes(name), 'file name in the receipt verbatim');
  assert.deepEqual(problems(rec), []);
  await page.close();
});
