// ftgate data-gate API for pages with their own UI:
//
//   const gate = await createDataGate();              // assets beside this module
//   const verdict = await gate.check(file, { onProgress, signal });
//   gate.close();
//
// The verdict is the object `ftgate check --json` prints. Checking happens in
// worker.js (the same worker the ftgate page uses); this module only speaks
// its message protocol. Types: ftgate.d.ts. With `workers` > 1, checks run
// on a pool of workers (pool.js) that check each file in parallel parts.

import { WorkerPool } from './pool.js';

// Default asset URLs are relative to this module, so a portal that serves
// the package folder as it is needs no configuration.
const here = (p) => new URL(p, import.meta.url).href;
export const DEFAULT_URLS = Object.freeze({
  workerUrl: here('./worker.js'),
  pkgUrl: here('./pkg/ftgate.js'),
  modelUrl: here('./models/ftgate-ngram.onnx'),
});

// A worker whose wasm instance trapped is replaced, at most this many times
// per gate, so a file that crashes the checker cannot loop forever.
const MAX_RESTARTS = 3;

export class FtgateError extends Error {
  /**
   * @param {string} message
   * @param {{stage?: string, fatal?: boolean}} [opts]
   */
  constructor(message, { stage = 'check', fatal = false } = {}) {
    super(message);
    this.name = 'FtgateError';
    this.stage = stage;
    this.fatal = fatal;
  }
}

/**
 * The verdict without text from the file, for events and logs: findings lose
 * their excerpt, diagnostics their message (which may quote keys or roles).
 */
export function verdictSummary(v) {
  const { findings = [], diagnostics = [], ...rest } = v;
  return {
    ...rest,
    findings: findings.map(({ excerpt, ...f }) => f),
    diagnostics: diagnostics.map(({ message, ...d }) => d),
  };
}

const abortReason = (signal) =>
  signal.reason !== undefined ? signal.reason : new DOMException('The check was aborted.', 'AbortError');

const resolveUrl = (u) => new URL(String(u), globalThis.location ? globalThis.location.href : import.meta.url).href;

/**
 * One worker and its protocol (see the header of worker.js). It runs one job
 * at a time: the worker cancels a running check when another arrives, so the
 * scheduler above must not hand it a second job before the first settles.
 */
class WorkerClient {
  constructor(config) {
    this.config = config;
    this.worker = null;
    this.job = null;      // {id, kind, resolve, reject, onProgress}
    this.nextId = 1;
    this.dead = false;    // needs a fresh worker before the next job
  }

  /** Starts the worker and loads wasm + model; resolves with `ready`'s info. */
  start() {
    const { workerUrl, pkgUrl, modelUrl, wasmUrl, chunkSize } = this.config;
    return new Promise((resolve, reject) => {
      let ready = false;
      const failStart = (err) => {
        this.startFailed = null;
        this.terminate();
        reject(err);
      };
      // terminate() during loading (close, abort) must not leave this pending.
      this.startFailed = reject;
      let worker;
      try {
        worker = new Worker(workerUrl, { type: 'module', name: 'ftgate' });
      } catch (e) {
        failStart(new FtgateError(`could not start the ftgate worker ${workerUrl}: ${e && e.message ? e.message : e}`, { stage: 'load', fatal: true }));
        return;
      }
      this.worker = worker;
      this.dead = false;
      worker.onmessage = (ev) => {
        const msg = ev.data || {};
        if (!ready) {
          if (msg.type === 'ready') {
            ready = true;
            this.startFailed = null;
            resolve({ info: msg.info, loadMs: msg.loadMs });
          } else if (msg.type === 'error' && msg.stage === 'load') {
            failStart(new FtgateError(msg.message, { stage: 'load', fatal: true }));
          }
          return;
        }
        this.onMessage(msg);
      };
      // Script errors (404, CSP, syntax) and uncaught exceptions in the worker.
      worker.onerror = (ev) => {
        ev.preventDefault();
        const message = ev.message || `the ftgate worker ${workerUrl} did not start (not found, not same-origin, or blocked by the Content-Security-Policy)`;
        if (!ready) failStart(new FtgateError(message, { stage: 'load', fatal: true }));
        else this.fail(new FtgateError(message, { stage: 'worker', fatal: true }));
      };
      worker.onmessageerror = () => this.fail(new FtgateError('a message from the ftgate worker could not be read', { stage: 'worker', fatal: true }));
      worker.postMessage({ type: 'init', pkgUrl, modelUrl, wasmUrl, chunkSize });
    });
  }

