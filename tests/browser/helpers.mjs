// Shared helpers for the browser tests: start tools/serve.py on a free port,
// launch the system Chromium through playwright-core with a fresh profile,
// open the page and wait until the checker is ready, check a file, and run
// the native CLI for comparison.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = path.join(REPO, 'tests', 'fixtures');
export const WEB_FIXTURES = path.join(FIXTURES, 'web');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const FTGATE_BIN = path.resolve(REPO, process.env.FTGATE_BIN || 'target/fast/ftgate');
// The wasm package and model directories the page is served from
// (defaults: pkg/ and models/ of the repository).
export const PKG_DIR = path.resolve(REPO, process.env.FTGATE_PKG_DIR || 'pkg');
export const MODELS_DIR = path.resolve(REPO, process.env.FTGATE_MODELS_DIR || 'models');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const FAIL_MESSAGE_PREFIX = 'The provided training data failed RAI checks for harm types: [';
export const failMessage = (cats) =>
  `The provided training data failed RAI checks for harm types: [${[...cats].sort().join(', ')}]. Please fix the data and try again.`;

const TIMEOUT_READY_MS = Number(process.env.FTGATE_READY_TIMEOUT_MS || 60_000);
const TIMEOUT_CHECK_MS = Number(process.env.FTGATE_CHECK_TIMEOUT_MS || 120_000);

/** Fails (does not skip) when the wasm build or the model is missing. */
export function requireBuild() {
  const need = [path.join(PKG_DIR, 'ftgate.js'), path.join(PKG_DIR, 'ftgate_bg.wasm'), path.join(MODELS_DIR, 'ftgate-ngram.onnx')];
  const missing = need.filter((p) => !fs.existsSync(p));
  if (missing.length) {
    throw new Error(`missing ${missing.join(', ')}: build the wasm package and the model before the browser tests`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
}

/**
 * Starts tools/serve.py on a free port. Returns {url, origin, log, stop}.
 * `log` collects the server's request log lines (stderr), e.g.
 * `"POST /upload HTTP/1.1" 200 -`.
 */
export async function startServer(extraArgs = []) {
  const child = spawn('python3', [path.join(REPO, 'tools', 'serve.py'), '--port', '0', '--host', '127.0.0.1', ...extraArgs], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = [];
  let errBuf = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => {
    errBuf += d;
    let i;
    while ((i = errBuf.indexOf('\n')) >= 0) {
      log.push(errBuf.slice(0, i));
      errBuf = errBuf.slice(i + 1);
    }
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve.py did not print its URL: ${out}${errBuf}`)), 15_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/serving (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.py exited (${code}): ${out}${errBuf}`)); });
  });
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return { url, origin: new URL(url).origin, log, child, stop };
}

/** Launches Chromium with a fresh temporary profile. Returns {context, close}. */
export async function launchBrowser(options = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ftgate-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  const close = async () => {
    try { await context.close(); } finally { fs.rmSync(userDataDir, { recursive: true, force: true }); }
  };
  return { context, close };
}

/**
 * Starts a server and a browser, for a `describe` block. Call `env.close()`
 * in `after`.
 */
export async function setup(serverArgs = []) {
  requireBuild();
  const server = await startServer(['--pkg', PKG_DIR, '--models', MODELS_DIR, ...serverArgs]);
  let browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    await server.stop();
    throw e;
  }
  return {
    server,
    context: browser.context,
    async close() {
      try { await browser.close(); } finally { await server.stop(); }
    },
  };
}

/**
 * Opens the page, recording console messages, page errors, dialogs and
 * requests, and waits until the worker reports ready.
 */
export async function openPage(context, url) {
  const page = await context.newPage();
  const rec = { console: [], errors: [], dialogs: [], requests: [] };
  // Console messages of the page's workers arrive here too (m.worker() set).
  page.on('console', (m) => rec.console.push({ type: m.type(), text: m.text(), worker: !!m.worker() }));
  page.on('pageerror', (e) => rec.errors.push(String(e && e.message ? e.message : e)));
  page.on('dialog', (d) => { rec.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('request', (r) => rec.requests.push(r));
  await page.goto(url);
  try {
    await page.waitForSelector('#status[data-ready="true"]', { timeout: TIMEOUT_READY_MS });
  } catch (e) {
    const status = await page.textContent('#status').catch(() => '?');
    throw new Error(`checker not ready: #status says "${status}"; console: ${JSON.stringify(rec.console)}; errors: ${JSON.stringify(rec.errors)}`);
  }
  return { page, rec };
}

/**
 * Checks a file in the page through the file input and returns the verdict
 * the page computed. `file` is a path or {name, mimeType, buffer}.
 */
export async function checkInPage(page, file) {
  await page.setInputFiles('#file', file);
  try {
    await page.waitForFunction(
      () => window.__ftgateLastVerdict && document.getElementById('verdict').dataset.verdict,
      null,
      { timeout: TIMEOUT_CHECK_MS, polling: 50 },
    );
  } catch (e) {
    const banner = await page.textContent('#verdict').catch(() => '?');
    throw new Error(`no verdict: banner says "${banner?.trim()}"`);
  }
  return page.evaluate(() => window.__ftgateLastVerdict);
}

/** Runs the native CLI: `ftgate check FILE --json`. Returns the parsed JSON. */
export function nativeCheck(file) {
  if (!fs.existsSync(FTGATE_BIN)) throw new Error(`native ftgate not found at ${FTGATE_BIN} (set FTGATE_BIN)`);
  const r = spawnSync(FTGATE_BIN, ['check', file, '--json'], { cwd: REPO, encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.error) throw r.error;
  const out = (r.stdout || '').trim();
  if (!out) throw new Error(`ftgate check ${file} --json printed nothing (exit ${r.status}): ${r.stderr}`);
  try {
    return JSON.parse(out);
  } catch (e) {
    throw new Error(`ftgate check ${file} --json did not print JSON (exit ${r.status}): ${out.slice(0, 500)}`);
  }
}

/** JSONL text for chat examples: [[userText, assistantText], ...]. */
export function chatJsonl(pairs) {
  return pairs
    .map(([u, a]) => JSON.stringify({ messages: [{ role: 'user', content: u }, { role: 'assistant', content: a }] }))
    .join('\n') + '\n';
}

export function readFixture(name) {
  return fs.readFileSync(path.join(WEB_FIXTURES, name), 'utf8');
}

export function tmpFile(name, content) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ftgate-test-'));
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

/** Console errors plus page errors, as strings. */
export function problems(rec) {
  return [
    ...rec.console.filter((m) => m.type === 'error').map((m) => `console${m.worker ? ' (worker)' : ''}: ${m.text}`),
    ...rec.errors.map((e) => `pageerror: ${e}`),
  ];
}
