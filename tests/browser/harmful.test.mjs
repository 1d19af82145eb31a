// 2. A file with harmful examples fails with the exact message, the findings
//    table lists the right lines, Upload stays disabled, and the two local
//    downloads (cleaned file, findings report) are right.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, openPage, checkInPage, problems, failMessage, tmpFile } from './helpers.mjs';
import { harmfulFile, cleanLines } from './data.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { if (env) await env.close(); });

test('harmful examples fail with the exact message and the right lines', async () => {
  const { page, rec } = await openPage(env.context, env.server.url);
  const h = harmfulFile();
  const file = tmpFile('harmful.jsonl', h.content);
  try {
    const v = await checkInPage(page, file);
    const expected = failMessage(h.categories);
    assert.equal(v.verdict, 'fail');
    assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'fail');
    assert.equal(v.message, expected);
    assert.equal((await page.textContent('#verdict-message')).trim(), expected, 'banner shows the exact message');
    assert.deepEqual([...v.failedCategories].sort(), h.categories);
    assert.deepEqual(v.failingLines, h.failingLines);

    // Findings table: rows for exactly the harmful lines, first cell = line.
    const rows = await page.$$eval('#findings tr', (trs) => trs.map((tr) => ({
      line: Number(tr.cells[0].textContent),
      dataLine: Number(tr.dataset.line),
      severity: tr.cells[4].textContent,
      excerpt: tr.cells[6].textContent,
    })));
    assert.ok(rows.length >= h.failingLines.length, `findings rows: ${JSON.stringify(rows)}`);
    const medPlus = rows.filter((r) => r.severity === 'medium' || r.severity === 'high');
    assert.deepEqual([...new Set(medPlus.map((r) => r.line))].sort((a, b) => a - b), h.failingLines,
      'medium+ findings are on the harmful lines');
    for (const r of rows) {
      assert.equal(r.line, r.dataLine);
      assert.ok(['low', 'medium', 'high'].includes(r.severity), `severity name ${r.severity}`);
    }
    assert.equal(rows.length, v.findings.length);
    // Each harmful text shows up as an excerpt on its line.
    for (const at of h.failingLines) {
      const texts = JSON.parse(h.lines[at - 1]).messages.map((m) => m.content);
      assert.ok(rows.some((r) => r.line === at && texts.some((t) => t.includes(r.excerpt))), `excerpt for line ${at}: ${JSON.stringify(rows)}`);
    }
    // Summary table marks the failed categories.
    const failedRows = await page.$$eval('#summary tr.failed th', (ths) => ths.map((t) => t.textContent));
    assert.equal(failedRows.length, h.categories.length);

    assert.equal(await page.isDisabled('#upload'), true, 'no upload for a failing file');

    // Findings report: the verdict as JSON, made locally.
    const [report] = await Promise.all([page.waitForEvent('download'), page.click('#download-report')]);
    assert.ok(report.url().startsWith('blob:'), `report is a local blob: ${report.url()}`);
    const reportJson = JSON.parse(fs.readFileSync(await report.path(), 'utf8'));
    assert.equal(reportJson.file, 'harmful.jsonl');
    assert.equal(reportJson.message, expected);
    assert.deepEqual(reportJson.failingLines, h.failingLines);
    assert.deepEqual(reportJson.findings, v.findings);

    // Cleaned file: the original bytes minus the failing lines.
    const [cleaned] = await Promise.all([page.waitForEvent('download'), page.click('#download-clean')]);
    assert.ok(cleaned.url().startsWith('blob:'), `cleaned file is a local blob: ${cleaned.url()}`);
    assert.equal(cleaned.suggestedFilename(), 'harmful.cleaned.jsonl');
    const cleanedText = fs.readFileSync(await cleaned.path(), 'utf8');
    assert.equal(cleanedText, cleanLines().join('\n') + '\n');
    assert.match(await page.textContent('#clean-result'), /3 failing lines removed, 12 kept/);

    // The cleaned file passes, and then Upload is enabled.
    const v2 = await checkInPage(page, { name: 'harmful.cleaned.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(cleanedText) });
    assert.equal(v2.verdict, 'pass', v2.message);
    assert.equal(await page.isEnabled('#upload'), true);
    assert.equal(await page.locator('#findings tr').count(), v2.findings.length, 'only the new file\'s findings are listed');
    assert.ok(!(await page.$$eval('#findings tr', (trs) => trs.map((t) => Number(t.dataset.line)))).some((l) => l > 12), 'no rows left over from the 15-line file');

    assert.deepEqual(problems(rec), []);
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    await page.close();
  }
});

test('format errors fail with their own message and are listed', async () => {
  const { page } = await openPage(env.context, env.server.url);
  const lines = cleanLines();
  lines.splice(4, 0, '{"messages": [{"role": "user", "content": "unterminated"');
  lines.splice(8, 0, '{"messages": [{"role": "wizard", "content": "hello"}, {"role": "assistant", "content": "hi"}]}');
  const v = await checkInPage(page, { name: 'broken.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines.join('\n') + '\n') });
  assert.equal(v.verdict, 'fail');
  assert.deepEqual(v.failedCategories, []);
  assert.ok(!v.message.startsWith('The provided training data failed RAI checks'), v.message);
  assert.equal((await page.textContent('#verdict-message')).trim(), v.message);
  const diags = await page.$$eval('#diagnostics li', (lis) => lis.map((li) => ({ line: Number(li.dataset.line), code: li.dataset.code, text: li.textContent })));
  assert.ok(diags.some((d) => d.line === 5 && d.code === 'invalid_json'), JSON.stringify(diags));
  assert.ok(diags.some((d) => d.line === 9 && d.code === 'unknown_role' && d.text.includes('wizard')), JSON.stringify(diags));
  assert.equal(await page.isDisabled('#upload'), true);
  await page.close();
});
