// Builds the npm package: target/npm/ftgate/ from www/ (element, API,
// worker), pkg/ (wasm-bindgen output of `make wasm`), the model and npm/
// (package.json template, README, type declarations), then `npm pack`s it
// into the repository root (ftgate-VERSION.tgz). The version is the crate's.
//
//   node npm/build.mjs          (make package / make pack)

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(REPO, 'target', 'npm', 'ftgate');

// package path <- repository path
const FILES = [
  ['ftgate.js', 'www/ftgate.js'],
  ['ftgate-upload.js', 'www/ftgate-upload.js'],
  ['worker.js', 'www/worker.js'],
  ['pool.js', 'www/pool.js'],
  ['ftgate.d.ts', 'npm/ftgate.d.ts'],
  ['ftgate-upload.d.ts', 'npm/ftgate-upload.d.ts'],
  ['README.md', 'npm/README.md'],
  ['pkg/ftgate.js', 'pkg/ftgate.js'],
  ['pkg/ftgate.d.ts', 'pkg/ftgate.d.ts'],
  ['pkg/ftgate_bg.wasm', 'pkg/ftgate_bg.wasm'],
  ['pkg/ftgate_bg.wasm.d.ts', 'pkg/ftgate_bg.wasm.d.ts'],
  ['models/ftgate-ngram.onnx', 'models/ftgate-ngram.onnx'],
];

function crateVersion() {
  const toml = fs.readFileSync(path.join(REPO, 'Cargo.toml'), 'utf8');
  const pkg = toml.split(/^\[/m).find((s) => s.startsWith('package]'));
  const m = pkg && pkg.match(/^version\s*=\s*"([^"]+)"/m);
  if (!m) throw new Error('no [package] version in Cargo.toml');
  return m[1];
}

const missing = FILES.filter(([, src]) => !fs.existsSync(path.join(REPO, src))).map(([, src]) => src);
if (missing.length) {
  console.error(`npm/build.mjs: missing ${missing.join(', ')} (run make wasm first)`);
  process.exit(1);
}

fs.rmSync(OUT, { recursive: true, force: true });
for (const [dst, src] of FILES) {
  fs.mkdirSync(path.dirname(path.join(OUT, dst)), { recursive: true });
  fs.copyFileSync(path.join(REPO, src), path.join(OUT, dst));
}
const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'npm', 'package.json'), 'utf8'));
manifest.version = crateVersion();
fs.writeFileSync(path.join(OUT, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', REPO], {
  cwd: OUT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
}))[0];

// What a portal serves: raw and gzip -9 sizes.
const size = (p) => {
  const b = fs.readFileSync(path.join(OUT, p));
  return [b.length, zlib.gzipSync(b, { level: 9 }).length];
};
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
const hosted = ['pkg/ftgate_bg.wasm', 'models/ftgate-ngram.onnx', 'pkg/ftgate.js', 'ftgate.js', 'ftgate-upload.js', 'worker.js', 'pool.js'];
let raw = 0; let gz = 0;
for (const p of hosted) {
  const [r, g] = size(p);
  raw += r; gz += g;
  console.log(`  ${p.padEnd(26)} ${kb(r).padStart(10)} raw ${kb(g).padStart(10)} gzip -9`);
}
console.log(`  ${'total a portal serves'.padEnd(26)} ${kb(raw).padStart(10)} raw ${kb(gz).padStart(10)} gzip -9`);
console.log(`${path.relative(REPO, OUT)}/ -> ${packed.filename} (${kb(packed.size)}, ${packed.entryCount} files)`);
