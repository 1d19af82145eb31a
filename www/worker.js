// ftgate module worker: loads the wasm build and the model once, then checks
// files posted to it chunk by chunk. The file never leaves this worker except
// as a Blob handed back to the page (cleaned-file download).
//
// Page -> worker
//   {type:'init', pkgUrl, modelUrl, wasmUrl?, wasmModule?, chunkSize?, lite?}   (no wasmUrl: ftgate_bg.wasm beside pkgUrl;
//                                    wasmModule: a WebAssembly.Module compiled once by the pool)
//   {type:'check', id, file}            file: File/Blob
//   {type:'cancel', id}
//   {type:'clean', id, file, failingLines}
//   Pool jobs (www/pool.js; one file checked by several workers):
//   {type:'part', id, file, start, end}  check the lines whose preceding '\n' is in [start, end)
//   {type:'hash', id, file}              SHA-256 of the whole file, one pass
//   {type:'merge', id, parts, bytes, sha256}   parts: the 'partDone' results in file order
// Worker -> page
//   {type:'ready', info, loadMs, stages: {importMs, wasmAndModelMs, classifierMs}}
//   {type:'progress', id, bytes, totalBytes, lines, examples, texts, elapsedMs, examplesPerSec}
//   {type:'verdict', id, verdict, bytes, elapsedMs, examplesPerSec}
//   {type:'cancelled', id, bytes, examples}
//   {type:'cleaned', id, blob, removed, kept}
//   {type:'error', id|null, stage, message, fatal}
//   {type:'partDone', id, part, bytes}   part: plain object, only for 'merge'
//   {type:'hashed', id, sha256, bytes}
//   ('progress' of a part: bytes, lines, examples, texts of that part; 'merge' answers 'verdict')

const DEFAULT_CHUNK = 4 * 1024 * 1024; // bytes read from the file at a time
const FEED_SLICE = 1024 * 1024;        // bytes handed to gate.feed() at a time
const PROGRESS_INTERVAL_MS = 100;

let gate = null;
let lite = false; // loaded without wasm or model (see load)
let wasm = null; // the wasm-bindgen module (FileHash)
let chunkSize = DEFAULT_CHUNK;
let loading = null;
let broken = false;

// Checks run one at a time; a new check cancels the running one.
const queue = [];
let current = null;
let running = false;

function errorMessage(e) {
  if (e instanceof Error) return e.message || String(e);
  if (typeof e === 'string') return e;
  try { return JSON.stringify(e); } catch { return String(e); }
}

// Yield to the event loop so 'cancel' messages are seen between slices.
// (setTimeout(0) is clamped after nesting; a MessageChannel round trip is not.)
const yieldChannel = new MessageChannel();
const yieldWaiters = [];
yieldChannel.port1.onmessage = () => { const r = yieldWaiters.shift(); if (r) r(); };
function yieldToEvents() {
  return new Promise((resolve) => { yieldWaiters.push(resolve); yieldChannel.port2.postMessage(0); });
}

async function load(msg) {
  const t0 = performance.now();
  // lite: the page's own worker while a pool does the checking. It only
  // writes cleaned files (plain JS), so it loads no wasm and no model: the
  // pool's N workers are the only classifiers in memory.
  if (msg.lite) {
    lite = true;
    if (Number.isInteger(msg.chunkSize) && msg.chunkSize > 0) chunkSize = msg.chunkSize;
    return { info: null, loadMs: performance.now() - t0, stages: { lite: true }, modelBytes: 0 };
  }
  const pkgUrl = new URL(msg.pkgUrl || '/pkg/ftgate.js', self.location.href).href;
  const modelUrl = new URL(msg.modelUrl || '/models/ftgate-ngram.onnx', self.location.href).href;
  if (Number.isInteger(msg.chunkSize) && msg.chunkSize > 0) chunkSize = msg.chunkSize;
  let mod;
  const stages = {};
  try {
    mod = await import(pkgUrl);
    stages.importMs = performance.now() - t0;
  } catch (e) {
    throw new Error(`could not load the ftgate WebAssembly package from ${pkgUrl}: ${errorMessage(e)}`);
  }
  // wasm-bindgen finds ftgate_bg.wasm beside its JS unless told otherwise
  // (portals that fingerprint or relocate asset files pass wasmUrl).
  const wasmUrl = msg.wasmUrl ? new URL(msg.wasmUrl, self.location.href) : undefined;
  const wasmSource = msg.wasmModule instanceof WebAssembly.Module ? msg.wasmModule : wasmUrl;
  const [, modelBytes] = await Promise.all([
    wasmSource ? mod.default({ module_or_path: wasmSource }) : mod.default(),
    fetch(modelUrl, { credentials: 'same-origin' }).then(async (r) => {
      if (!r.ok) throw new Error(`could not fetch the model ${modelUrl}: HTTP ${r.status}`);
      return new Uint8Array(await r.arrayBuffer());
    }),
  ]);
  stages.wasmAndModelMs = performance.now() - t0 - stages.importMs;
  const t1 = performance.now();
  try {
    gate = new mod.DataGate(modelBytes);
  } catch (e) {
    throw new Error(`the model could not be loaded: ${errorMessage(e)}`);
  }
  stages.classifierMs = performance.now() - t1;
  wasm = mod;
  const info = gate.info();
  return { info, loadMs: performance.now() - t0, stages, modelBytes: modelBytes.byteLength };
}

