// A pool of ftgate workers (worker.js, each with its own wasm instance and
// classifier) that checks one file in parallel parts:
//
//   const pool = await WorkerPool.create({ size: 4 });
//   const verdict = await pool.check(file, { onProgress, signal });
//   pool.close();
//
// The file is cut into nominal byte ranges; each worker checks the lines
// whose preceding '\n' falls in its range (the core skips the line that
// began before the range and reads past its end to finish the last one; see
// src/check.rs), reading the File in chunks with Blob.slice. One worker also
// hashes the whole file in one pass (SHA-256 cannot be computed in parts).
// The parts are merged in file order by one worker into the verdict a single
// worker gives, byte for byte. A pool of one runs the single-pass check.

const here = (p) => new URL(p, import.meta.url).href;

/** Most workers a pool starts, whatever the machine reports. */
export const MAX_WORKERS = 8;
/** Parts per worker, so one slow range does not hold up the others. */
const PARTS_PER_WORKER = 4;
/** Smallest part worth a worker's time. */
const DEFAULT_PART_BYTES = 1024 * 1024;
const PROGRESS_INTERVAL_MS = 100;

/** The default pool size: the machine's cores, capped. */
export function defaultWorkers() {
  const n = (globalThis.navigator && navigator.hardwareConcurrency) || 1;
  return Math.max(1, Math.min(MAX_WORKERS, n));
}

/** Splits [0, total) into `n` nominal ranges, as `nominal_ranges` does natively. */
export function nominalRanges(total, n) {
  const at = (k) => Math.floor((total * k) / n);
  return Array.from({ length: n }, (_, k) => [at(k), at(k + 1)]);
}

const abortError = (signal) =>
  signal && signal.reason !== undefined ? signal.reason : new DOMException('The check was aborted.', 'AbortError');

class PoolError extends Error {
  constructor(message, { stage = 'check', fatal = false } = {}) {
    super(message);
    this.name = 'PoolError';
    this.stage = stage;
    this.fatal = fatal;
  }
}

/** One worker.js and its jobs, by id. */
class Member {
  constructor(worker) {
    this.worker = worker;
    this.jobs = new Map(); // id -> {resolve, reject, onProgress}
    this.nextId = 1;
    worker.onmessage = (ev) => this.onMessage(ev.data || {});
    worker.onerror = (ev) => { ev.preventDefault(); this.failAll(new PoolError(ev.message || 'a pool worker failed', { stage: 'worker', fatal: true })); };
    worker.onmessageerror = () => this.failAll(new PoolError('a message from a pool worker could not be read', { stage: 'worker', fatal: true }));
  }

  /** Posts a job; resolves with the worker's answer message. */
  run(msg, onProgress) {
    const id = this.nextId++;
    return {
      id,
      done: new Promise((resolve, reject) => {
        this.jobs.set(id, { resolve, reject, onProgress });
        this.worker.postMessage({ ...msg, id });
      }),
    };
  }

  cancel(id) {
    if (this.jobs.has(id)) this.worker.postMessage({ type: 'cancel', id });
  }

  onMessage(msg) {
    const job = this.jobs.get(msg.id);
    if (!job) return;
    if (msg.type === 'progress') {
      if (job.onProgress) job.onProgress(msg);
      return;
    }
    this.jobs.delete(msg.id);
    if (msg.type === 'error') job.reject(new PoolError(msg.message, { stage: msg.stage, fatal: msg.fatal }));
    else if (msg.type === 'cancelled') job.reject(new DOMException('The check was cancelled.', 'AbortError'));
    else job.resolve(msg);
  }

  failAll(err) {
    for (const job of this.jobs.values()) job.reject(err);
    this.jobs.clear();
  }
}

function startMember(config) {
  return new Promise((resolve, reject) => {
    let worker;
    try {
      worker = new Worker(config.workerUrl, { type: 'module', name: 'ftgate-pool' });
    } catch (e) {
      reject(new PoolError(`could not start a pool worker: ${e && e.message ? e.message : e}`, { stage: 'load', fatal: true }));
      return;
    }
    worker.onmessage = (ev) => {
      const msg = ev.data || {};
      if (msg.type === 'ready') resolve({ member: new Member(worker), info: msg.info, loadMs: msg.loadMs });
      else if (msg.type === 'error') { worker.terminate(); reject(new PoolError(msg.message, { stage: 'load', fatal: true })); }
    };
    worker.onerror = (ev) => {
      ev.preventDefault();
      worker.terminate();
      reject(new PoolError(ev.message || `the pool worker ${config.workerUrl} did not start`, { stage: 'load', fatal: true }));
    };
    const { pkgUrl, modelUrl, wasmUrl, wasmModule, chunkSize } = config;
    worker.postMessage({ type: 'init', pkgUrl, modelUrl, wasmUrl, wasmModule, chunkSize });
  });
}

export class WorkerPool {
  #members;
  #partBytes;
  #closed = false;
  #current = null; // the running check, settled or not