  get busy() { return this.job !== null; }

  /** Runs one job: {kind:'check', file, onProgress} or {kind:'clean', file, failingLines}. */
  run(job, signal) {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const current = { ...job, id, resolve, reject, signal, onAbort: null };
      this.job = current;
      if (signal) {
        current.onAbort = () => {
          // The worker answers 'cancelled' (or finishes first); either way the
          // caller is told now and the client frees up on the worker's answer.
          current.reject(abortReason(signal));
          current.settled = true;
          this.worker.postMessage({ type: 'cancel', id });
        };
        signal.addEventListener('abort', current.onAbort, { once: true });
      }
      if (job.kind === 'check') this.worker.postMessage({ type: 'check', id, file: job.file });
      else this.worker.postMessage({ type: 'clean', id, file: job.file, failingLines: job.failingLines });
    });
  }

  settle(outcome, value) {
    const job = this.job;
    if (!job) return;
    this.job = null;
    if (job.signal && job.onAbort) job.signal.removeEventListener('abort', job.onAbort);
    if (!job.settled) {
      if (outcome === 'ok') job.resolve(value); else job.reject(value);
    }
    if (this.onIdle) this.onIdle(this);
  }

  onMessage(msg) {
    const job = this.job;
    if (!job || msg.id !== job.id) return;
    switch (msg.type) {
      case 'progress':
        if (job.onProgress && !job.settled) {
          const { type, id, ...progress } = msg;
          try { job.onProgress(progress); } catch (e) { setTimeout(() => { throw e; }); }
        }
        break;
      case 'verdict':
        this.settle('ok', msg.verdict);
        break;
      case 'cleaned':
        this.settle('ok', { blob: msg.blob, removed: msg.removed, kept: msg.kept });
        break;
      case 'cancelled':
        this.settle('error', job.signal && job.signal.aborted ? abortReason(job.signal) : new DOMException('The check was cancelled.', 'AbortError'));
        break;
      case 'error':
        if (msg.fatal) this.fail(new FtgateError(msg.message, { stage: msg.stage || job.kind, fatal: true }));
        else this.settle('error', new FtgateError(msg.message, { stage: msg.stage || job.kind }));
        break;
      default:
        break;
    }
  }

  /** The worker is unusable: reject the job and mark the client for restart. */
  fail(err) {
    this.dead = true;
    this.terminate();
    this.settle('error', err);
  }

  terminate() {
    if (this.startFailed) {
      const reject = this.startFailed;
      this.startFailed = null;
      reject(new FtgateError('the ftgate worker was stopped while loading', { stage: 'close' }));
    }
    if (this.worker) {
      this.worker.onmessage = this.worker.onerror = this.worker.onmessageerror = null;
      this.worker.terminate();
      this.worker = null;
    }
  }
}

/**
 * The public gate: a queue of jobs in front of worker clients. Today there is
 * one client (files are checked one after another); a pool only has to add
 * clients here — the protocol lives in WorkerClient.
 */
class DataGate {
  #clients;
  #pool = null; // WorkerPool for checks when workers > 1
  #queue = [];
  #closed = false;
  #restarts = 0;

  constructor(client, ready, requestedWorkers, pool = null) {
    this.#clients = [client];
    this.#pool = pool;
    client.onIdle = () => this.#pump();
    this.info = ready.info;
    this.loadMs = ready.loadMs;
    this.requestedWorkers = requestedWorkers;
    Object.freeze(this.info);
  }

  /** Workers checking files: the pool's size, else 1. */
  get workers() { return this.#pool ? this.#pool.size : this.#clients.length; }

  get closed() { return this.#closed; }

  /** Checks a File/Blob; resolves with the verdict (`ftgate check --json`). */
  check(file, { onProgress, signal } = {}) {
    if (!(file instanceof Blob)) return Promise.reject(new TypeError('gate.check(file): file must be a File or Blob'));
    if (onProgress !== undefined && typeof onProgress !== 'function') return Promise.reject(new TypeError('onProgress must be a function'));
    if (this.#pool && !this.#closed) {
      return this.#pool.check(file, { onProgress, signal }).catch((e) => {
        throw e && e.name === 'PoolError' ? new FtgateError(e.message, { stage: e.stage, fatal: e.fatal }) : e;
      });
    }
    return this.#enqueue({ kind: 'check', file, onProgress }, signal);
  }

