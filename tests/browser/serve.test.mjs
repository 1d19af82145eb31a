// tools/serve.py on its own (no browser, no wasm build needed): routes,
// MIME types, security headers, path traversal, and the upload endpoint.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './helpers.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

let server;
let tmp;
before(async () => {
  // Own pkg/ and models/ directories, so this test does not need the build.
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ftgate-serve-'));
  fs.mkdirSync(path.join(tmp, 'pkg'));
  fs.mkdirSync(path.join(tmp, 'models'));
  fs.writeFileSync(path.join(tmp, 'pkg', 'ftgate_bg.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  fs.writeFileSync(path.join(tmp, 'pkg', 'ftgate.js'), 'export default 1;\n');
  fs.writeFileSync(path.join(tmp, 'models', 'm.onnx'), 'x');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'secret');
  server = await startServer(['--pkg', path.join(tmp, 'pkg'), '--models', path.join(tmp, 'models')]);
});
after(async () => {
  if (server) await server.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Raw HTTP request (so paths are sent exactly as written). */
function raw(request) {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const sock = net.connect(Number(port), '127.0.0.1', () => sock.end(request));
    const chunks = [];
    sock.on('data', (d) => chunks.push(d));
    sock.on('error', reject);
    sock.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [status, ...lines] = head.split('\r\n');
      const headers = {};
      for (const l of lines) { const i = l.indexOf(':'); headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim(); }
      resolve({ status: Number(status.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
  });
}
const get = (p) => raw(`GET ${p} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);

test('prints its URL and serves the page with security headers', async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const r = await get('/');
  assert.equal(r.status, 200);
  assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(r.headers['content-security-policy'], CSP);
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
  assert.match(r.body, /<div id="verdict"/);
  for (const [p, type] of [['/app.js', 'text/javascript; charset=utf-8'], ['/worker.js', 'text/javascript; charset=utf-8'],
    ['/style.css', 'text/css; charset=utf-8'], ['/pkg/ftgate_bg.wasm', 'application/wasm'],
    ['/pkg/ftgate.js', 'text/javascript; charset=utf-8'], ['/models/m.onnx', 'application/octet-stream']]) {
    const x = await get(p);
    assert.equal(x.status, 200, p);
    assert.equal(x.headers['content-type'], type, p);
    assert.equal(x.headers['content-security-policy'], CSP, p);
    assert.equal(x.headers['x-content-type-options'], 'nosniff', p);
  }
});

test('static files are cached but revalidated: ETag, no-cache, 304 until the file changes', async () => {
  const url = new URL('/pkg/ftgate_bg.wasm', server.url);
  const first = await fetch(url);
  assert.equal(first.status, 200);
  assert.equal(first.headers.get('cache-control'), 'no-cache');
  const etag = first.headers.get('etag');
  assert.match(etag ?? '', /^"[0-9a-f]+-[0-9a-f]+"$/);
  const again = await fetch(url, { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  assert.equal((await again.arrayBuffer()).byteLength, 0);
  // A rebuilt file gets a new ETag, so the old one no longer matches.
  fs.writeFileSync(path.join(tmp, 'pkg', 'ftgate_bg.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0]));
  const changed = await fetch(url, { headers: { 'If-None-Match': etag } });
  assert.equal(changed.status, 200);
  assert.notEqual(changed.headers.get('etag'), etag);
  // Dynamic answers are never cached.
  const up = await fetch(new URL('/upload', server.url), { method: 'POST', body: 'x' });
  assert.equal(up.headers.get('cache-control'), 'no-store');
});

test('nothing outside the three mounts is served', async () => {
  for (const p of ['/../secret.txt', '/pkg/../../secret.txt', '/%2e%2e/secret.txt', '/pkg/%2e%2e/%2e%2e/secret.txt',
    '/models/..%2fm.onnx', '/..%2f..%2fetc/passwd', '/.git/config', '/nope.html', '//etc/passwd']) {
    const r = await get(p);
    assert.equal(r.status, 404, `${p} -> ${r.status}`);
    assert.ok(!r.body.includes('secret'), p);
    assert.equal(r.headers['content-security-policy'], CSP, `${p}: headers on errors too`);
  }
});

test('POST /upload hashes and counts the body and keeps nothing', async () => {
  const body = crypto.randomBytes(300_000);
  const res = await fetch(new URL('/upload', server.url), { method: 'POST', body });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/json');
  assert.equal(res.headers.get('content-security-policy'), CSP);
  assert.deepEqual(await res.json(), { received: body.length, sha256: crypto.createHash('sha256').update(body).digest('hex') });

  // Chunked transfer encoding.
  const chunked = await raw('POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n');
  assert.deepEqual(JSON.parse(chunked.body), { received: 11, sha256: crypto.createHash('sha256').update('hello world').digest('hex') });

  const empty = await fetch(new URL('/upload', server.url), { method: 'POST', body: '' });
  assert.deepEqual(await empty.json(), { received: 0, sha256: crypto.createHash('sha256').update('').digest('hex') });

  assert.equal((await get('/upload')).status, 405);
  assert.equal((await fetch(new URL('/other', server.url), { method: 'POST', body: 'x' })).status, 404);
  assert.equal((await fetch(new URL('/upload', server.url), { method: 'PUT', body: 'x' })).status, 405);
});
