// Browser benchmark: serves the page (tools/serve.py), opens it in headless
// Chromium, checks files through the page's file input and prints MB/s,
// examples/s, time to ready and peak JS heap. Prints figures; asserts nothing.
//
//   node bench/browser.mjs bench/out/10k.jsonl [more files...]
//
// Uses whatever is in pkg/ (build it first: `make build` for the shipped
// release wasm, or `make wasm WASM_PROFILE=fast`).

import fs from 'node:fs';
import { setup, openPage, checkInPage } from '../tests/browser/helpers.mjs';

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: node bench/browser.mjs FILE.jsonl [...]');
  process.exit(2);
}
const env = await setup();
try {
  const t0 = performance.now();
  const { page } = await openPage(env.context, env.server.url);
  const ready = performance.now() - t0;
  const cdp = await env.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  console.log(`page ready (wasm + model loaded): ${ready.toFixed(0)} ms`);
  for (const f of files) {
    const bytes = fs.statSync(f).size;
    const s = performance.now();
    const v = await checkInPage(page, f);
    const secs = (performance.now() - s) / 1000;
    const m = await cdp.send('Performance.getMetrics');
    const heap = m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? NaN;
    console.log(
      `${f}: ${(bytes / 1e6).toFixed(1)} MB, ${v.examples} examples, ${v.texts} texts in ${secs.toFixed(2)} s → ` +
        `${(bytes / 1e6 / secs).toFixed(2)} MB/s, ${Math.round(v.examples / secs)} examples/s, ` +
        `${Math.round(v.texts / secs)} texts/s; verdict ${v.verdict}; page JS heap ${(heap / 1e6).toFixed(1)} MB`,
    );
  }
} finally {
  await env.close();
}