  /**
   * Drops the given 1-based lines (a verdict's `failingLines`) from the file,
   * locally. Resolves with {blob, removed, kept}.
   */
  clean(file, failingLines, { signal } = {}) {
    if (!(file instanceof Blob)) return Promise.reject(new TypeError('gate.clean(file, lines): file must be a File or Blob'));
    return this.#enqueue({ kind: 'clean', file, failingLines: Array.from(failingLines || [], Number) }, signal);
  }

  /** Stops the worker; queued and running jobs reject. */
  close() {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#pool) this.#pool.close();
    const err = () => new FtgateError('the data gate was closed', { stage: 'close' });
    for (const q of this.#queue.splice(0)) q.reject(err());
    for (const c of this.#clients) { c.onIdle = null; c.fail(err()); }
  }

  #enqueue(job, signal) {
    if (this.#closed) return Promise.reject(new FtgateError('the data gate was closed', { stage: 'close' }));
    if (signal && signal.aborted) return Promise.reject(abortReason(signal));
    return new Promise((resolve, reject) => {
      const entry = { job, signal, resolve, reject };
      if (signal) {
        entry.onAbort = () => {
          const i = this.#queue.indexOf(entry);
          if (i >= 0) { this.#queue.splice(i, 1); reject(abortReason(signal)); }
        };
        signal.addEventListener('abort', entry.onAbort, { once: true });
      }
      this.#queue.push(entry);
      this.#pump();
    });
  }

  #pump() {
    if (this.#closed) return;
    for (const client of this.#clients) {
      if (client.busy || client.starting) continue;
      const entry = this.#queue.shift();
      if (!entry) return;
      if (entry.signal) entry.signal.removeEventListener('abort', entry.onAbort);
      this.#runOn(client, entry);
    }
  }

  async #runOn(client, entry) {
    try {
      if (client.dead) {
        if (this.#restarts++ >= MAX_RESTARTS) {
          throw new FtgateError('the checker stopped after repeated internal errors', { stage: 'worker', fatal: true });
        }
        client.starting = true;
        try { await client.start(); } finally { client.starting = false; }
        if (this.#closed) throw new FtgateError('the data gate was closed', { stage: 'close' });
      }
      entry.resolve(await client.run(entry.job, entry.signal));
    } catch (e) {
      entry.reject(e);
      // A failed restart leaves the client idle without an onIdle call.
      if (!client.busy) queueMicrotask(() => this.#pump());
    }
  }
}

/**
 * Starts a worker, loads the wasm build and the model, and resolves with a
 * gate once the checker is ready.
 *
 * @param {import('./ftgate').DataGateOptions} [options]
 */
export async function createDataGate(options = {}) {
  const { workers, signal } = options;
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) {
    throw new TypeError(`workers must be a positive integer, got ${workers}`);
  }
  const config = {
    workerUrl: resolveUrl(options.workerUrl || DEFAULT_URLS.workerUrl),
    pkgUrl: resolveUrl(options.pkgUrl || DEFAULT_URLS.pkgUrl),
    modelUrl: resolveUrl(options.modelUrl || DEFAULT_URLS.modelUrl),
    wasmUrl: options.wasmUrl ? resolveUrl(options.wasmUrl) : undefined,
    chunkSize: options.chunkSize,
  };
  if (signal && signal.aborted) throw abortReason(signal);
  // The pool (workers > 1) starts beside the gate's own worker, which keeps
  // clean(); if the pool cannot start, one worker checks (`gate.workers`).
  const poolStarting = (workers ?? 1) > 1
    ? WorkerPool.create({ ...config, size: workers }).catch(() => null)
    : null;
  const client = new WorkerClient(config);
  const starting = client.start();
  let ready;
  if (signal) {
    let onAbort;
    const aborted = new Promise((_, reject) => {
      onAbort = () => { reject(abortReason(signal)); client.terminate(); };
    });
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      ready = await Promise.race([starting, aborted]);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  } else {
    ready = await starting;
  }
  const pool = poolStarting && await poolStarting;
  return new DataGate(client, ready, workers ?? 1, pool);
}
