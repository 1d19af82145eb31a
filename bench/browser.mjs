// Browser benchmark: serves the page (tools/serve.py), opens it in headless
// Chromium, checks files through the page's file input with 1 and N workers
// (`?workers=N`) and prints MB/s, examples/s, time to ready (first load and
// cached), page JS heap and peak renderer memory (page + workers). Prints
// figures; asserts nothing.
//
//   node bench/browser.mjs                          # generated 10 and 100 MB files, 1 and N workers
//   node bench/browser.mjs --big                    # … and 512 MB
//   node bench/browser.mjs --sizes 10 --workers 1,2 --out bench/out/browser.md
//   node bench/browser.mjs FILE.jsonl [...]         # given files instead
//
// N defaults to the browser's navigator.hardwareConcurrency (capped at 8, as
// the page does). Uses whatever is in pkg/ (build it first: `make build` for
// the shipped release wasm, or `make wasm WASM_PROFILE=fast`).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

// Big files take minutes with one worker: no check timeout here.
process.env.FTGATE_CHECK_TIMEOUT_MS ??= String(60 * 60 * 1000);
const { setup, openPage, checkInPage, REPO } = await import('../tests/browser/helpers.mjs');

const { values: opt, positionals: given } = parseArgs({
  allowPositionals: true,
  options: {
    sizes: { type: 'string', default: '10,100' },
    big: { type: 'boolean', default: false },
    workers: { type: 'string' },
    out: { type: 'string' },
  },
});

function generated(mb) {
  const file = path.join(REPO, 'bench', 'out', `${mb}mb.jsonl`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fd = fs.openSync(`${file}.tmp`, 'w');
    const r = spawnSync('python3', [path.join(REPO, 'bench', 'gen.py'), '--mb', String(mb), '--harmful', '0.01'], { stdio: ['ignore', fd, 'inherit'] });
    fs.closeSync(fd);
    if (r.status !== 0) throw new Error(`bench/gen.py --mb ${mb} failed`);
    fs.renameSync(`${file}.tmp`, file);
  }
  return file;
}

/** Resident memory of Chromium's renderer processes (page + its workers),
 * bytes: private anonymous memory (RssAnon: heaps, wasm memories, compiled
 * code), which is what the page costs; VmRSS would add the shared libraries
 * and font/ICU mappings every renderer maps. Set BENCH_RSS_DEBUG=1 to print
 * each process. */
function rendererRss() {
  let total = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer')) continue;
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const m = status.match(/RssAnon:\s+(\d+) kB/);
      if (m) total += Number(m[1]) * 1024;
      if (process.env.BENCH_RSS_DEBUG) {
        console.error(pid, status.match(/VmRSS:\s+\d+ kB/)?.[0], m?.[0], status.match(/RssShmem:\s+\d+ kB/)?.[0]);
      }
    } catch { /* the process ended */ }
  }
  return total;
}

const files = given.length
  ? given
  : [...opt.sizes.split(',').filter(Boolean).map(Number), ...(opt.big ? [512] : [])].map(generated);
const mb = (b) => (b / 1e6).toFixed(1);
const lines = [];
const say = (s) => { console.log(s); lines.push(s); };

const env = await setup();
try {
  const probe = await openPage(env.context, env.server.url);
  const cores = await probe.page.evaluate(() => navigator.hardwareConcurrency || 1);
  await probe.page.close();
  const counts = opt.workers
    ? opt.workers.split(',').map(Number)
    : [...new Set([1, Math.min(8, cores)])];
  say(`### Browser (headless Chromium, navigator.hardwareConcurrency ${cores}, ${os.cpus().length} host cores)`);
  say('');
  say('`node bench/browser.mjs` — through the page\'s file input until `#verdict` has `data-verdict`; ' +
    'ready: navigation start until the checker is ready, measured in the page (first load, then cached); memory: page JS heap after the check; private resident memory (RssAnon) of all renderer processes (page + workers) just before the check and its peak during it.');
  say('');
  say('| file | MB | workers | ready (cached) | time | MB/s | examples/s | verdict | JS heap | renderer memory: before → peak |');
  say('|---|---|---|---|---|---|---|---|---|---|');
  for (const workers of counts) {
    const url = `${env.server.url}?workers=${workers}`;
    // Time to ready twice: the second load finds wasm and model in the cache.
    // Measured in the page: navigation start → checker ready.
    const first = await openPage(env.context, url);
    const readyFirst = await first.page.evaluate(() => window.__ftgateReadyMs);
    await first.page.close();
    const { page } = await openPage(env.context, url);
    const ready = await page.evaluate(() => window.__ftgateReadyMs);
    // Where the cached ready time goes inside the page's first worker (a
    // lite worker next to a pool loads nothing: see the pool's own figure).
    const stages = await page.evaluate(() => window.__ftgateLoadStages);
    if (stages && !stages.lite) {
      const ms = (k) => `${Math.round(stages[k])} ms`;
      console.log(`workers=${workers}: worker load stages (cached): import ${ms('importMs')}, wasm + model fetch ${ms('wasmAndModelMs')}, classifier ${ms('classifierMs')}`);
    }
    const cdp = await env.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    for (const f of files) {
      const bytes = fs.statSync(f).size;
      const before = rendererRss();
      let peak = before;
      const poll = setInterval(() => { peak = Math.max(peak, rendererRss()); }, 250);
      const s = performance.now();
      let v;
      try {
        v = await checkInPage(page, f);
      } finally {
        clearInterval(poll);
      }
      const secs = (performance.now() - s) / 1000;
      const m = await cdp.send('Performance.getMetrics');
      const heap = m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? NaN;
      say(`| ${path.relative(REPO, path.resolve(f))} | ${mb(bytes)} | ${workers} | ${readyFirst.toFixed(0)} ms (${ready.toFixed(0)} ms) | ` +
        `${secs.toFixed(1)} s | ${(bytes / 1e6 / secs).toFixed(2)} | ${Math.round(v.examples / secs).toLocaleString('en-US')} | ` +
        `${v.verdict} | ${mb(heap)} MB | ${mb(before)} → ${mb(peak)} MB |`);
    }
    await page.close();
  }
} finally {
  await env.close();
}
if (opt.out) fs.writeFileSync(opt.out, `${lines.join('\n')}\n`);
