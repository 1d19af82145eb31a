// The npm package as a portal gets it: the tarball `make package` leaves in
// the repository root holds exactly the package's files, in step with the
// sources; it installs offline into a scratch folder; its exports resolve;
// its TypeScript declarations compile against a usage file (with expected
// errors for misuse) and match the CLI's JSON keys; and, served as it was
// installed with no configuration, the element checks files in Chromium.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, FIXTURES, nativeCheck, startServer, launchBrowser, problems } from '../browser/helpers.mjs';

const VERSION = fs.readFileSync(path.join(REPO, 'Cargo.toml'), 'utf8').match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m)[1];
const TARBALL = path.join(REPO, `ftgate-${VERSION}.tgz`);
const TSC = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
const HERE = path.dirname(new URL(import.meta.url).pathname);

// package path -> source in the repository (npm adds package.json itself).
const SOURCES = {
  'ftgate.js': 'www/ftgate.js',
  'ftgate-upload.js': 'www/ftgate-upload.js',
  'worker.js': 'www/worker.js',
  'pool.js': 'www/pool.js',
  'ftgate.d.ts': 'npm/ftgate.d.ts',
  'ftgate-upload.d.ts': 'npm/ftgate-upload.d.ts',
  'README.md': 'npm/README.md',
  'pkg/ftgate.js': 'pkg/ftgate.js',
  'pkg/ftgate.d.ts': 'pkg/ftgate.d.ts',
  'pkg/ftgate_bg.wasm': 'pkg/ftgate_bg.wasm',
  'pkg/ftgate_bg.wasm.d.ts': 'pkg/ftgate_bg.wasm.d.ts',
  'models/ftgate-ngram.onnx': 'models/ftgate-ngram.onnx',
};

let scratch;
let installed;
before(() => {
  if (!fs.existsSync(TARBALL)) throw new Error(`${TARBALL} is missing: run make package (or make pack)`);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ftgate-portal-'));
  fs.writeFileSync(path.join(scratch, 'package.json'), JSON.stringify({ name: 'portal', private: true, type: 'module' }));
  // An empty cache and --offline: nothing may come from a registry.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--cache', path.join(scratch, '.npm-cache'), TARBALL], {
    cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8',
  });
  installed = path.join(scratch, 'node_modules', 'ftgate');
});
after(() => { if (scratch) fs.rmSync(scratch, { recursive: true, force: true }); });

const sha = (p) => crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');

function listFiles(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name))]);
}

test('the installed package holds exactly its files, identical to the sources', () => {
  const files = listFiles(installed).sort();
  assert.deepEqual(files, [...Object.keys(SOURCES), 'package.json'].sort());
  for (const [p, src] of Object.entries(SOURCES)) {
    assert.equal(sha(path.join(installed, p)), sha(path.join(REPO, src)), `${p} differs from ${src}: the tarball is stale, run make package`);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'ftgate');
  assert.equal(manifest.version, VERSION, 'package version = crate version');
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.dependencies, undefined, 'no runtime dependencies');
});

test('exports resolve, and the API module loads outside a browser', () => {
  fs.writeFileSync(path.join(scratch, 'resolve.mjs'), `
    const names = ['ftgate', 'ftgate/upload', 'ftgate/worker.js', 'ftgate/pkg/ftgate.js', 'ftgate/pkg/ftgate_bg.wasm', 'ftgate/models/ftgate-ngram.onnx', 'ftgate/package.json'];
    const resolved = Object.fromEntries(names.map((n) => [n, new URL(import.meta.resolve(n)).pathname]));
    const api = await import('ftgate');
    console.log(JSON.stringify({ resolved, exports: Object.keys(api).sort(), urls: api.DEFAULT_URLS }));
  `);
  const out = JSON.parse(execFileSync(process.execPath, ['resolve.mjs'], { cwd: scratch, encoding: 'utf8' }));
  const rel = (p) => path.relative(installed, p);
  assert.deepEqual(Object.fromEntries(Object.entries(out.resolved).map(([k, v]) => [k, rel(v)])), {
    ftgate: 'ftgate.js', 'ftgate/upload': 'ftgate-upload.js', 'ftgate/worker.js': 'worker.js',
    'ftgate/pkg/ftgate.js': 'pkg/ftgate.js', 'ftgate/pkg/ftgate_bg.wasm': 'pkg/ftgate_bg.wasm',
    'ftgate/models/ftgate-ngram.onnx': 'models/ftgate-ngram.onnx', 'ftgate/package.json': 'package.json',
  });
  assert.deepEqual(out.exports, ['DEFAULT_URLS', 'FtgateError', 'createDataGate', 'verdictSummary']);
  // Default asset URLs sit beside the module.
  for (const [k, p] of [['workerUrl', 'worker.js'], ['pkgUrl', 'pkg/ftgate.js'], ['modelUrl', 'models/ftgate-ngram.onnx']]) {
    assert.equal(rel(new URL(out.urls[k]).pathname), p, k);
  }
});