async function runCheck(job) {
  const { id, file } = job;
  const total = file.size;
  const t0 = performance.now();
  let offset = 0;
  let last = { bytes: 0, lines: 0, examples: 0, texts: 0 };
  let lastPost = -Infinity;
  const rate = (ms) => (ms > 0 ? (last.examples * 1000) / ms : 0);
  const progress = (force) => {
    const now = performance.now();
    if (!force && now - lastPost < PROGRESS_INTERVAL_MS) return;
    lastPost = now;
    const elapsedMs = now - t0;
    self.postMessage({
      type: 'progress', id, bytes: offset, totalBytes: total, lines: last.lines,
      examples: last.examples, texts: last.texts, elapsedMs, examplesPerSec: rate(elapsedMs),
    });
  };

  gate.begin();
  progress(true);
  while (offset < total) {
    if (job.cancelled) break;
    const end = Math.min(offset + chunkSize, total);
    const buf = new Uint8Array(await file.slice(offset, end).arrayBuffer());
    if (buf.byteLength !== end - offset) {
      throw new Error(`read ${buf.byteLength} bytes at offset ${offset}, expected ${end - offset} (was the file changed?)`);
    }
    for (let s = 0; s < buf.byteLength; s += FEED_SLICE) {
      if (job.cancelled) break;
      const piece = buf.subarray(s, Math.min(s + FEED_SLICE, buf.byteLength));
      last = gate.feed(piece);
      offset += piece.byteLength;
      progress(false);
      if (s + FEED_SLICE < buf.byteLength) await yieldToEvents();
    }
  }
  if (job.cancelled) {
    // Leave the gate in a clean state; the next check calls begin() anyway.
    try { gate.begin(); } catch { /* ignore */ }
    self.postMessage({ type: 'cancelled', id, bytes: offset, examples: last.examples });
    return;
  }
  progress(true);
  const verdict = gate.finish();
  const elapsedMs = performance.now() - t0;
  self.postMessage({
    type: 'verdict', id, verdict, bytes: offset, elapsedMs,
    examplesPerSec: elapsedMs > 0 ? (verdict.examples * 1000) / elapsedMs : 0,
  });
}

// Stream the file and drop the given 1-based line numbers ('\n'-terminated
// lines; each dropped line goes with its terminator). Kept bytes are passed
// through unchanged, so CRLF files stay CRLF.
async function runClean(job) {
  const { id, file } = job;
  const drop = new Set(job.failingLines || []);
  const parts = [];
  let line = 1;
  let removed = 0;
  let kept = 0;
  let open = false; // the current line has bytes but no '\n' yet
  for (let offset = 0; offset < file.size; offset += chunkSize) {
    const buf = new Uint8Array(await file.slice(offset, Math.min(offset + chunkSize, file.size)).arrayBuffer());
    let start = 0;
    while (start < buf.byteLength) {
      const nl = buf.indexOf(10, start);
      const stop = nl === -1 ? buf.byteLength : nl + 1;
      if (!drop.has(line)) parts.push(buf.subarray(start, stop));
      if (nl === -1) {
        open = true;
      } else {
        if (drop.has(line)) removed++; else kept++;
        line++;
        open = false;
      }
      start = stop;
    }
  }
  if (open) { if (drop.has(line)) removed++; else kept++; }
  const blob = new Blob(parts, { type: 'application/x-ndjson' });
  self.postMessage({ type: 'cleaned', id, blob, removed, kept });
}

async function readSlice(file, offset, end) {
  const buf = new Uint8Array(await file.slice(offset, end).arrayBuffer());
  if (buf.byteLength !== end - offset) {
    throw new Error(`read ${buf.byteLength} bytes at offset ${offset}, expected ${end - offset} (was the file changed?)`);
  }
  return buf;
}