  /**
   * Starts `size` workers (default: the machine's cores, capped at 8) and
   * resolves once every one has loaded wasm and model.
   * Options: workerUrl, pkgUrl, modelUrl, wasmUrl, chunkSize (bytes read at
   * a time), partBytes (smallest part; tests use tiny ones).
   */
  static async create(options = {}) {
    const size = options.size ?? defaultWorkers();
    if (!(Number.isInteger(size) && size >= 1)) throw new TypeError(`size must be a positive integer, got ${size}`);
    const config = {
      workerUrl: options.workerUrl || here('./worker.js'),
      pkgUrl: options.pkgUrl || here('./pkg/ftgate.js'),
      modelUrl: options.modelUrl || here('./models/ftgate-ngram.onnx'),
      wasmUrl: options.wasmUrl,
      chunkSize: options.chunkSize,
    };
    const t0 = performance.now();
    // Compile the wasm once and hand the module to every worker (V8 shares
    // its code), instead of each worker compiling 14 MB again. If the page
    // cannot compile wasm itself, each worker loads it as usual.
    try {
      const wasmUrl = config.wasmUrl || new URL('ftgate_bg.wasm', new URL(config.pkgUrl, globalThis.location ? location.href : import.meta.url)).href;
      config.wasmModule = await WebAssembly.compileStreaming(fetch(wasmUrl, { credentials: 'same-origin' }));
    } catch {
      config.wasmModule = undefined;
    }
    const started = await Promise.allSettled(Array.from({ length: size }, () => startMember(config)));
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) {
      for (const r of started) if (r.status === 'fulfilled') r.value.member.worker.terminate();
      throw failed.reason;
    }
    const pool = new WorkerPool(started.map((r) => r.value.member), options.partBytes);
    pool.info = started[0].value.info;
    pool.loadMs = performance.now() - t0;
    return pool;
  }

  constructor(members, partBytes) {
    this.#members = members;
    this.#partBytes = Number.isInteger(partBytes) && partBytes > 0 ? partBytes : DEFAULT_PART_BYTES;
  }

  get size() { return this.#members.length; }

  /**
   * Checks a File/Blob; resolves with the verdict (`ftgate check --json`).
   * Files are checked one after another: a check waits for the previous one
   * to settle (abort it first to start at once).
   */
  check(file, options = {}) {
    const previous = this.#current;
    const run = (async () => {
      if (previous) await previous.catch(() => {});
      return this.#checkOne(file, options);
    })();
    this.#current = run;
    return run;
  }

  async #checkOne(file, { onProgress: callback, signal } = {}) {
    if (this.#closed) throw new PoolError('the pool was closed', { stage: 'close' });
    if (signal && signal.aborted) throw abortError(signal);
    // Workers may still report progress after an abort or a failure: the
    // caller hears nothing once the check has settled.
    let live = true;
    const onProgress = callback && ((p) => { if (live && !(signal && signal.aborted)) callback(p); });
    const running = []; // {member, id}
    const onAbort = () => { for (const r of running) r.member.cancel(r.id); };
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await this.#check(file, onProgress, signal, running);
    } catch (e) {
      // One failure stops the rest of the file's jobs.
      for (const r of running) r.member.cancel(r.id);
      throw signal && signal.aborted ? abortError(signal) : e;
    } finally {
      live = false;
      if (signal) signal.removeEventListener('abort', onAbort);
    }
  }

  async #check(file, onProgress, signal, running) {
    const t0 = performance.now();
    const total = file.size;
    const members = this.#members;
    if (members.length === 1) {
      // One worker: the single-pass check, exactly as before the pool.
      const job = members[0].run({ type: 'check', file }, onProgress && ((m) => { const { type, id, ...p } = m; onProgress(p); }));
      running.push({ member: members[0], id: job.id });
      return (await job.done).verdict;
    }
    const nParts = Math.max(1, Math.min(members.length * PARTS_PER_WORKER, Math.ceil(total / this.#partBytes)));
    const ranges = nominalRanges(total, nParts);
    const parts = new Array(nParts);
    const partProgress = ranges.map(() => ({ bytes: 0, lines: 0, examples: 0, texts: 0 }));
    let lastPost = -Infinity;
    const report = (force) => {
      if (!onProgress) return;
      const now = performance.now();
      if (!force && now - lastPost < PROGRESS_INTERVAL_MS) return;
      lastPost = now;
      const sum = (k) => partProgress.reduce((a, p) => a + p[k], 0);
      const elapsedMs = now - t0;
      const examples = sum('examples');
      onProgress({
        bytes: Math.min(total, sum('bytes')), totalBytes: total, lines: sum('lines'), examples, texts: sum('texts'),
        elapsedMs, examplesPerSec: elapsedMs > 0 ? (examples * 1000) / elapsedMs : 0,
      });
    };
    // The hash goes first, so the file's one sequential pass starts at once.
    const queue = [{ type: 'hash', file }, ...ranges.map(([start, end], index) => ({ type: 'part', file, start, end, index }))];
    let sha256 = null;
    const drive = async (member) => {
      for (let msg = queue.shift(); msg; msg = queue.shift()) {
        if (signal && signal.aborted) throw abortError(signal);
        const { index, ...post } = msg;
        const job = member.run(post, index === undefined ? null : (m) => {
          partProgress[index] = m;
          report(false);
        });
        const entry = { member, id: job.id };
        running.push(entry);
        const answer = await job.done;
        running.splice(running.indexOf(entry), 1);
        if (answer.type === 'hashed') sha256 = answer.sha256;
        else {
          parts[index] = answer.part;
          partProgress[index] = { ...partProgress[index], bytes: answer.part.bytes };
          report(false);
        }
      }
    };
    await Promise.all(members.map((m) => drive(m).catch((e) => {
      queue.length = 0; // the other workers take no new jobs
      throw e;
    })));
    report(true);
    const merge = members[0].run({ type: 'merge', parts, bytes: total, sha256 });
    running.push({ member: members[0], id: merge.id });
    return (await merge.done).verdict;
  }

  /** Stops every worker; a running check rejects. */
  close() {
    if (this.#closed) return;
    this.#closed = true;
    for (const m of this.#members) {
      m.failAll(new PoolError('the pool was closed', { stage: 'close' }));
      m.worker.terminate();
    }
  }
}