for (const resolution of ['bundler', 'nodenext']) {
  test(`TypeScript: the usage file compiles (moduleResolution ${resolution}); misuse is an error`, () => {
    fs.copyFileSync(path.join(HERE, 'usage.ts'), path.join(scratch, 'usage.ts'));
    const module = resolution === 'bundler' ? 'esnext' : 'nodenext';
    fs.writeFileSync(path.join(scratch, `tsconfig.${resolution}.json`), JSON.stringify({
      compilerOptions: {
        strict: true, noEmit: true, target: 'es2022', module, moduleResolution: resolution,
        lib: ['es2022', 'dom', 'dom.iterable'], types: [], skipLibCheck: false,
      },
      files: ['usage.ts'],
    }));
    const r = spawnSync(process.execPath, [TSC, '-p', `tsconfig.${resolution}.json`], { cwd: scratch, encoding: 'utf8' });
    // usage.ts marks misuse with @ts-expect-error: were the types `any`,
    // those lines would compile and tsc would fail on the unused directives.
    assert.equal(r.status, 0, `tsc failed:\n${r.stdout}${r.stderr}`);
    assert.ok(fs.readFileSync(path.join(scratch, 'usage.ts'), 'utf8').split('@ts-expect-error').length > 5);
  });
}

test('the declared fields are the fields of ftgate check --json', () => {
  const dts = fs.readFileSync(path.join(installed, 'ftgate.d.ts'), 'utf8');
  const fields = (name) => {
    const m = dts.match(new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`));
    assert.ok(m, `interface ${name} in ftgate.d.ts`);
    return [...m[1].matchAll(/^ {2}(\w+)\??:/gm)].map((x) => x[1]).sort();
  };
  const keys = (o) => Object.keys(o).sort();
  const fail = nativeCheck(path.join(FIXTURES, 'harmful_chat.jsonl'));
  const format = nativeCheck(path.join(FIXTURES, 'format_errors.jsonl'));
  assert.deepEqual(fields('Verdict'), keys(fail));
  assert.deepEqual(fields('Finding'), keys(fail.findings[0]));
  assert.deepEqual(fields('Receipt'), keys(fail.receipt));
  assert.deepEqual(fields('CategorySummary'), keys(fail.categories.violence));
  assert.deepEqual(fields('Diagnostic'), keys(format.diagnostics[0]));
  const union = (name) => [...dts.match(new RegExp(`export type ${name} =([^;]*);`))[1].matchAll(/'(\w+)'/g)].map((x) => x[1]);
  assert.deepEqual(union('Category').sort(), keys(fail.categories));
  for (const d of format.diagnostics) assert.ok(union('DiagnosticCode').includes(d.code), d.code);
});

test('served as installed, with no configuration, the element checks files in Chromium', async (t) => {
  // The portal's own page, next to node_modules; /pkg/ and /models/ of the
  // server point nowhere, so every asset must come from the package folder.
  fs.writeFileSync(path.join(scratch, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>portal</title><link rel="icon" href="data:,">
<script type="module" src="/node_modules/ftgate/ftgate-upload.js"></script></head>
<body><form id="f"><ftgate-upload name="data" required></ftgate-upload><button id="go">Send</button></form></body></html>`);
  const none = path.join(scratch, 'nowhere');
  const server = await startServer(['--www', scratch, '--pkg', none, '--models', none]);
  const browser = await launchBrowser();
  t.after(async () => { await browser.close(); await server.stop(); });
  const page = await browser.context.newPage();
  const rec = { console: [], errors: [] };
  const requests = [];
  page.on('console', (m) => rec.console.push({ type: m.type(), text: m.text(), worker: !!m.worker() }));
  page.on('pageerror', (e) => rec.errors.push(String(e)));
  browser.context.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(server.url);
  await page.waitForSelector('ftgate-upload[state="ready"]', { timeout: 60_000 });
  assert.equal(await page.isDisabled('#go'), true);

  for (const [file, want] of [['harmful_chat.jsonl', 'fail'], ['clean_chat.jsonl', 'pass']]) {
    await page.setInputFiles('ftgate-upload input[type=file]', path.join(FIXTURES, file));
    await page.waitForSelector(`ftgate-upload[state="${want}"]`, { timeout: 120_000 });
    const v = await page.evaluate(() => document.querySelector('ftgate-upload').verdict);
    const native = nativeCheck(path.join(FIXTURES, file));
    assert.equal(v.message, native.message);
    assert.deepEqual(v.receipt, native.receipt);
    assert.equal(await page.isDisabled('#go'), want !== 'pass');
  }
  for (const p of ['/node_modules/ftgate/worker.js', '/node_modules/ftgate/pkg/ftgate.js', '/node_modules/ftgate/pkg/ftgate_bg.wasm', '/node_modules/ftgate/models/ftgate-ngram.onnx']) {
    assert.ok(requests.includes(p), `${p} requested: ${requests}`);
  }
  assert.deepEqual(problems(rec), []);
});