// One part of a file for the pool: read from the nominal start (the core
// skips the line that began before it) until the core says the part's last
// line is complete — past `end` if a line straddles it — or the file ends.
async function runPart(job) {
  const { id, file } = job;
  let offset = job.start;
  let last = { bytes: 0, lines: 0, examples: 0, texts: 0, done: false };
  let lastPost = -Infinity;
  const progress = () => {
    const now = performance.now();
    if (now - lastPost < PROGRESS_INTERVAL_MS) return;
    lastPost = now;
    self.postMessage({ type: 'progress', id, bytes: last.bytes, lines: last.lines, examples: last.examples, texts: last.texts });
  };
  gate.beginPart(job.start, job.end);
  while (offset < file.size && !last.done && !job.cancelled) {
    const buf = await readSlice(file, offset, Math.min(offset + chunkSize, file.size));
    for (let s = 0; s < buf.byteLength && !last.done; s += FEED_SLICE) {
      if (job.cancelled) break;
      const piece = buf.subarray(s, Math.min(s + FEED_SLICE, buf.byteLength));
      last = gate.feedPart(piece);
      offset += piece.byteLength;
      progress();
      if (s + FEED_SLICE < buf.byteLength) await yieldToEvents();
    }
  }
  if (job.cancelled) {
    self.postMessage({ type: 'cancelled', id, bytes: last.bytes, examples: last.examples });
    return;
  }
  const part = gate.finishPart();
  self.postMessage({ type: 'partDone', id, part, bytes: part.bytes });
}

async function runHash(job) {
  const { id, file } = job;
  const hash = new wasm.FileHash();
  try {
    for (let offset = 0; offset < file.size && !job.cancelled; offset += chunkSize) {
      hash.update(await readSlice(file, offset, Math.min(offset + chunkSize, file.size)));
    }
    if (job.cancelled) self.postMessage({ type: 'cancelled', id, bytes: 0, examples: 0 });
    else self.postMessage({ type: 'hashed', id, sha256: hash.finish(), bytes: file.size });
  } finally {
    hash.free();
  }
}

function runMerge(job) {
  const t0 = performance.now();
  const verdict = gate.mergeParts(job.parts, job.bytes, job.sha256);
  self.postMessage({ type: 'verdict', id: job.id, verdict, bytes: job.bytes, elapsedMs: performance.now() - t0, examplesPerSec: 0 });
}

async function pump() {
  if (running) return;
  running = true;
  try {
    while (queue.length) {
      const job = queue.shift();
      current = job;
      try {
        if (job.kind === 'check') await runCheck(job);
        else if (job.kind === 'clean') await runClean(job);
        else if (job.kind === 'part') await runPart(job);
        else if (job.kind === 'hash') await runHash(job);
        else if (job.kind === 'merge') runMerge(job);
      } catch (e) {
        // A trap inside wasm (panic=abort) leaves the instance unusable:
        // tell the page, which restarts the worker.
        const fatal = e instanceof WebAssembly.RuntimeError;
        if (fatal) broken = true;
        self.postMessage({ type: 'error', id: job.id, stage: job.kind, message: errorMessage(e), fatal });
        if (fatal) return;
      } finally {
        current = null;
      }
    }
  } finally {
    running = false;
  }
}

self.onmessage = (ev) => {
  const msg = ev.data || {};
  switch (msg.type) {
    case 'init':
      if (!loading) {
        loading = load(msg).then(
          (r) => self.postMessage({ type: 'ready', info: r.info, loadMs: r.loadMs, stages: r.stages, modelBytes: r.modelBytes }),
          (e) => self.postMessage({ type: 'error', id: null, stage: 'load', message: errorMessage(e), fatal: true }),
        );
      }
      break;
    case 'check':
    case 'clean':
    case 'part':
    case 'hash':
    case 'merge':
      if (broken) {
        self.postMessage({ type: 'error', id: msg.id, stage: msg.type, message: 'the checker stopped after an internal error; reload the page', fatal: true });
        break;
      }
      // Cleaning is plain JS; every other job needs the wasm and model.
      if (!gate && msg.type !== 'clean') {
        const message = lite ? 'this worker only writes cleaned files (the pool checks)' : 'the checker is not ready yet';
        self.postMessage({ type: 'error', id: msg.id, stage: msg.type, message, fatal: false });
        break;
      }
      if (msg.type === 'check') {
        // Only one file check at a time: a new one supersedes everything queued or running.
        for (const j of queue) if (j.kind === 'check') { j.cancelled = true; }
        for (let i = queue.length - 1; i >= 0; i--) {
          if (queue[i].kind === 'check') {
            self.postMessage({ type: 'cancelled', id: queue[i].id, bytes: 0, examples: 0 });
            queue.splice(i, 1);
          }
        }
        if (current && current.kind === 'check') current.cancelled = true;
      }
      queue.push({
        kind: msg.type, id: msg.id, file: msg.file, failingLines: msg.failingLines,
        start: msg.start, end: msg.end, parts: msg.parts, bytes: msg.bytes, sha256: msg.sha256, cancelled: false,
      });
      pump();
      break;
    case 'cancel':
      if (current && current.id === msg.id) current.cancelled = true;
      for (let i = queue.length - 1; i >= 0; i--) {
        if (queue[i].id === msg.id) {
          self.postMessage({ type: 'cancelled', id: msg.id, bytes: 0, examples: 0 });
          queue.splice(i, 1);
        }
      }
      break;
    default:
      break;
  }
};
