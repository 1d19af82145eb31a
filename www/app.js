// ftgate page: UI only. All checking happens in worker.js; file text is only
// ever put into the page with textContent.

import { WorkerPool, defaultWorkers, MAX_WORKERS } from './pool.js';

const $ = (id) => document.getElementById(id);
const meta = (name, fallback) => {
  const el = document.querySelector(`meta[name="${name}"]`);
  const v = el && el.getAttribute('content');
  return v ? v : fallback;
};

const CONFIG = {
  uploadUrl: meta('ftgate-upload-url', '/upload'),
  modelUrl: meta('ftgate-model-url', '/models/ftgate-ngram.onnx'),
  pkgUrl: meta('ftgate-pkg-url', '/pkg/ftgate.js'),
};
// Testing/tuning knob: ?chunk=N reads the file N bytes at a time.
const chunkParam = Number(new URLSearchParams(location.search).get('chunk'));
if (Number.isInteger(chunkParam) && chunkParam > 0) CONFIG.chunkSize = chunkParam;
// Files are checked by a pool of workers (pool.js), one per core (capped);
// ?workers=N overrides, ?workers=1 is the single worker. ?part=N: smallest
// part in bytes (tests).
const workersParam = Number(new URLSearchParams(location.search).get('workers'));
CONFIG.workers = Number.isInteger(workersParam) && workersParam > 0 ? Math.min(workersParam, MAX_WORKERS) : defaultWorkers();
const partParam = Number(new URLSearchParams(location.search).get('part'));
if (Number.isInteger(partParam) && partParam > 0) CONFIG.partBytes = partParam;

const CATEGORIES = ['violence', 'sexual', 'hate_fairness', 'self_harm'];
const CATEGORY_NAMES = { violence: 'Violence', sexual: 'Sexual', hate_fairness: 'Hate / fairness', self_harm: 'Self-harm' };
const SEVERITY_NAMES = { 0: 'safe', 2: 'low', 4: 'medium', 6: 'high' };
const MAX_FINDING_ROWS = 5000;

const el = {
  status: $('status'), dropzone: $('dropzone'), file: $('file'), fileName: $('file-name'),
  progress: $('progress'), progressText: $('progress-text'), cancel: $('cancel'),
  verdict: $('verdict'), verdictLabel: $('verdict-label'), verdictMessage: $('verdict-message'), verdictExtra: $('verdict-extra'),
  results: $('results'), summary: $('summary'), findings: $('findings'), findingsCount: $('findings-count'),
  findingsNote: $('findings-note'), diagnostics: $('diagnostics'), diagnosticsCount: $('diagnostics-count'),
  upload: $('upload'), uploadUrl: $('upload-url'), uploadResult: $('upload-result'),
  downloadClean: $('download-clean'), downloadReport: $('download-report'), cleanResult: $('clean-result'),
  receiptSection: $('receipt-section'), receipt: $('receipt'),
  modelVersion: $('model-version'), policyVersion: $('policy-version'), ftgateVersion: $('ftgate-version'),
};

const state = {
  worker: null,
  ready: false,
  info: null,
  nextId: 1,
  checkId: 0,        // id of the check the UI is showing
  file: null,        // File being / last checked
  pendingFile: null, // chosen before the checker was ready
  verdict: null,     // verdict of state.file, once complete
  cleanId: 0,
  restarts: 0,
  pool: null,        // WorkerPool for checks when CONFIG.workers > 1
  poolReady: null,   // its start-up, awaited before 'ready'
  poolFailed: false, // the pool could not start or failed: one full worker checks
  workerLite: false, // the page's worker loaded no wasm/model (a pool checks)
  poolAbort: null,   // AbortController of the pool's running check
};

// ---------------------------------------------------------------- helpers
const fmtInt = (n) => Number(n || 0).toLocaleString('en-US');
function fmtBytes(n) {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n; let u = -1;
  do { v /= 1024; u++; } while (v >= 1024 && u < units.length - 1);
  return `${v.toFixed(v < 10 ? 2 : 1)} ${units[u]}`;
}
const fmtRate = (r) => (r >= 100 ? fmtInt(Math.round(r)) : (r || 0).toFixed(1));
const severityName = (s) => SEVERITY_NAMES[s] ?? String(s);

function make(tag, text, className) {
  const n = document.createElement(tag);
  if (text !== undefined && text !== null) n.textContent = String(text);
  if (className) n.className = className;
  return n;
}

function setStatus(text, ready) {
  el.status.textContent = text;
  el.status.dataset.ready = ready ? 'true' : 'false';
}

function setVerdictBanner(kind, label, message) {
  // data-verdict is only ever "pass" or "fail" (absent otherwise); data-state
  // carries the in-between states.
  if (kind === 'pass' || kind === 'fail') el.verdict.dataset.verdict = kind;
  else delete el.verdict.dataset.verdict;
  el.verdict.dataset.state = kind;
  el.verdictLabel.textContent = label;
  el.verdictMessage.textContent = message;
  el.verdictExtra.textContent = '';
  el.verdictExtra.hidden = true;
}

function clearChildren(node) { while (node.firstChild) node.removeChild(node.firstChild); }

function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function baseName(name) {
  const n = (name || 'data.jsonl').replace(/[/\\]/g, '_');
  const dot = n.lastIndexOf('.');
  return dot > 0 ? [n.slice(0, dot), n.slice(dot)] : [n, '.jsonl'];
}

// ---------------------------------------------------------------- worker
function startWorker() {
  state.ready = false;
  setStatus('Loading the checker…', false);
  const w = new Worker(new URL('worker.js', import.meta.url), { type: 'module', name: 'ftgate' });
  state.worker = w;
  w.onmessage = (ev) => onWorkerMessage(w, ev.data);
  w.onerror = (ev) => {
    ev.preventDefault();
    if (w !== state.worker) return;
    const msg = ev.message || 'the checker worker failed to start';
    setStatus(`Checker failed: ${msg}`, false);
    failCurrentCheck(msg);
  };
  w.onmessageerror = () => {
    if (w === state.worker) setStatus('Checker failed: a message could not be read', false);
  };
  // With a pool, this worker is lite (no wasm, no model: it only writes
  // cleaned files), so N workers mean N classifiers, not N + 1. If the pool
  // cannot start or later fails, a full worker replaces it.
  state.workerLite = CONFIG.workers > 1 && !state.poolFailed;
  w.postMessage({ type: 'init', modelUrl: CONFIG.modelUrl, pkgUrl: CONFIG.pkgUrl, chunkSize: CONFIG.chunkSize, lite: state.workerLite });
  if (state.workerLite && !state.pool && !state.poolReady) {
    state.poolReady = WorkerPool.create({
      size: CONFIG.workers, modelUrl: CONFIG.modelUrl, pkgUrl: CONFIG.pkgUrl,
      chunkSize: CONFIG.chunkSize, partBytes: CONFIG.partBytes,
    });
  }
}

function onWorkerMessage(w, msg) {
  if (w !== state.worker || !msg) return;
  switch (msg.type) {
    case 'ready': {
      if (state.poolReady) {
        // Ready once the pool is too; if it cannot start, one worker checks.
        state.poolReady
          .then((pool) => { state.pool = pool; }, (e) => {
            console.warn(`ftgate: no worker pool (${e.message}); checking with one worker`);
            state.poolFailed = true;
          })
          .then(() => { state.poolReady = null; onWorkerMessage(w, msg); });
        return;
      }
      if (state.workerLite && !state.pool) {
        // No pool to check with: replace the lite worker with a full one.
        w.terminate();
        startWorker();
        return;
      }
      state.ready = true;
      state.info = msg.info || (state.pool && state.pool.info) || {};
      window.__ftgateInfo = state.info;
      // Time from navigation start to ready (the benchmark's time to ready).
      if (window.__ftgateReadyMs === undefined) {
        window.__ftgateReadyMs = performance.now();
        window.__ftgateLoadStages = msg.stages;
      }
      const i = state.info;
      el.modelVersion.textContent = `${i.modelName ?? '?'} ${i.modelVersion ?? ''}`.trim();
      el.policyVersion.textContent = String(i.policyVersion ?? '?');
      el.ftgateVersion.textContent = String(i.ftgateVersion ?? '?');
      setStatus(`Ready — model ${i.modelName ?? '?'} ${i.modelVersion ?? ''}, policy ${i.policyVersion ?? '?'}; loaded in ${Math.round(msg.loadMs)} ms.`, true);
      if (state.pendingFile) {
        const f = state.pendingFile;
        state.pendingFile = null;
        checkFile(f);
      }
      break;
    }
    case 'progress':
      if (msg.id !== state.checkId) return;
      showProgress(msg);
      break;
    case 'verdict':
      if (msg.id !== state.checkId) return;
      showVerdict(msg);
      break;
    case 'cancelled':
      if (msg.id !== state.checkId) return;
      el.cancel.disabled = true;
      el.progressText.textContent = `Cancelled after ${fmtBytes(msg.bytes || 0)} and ${fmtInt(msg.examples)} examples.`;
      setVerdictBanner('cancelled', 'Cancelled', 'The check was cancelled; no verdict.');
      break;
    case 'cleaned':
      if (msg.id !== state.cleanId) return;
      onCleaned(msg);
      break;
    case 'error':
      onWorkerError(msg);
      break;
    default:
      break;
  }
}

function onWorkerError(msg) {
  if (msg.stage === 'load') {
    setStatus(`Checker failed to load: ${msg.message}`, false);
    failCurrentCheck(msg.message);
    return;
  }
  if (msg.stage === 'clean') {
    el.cleanResult.textContent = `Could not make the cleaned file: ${msg.message}`;
    el.downloadClean.disabled = !(state.verdict && state.verdict.failingLines && state.verdict.failingLines.length);
  } else if (msg.id === state.checkId) {
    failCurrentCheck(msg.message);
  }
  if (msg.fatal) {
    // The wasm instance trapped; start a fresh worker (bounded).
    state.worker.terminate();
    if (state.restarts++ < 3) startWorker();
    else setStatus('Checker stopped after repeated internal errors; reload the page.', false);
  }
}

function failCurrentCheck(message) {
  if (!state.file || state.verdict) return;
  el.cancel.disabled = true;
  el.progressText.textContent = 'The check could not be completed.';
  setVerdictBanner('error', 'Error', `The file could not be checked: ${message}`);
}

// ---------------------------------------------------------------- checking
function resetResults() {
  state.verdict = null;
  window.__ftgateLastVerdict = null;
  el.upload.disabled = true;
  el.downloadClean.disabled = true;
  el.downloadReport.disabled = true;
  el.uploadResult.textContent = '';
  delete el.uploadResult.dataset.state;
  el.cleanResult.textContent = '';
  el.results.hidden = true;
  el.receiptSection.hidden = true;
  clearChildren(el.summary);
  clearChildren(el.findings);
  clearChildren(el.diagnostics);
  clearChildren(el.receipt);
  el.findingsNote.hidden = true;
}

function checkFile(file) {
  if (!file) return;
  resetResults();
  state.file = file;
  el.fileName.hidden = false;
  el.fileName.textContent = `${file.name} — ${fmtBytes(file.size)}`;
  el.progress.max = Math.max(file.size, 1);
  el.progress.value = 0;
  if (!state.ready) {
    state.pendingFile = file;
    el.cancel.disabled = false;
    el.progressText.textContent = 'Waiting for the checker to load…';
    setVerdictBanner('checking', 'Waiting', 'The check starts as soon as the checker has loaded.');
    return;
  }
  state.checkId = state.nextId++;
  el.cancel.disabled = false;
  el.progressText.textContent = 'Starting…';
  setVerdictBanner('checking', 'Checking…', '');
  if (state.pool) checkWithPool(state.checkId, file);
  else state.worker.postMessage({ type: 'check', id: state.checkId, file });
}

// The pool's answers go through the single worker's message handler, so the
// UI has one path for progress, verdicts, cancels and errors.
function checkWithPool(id, file) {
  if (state.poolAbort) state.poolAbort.abort();
  const abort = new AbortController();
  state.poolAbort = abort;
  const relay = (msg) => onWorkerMessage(state.worker, { ...msg, id });
  const t0 = performance.now();
  let last = { bytes: 0, examples: 0 };
  const onProgress = (p) => { last = p; relay({ type: 'progress', ...p }); };
  state.pool.check(file, { signal: abort.signal, onProgress }).then(
    (verdict) => {
      const elapsedMs = performance.now() - t0;
      relay({ type: 'verdict', verdict, bytes: file.size, elapsedMs, examplesPerSec: elapsedMs > 0 ? (verdict.examples * 1000) / elapsedMs : 0 });
    },
    (e) => {
      if (e && e.name === 'AbortError') {
        relay({ type: 'cancelled', bytes: last.bytes, examples: last.examples });
        return;
      }
      if (e && e.fatal) {
        // A pool worker trapped: later checks use a single full worker.
        state.pool.close();
        state.pool = null;
        state.poolFailed = true;
        if (state.workerLite) {
          state.worker.terminate();
          startWorker();
        }
      }
      relay({ type: 'error', stage: 'check', message: e && e.message ? e.message : String(e), fatal: false });
    },
  ).finally(() => { if (state.poolAbort === abort) state.poolAbort = null; });
}

function showProgress(p) {
  el.progress.max = Math.max(p.totalBytes, 1);
  el.progress.value = p.bytes;
  const pct = p.totalBytes ? Math.floor((p.bytes * 100) / p.totalBytes) : 100;
  el.progressText.textContent =
    `${pct}% — ${fmtBytes(p.bytes)} of ${fmtBytes(p.totalBytes)} · ${fmtInt(p.examples)} examples · ${fmtRate(p.examplesPerSec)} examples/s`;
}

function showVerdict(msg) {
  const v = msg.verdict;
  state.verdict = v;
  window.__ftgateLastVerdict = v;
  el.cancel.disabled = true;
  el.progress.value = el.progress.max;
  el.progressText.textContent =
    `Done — ${fmtBytes(msg.bytes)} · ${fmtInt(v.examples)} examples on ${fmtInt(v.lines)} lines in ${(msg.elapsedMs / 1000).toFixed(2)} s (${fmtRate(msg.examplesPerSec)} examples/s)`;

  const pass = v.verdict === 'pass';
  setVerdictBanner(pass ? 'pass' : 'fail', pass ? 'Passed' : 'Failed', v.message);
  // A file can fail both the harm check and the format check: the banner's
  // message is the harm message then; say the format part too.
  el.verdictExtra.textContent = v.formatMessage && v.formatMessage !== v.message ? v.formatMessage : '';
  el.verdictExtra.hidden = !el.verdictExtra.textContent;

  renderSummary(v);
  renderFindings(v);
  renderDiagnostics(v);
  renderReceipt(v);
  el.results.hidden = false;

  el.upload.disabled = !pass;
  el.downloadReport.disabled = false;
  el.downloadClean.disabled = !(v.failingLines && v.failingLines.length);
  el.downloadClean.textContent = v.failingLines && v.failingLines.length
    ? `Download cleaned file (${fmtInt(v.failingLines.length)} failing examples removed)`
    : 'Download cleaned file';
}

function renderSummary(v) {
  clearChildren(el.summary);
  const cats = v.categories || {};
  const failed = new Set(v.failedCategories || []);
  const names = [...CATEGORIES, ...Object.keys(cats).filter((c) => !CATEGORIES.includes(c))];
  for (const c of names) {
    const s = cats[c];
    if (!s) continue;
    const tr = make('tr');
    if (failed.has(c)) tr.classList.add('failed');
    const th = make('th', CATEGORY_NAMES[c] || c);
    th.scope = 'row';
    tr.append(th);
    const sev = make('td', severityName(s.maxSeverity), `sev sev-${severityName(s.maxSeverity)}`);
    tr.append(sev, make('td', fmtInt(s.low), 'num'), make('td', fmtInt(s.medium), 'num'), make('td', fmtInt(s.high), 'num'));
    el.summary.append(tr);
  }
}

// Where in the example a finding is: `messages[2]`, `prompt`, ...
function where(f) {
  const field = f.field ?? '';
  const idx = f.messageIndex === null || f.messageIndex === undefined ? '' : `[${f.messageIndex}]`;
  return `${field}${idx}` || '—';
}

function renderFindings(v) {
  clearChildren(el.findings);
  const list = v.findings || [];
  const frag = document.createDocumentFragment();
  const shown = Math.min(list.length, MAX_FINDING_ROWS);
  for (let i = 0; i < shown; i++) {
    const f = list[i];
    const tr = make('tr');
    tr.dataset.line = String(f.line);
    tr.dataset.category = String(f.category);
    tr.dataset.severity = String(f.severity);
    const sevName = severityName(f.severity);
    tr.append(
      make('td', f.line, 'num'),
      make('td', where(f), 'where'),
      make('td', f.role ?? '—'),
      make('td', CATEGORY_NAMES[f.category] || f.category),
      make('td', sevName, `sev sev-${sevName}`),
      make('td', typeof f.score === 'number' ? f.score.toFixed(3) : '', 'num'),
      make('td', f.excerpt ?? '', 'excerpt'),
    );
    frag.append(tr);
  }
  el.findings.append(frag);
  el.findingsCount.textContent = list.length ? `(${fmtInt(list.length)})` : '(none)';
  const notes = [];
  if (v.findingsTruncated) notes.push('The checker stopped recording findings after its limit; the verdict still covers the whole file.');
  if (list.length > shown) notes.push(`Showing the first ${fmtInt(shown)} findings; the report download has all of them.`);
  el.findingsNote.textContent = notes.join(' ');
  el.findingsNote.hidden = notes.length === 0;
}

function renderDiagnostics(v) {
  clearChildren(el.diagnostics);
  const list = v.diagnostics || [];
  for (const d of list) {
    const li = make('li', null, `diag diag-${d.level === 'error' ? 'error' : 'warning'}`);
    li.dataset.code = String(d.code);
    if (d.line !== null && d.line !== undefined) li.dataset.line = String(d.line);
    li.append(
      make('span', d.level === 'error' ? 'error' : 'warning', 'diag-level'),
      make('span', d.line === null || d.line === undefined ? 'file' : `line ${d.line}`, 'diag-line'),
      make('code', d.code, 'diag-code'),
      make('span', d.message, 'diag-message'),
    );
    el.diagnostics.append(li);
  }
  const errors = v.errors ?? list.filter((d) => d.level === 'error').length;
  const warnings = v.warnings ?? list.filter((d) => d.level !== 'error').length;
  el.diagnosticsCount.textContent = errors || warnings
    ? `(${fmtInt(errors)} ${errors === 1 ? 'error' : 'errors'}, ${fmtInt(warnings)} ${warnings === 1 ? 'warning' : 'warnings'})`
    : '(none)';
  if (v.diagnosticsTruncated) {
    el.diagnostics.append(make('li', 'More diagnostics exist than are listed; fix these and check again.', 'diag diag-more'));
  }
}

function renderReceipt(v) {
  clearChildren(el.receipt);
  const r = v.receipt || {};
  const rows = [
    ['File', state.file ? state.file.name : ''],
    ['SHA-256', r.sha256], ['Bytes', fmtInt(r.bytes)], ['Examples', fmtInt(r.examples)],
    ['Verdict', r.verdict], ['Model', `${r.modelName ?? ''} ${r.modelVersion ?? ''}`.trim()],
    ['Model SHA-256', r.modelSha256], ['Policy', r.policyVersion], ['ftgate', r.ftgateVersion],
  ];
  for (const [k, val] of rows) {
    el.receipt.append(make('dt', k), make('dd', val ?? '', k.endsWith('SHA-256') ? 'mono' : undefined));
  }
  el.receiptSection.hidden = false;
}

// ---------------------------------------------------------------- actions
async function upload() {
  const file = state.file;
  const v = state.verdict;
  if (!file || !v || v.verdict !== 'pass') return;
  el.upload.disabled = true;
  el.uploadResult.dataset.state = 'sending';
  el.uploadResult.textContent = `Uploading ${file.name} (${fmtBytes(file.size)}) to ${CONFIG.uploadUrl}…`;
  try {
    const res = await fetch(CONFIG.uploadUrl, {
      method: 'POST',
      body: file,
      headers: { 'Content-Type': 'application/x-ndjson' },
      credentials: 'same-origin',
    });
    const text = await res.text();
    if (file !== state.file) return; // a new file was chosen meanwhile
    let reply = null;
    try { reply = JSON.parse(text); } catch { /* not JSON */ }
    if (!res.ok) throw new Error(`HTTP ${res.status}${reply && reply.error ? `: ${reply.error}` : ''}`);
    window.__ftgateLastUpload = reply;
    let line = `Server reply: ${text.trim()}`;
    if (reply && typeof reply.sha256 === 'string' && v.receipt && v.receipt.sha256) {
      line += reply.sha256 === v.receipt.sha256
        ? ' — the server received exactly the checked bytes (SHA-256 matches the receipt).'
        : ' — WARNING: the SHA-256 the server received differs from the receipt.';
    }
    el.uploadResult.dataset.state = 'done';
    el.uploadResult.textContent = line;
  } catch (e) {
    if (file !== state.file) return;
    el.uploadResult.dataset.state = 'error';
    el.uploadResult.textContent = `Upload failed: ${e && e.message ? e.message : e}`;
  } finally {
    if (file === state.file && state.verdict && state.verdict.verdict === 'pass') el.upload.disabled = false;
  }
}

function downloadReport() {
  const v = state.verdict;
  if (!v) return;
  const report = { file: state.file ? state.file.name : null, ...v };
  const blob = new Blob([JSON.stringify(report, null, 2) + '\n'], { type: 'application/json' });
  const [stem] = baseName(state.file && state.file.name);
  saveBlob(blob, `${stem}.ftgate-report.json`);
}

function downloadClean() {
  const v = state.verdict;
  if (!v || !state.file || !v.failingLines || !v.failingLines.length) return;
  el.downloadClean.disabled = true;
  el.cleanResult.textContent = 'Making the cleaned file…';
  state.cleanId = state.nextId++;
  state.worker.postMessage({ type: 'clean', id: state.cleanId, file: state.file, failingLines: v.failingLines });
}

function onCleaned(msg) {
  el.downloadClean.disabled = false;
  const [stem, ext] = baseName(state.file && state.file.name);
  saveBlob(msg.blob, `${stem}.cleaned${ext}`);
  el.cleanResult.textContent =
    `Cleaned file made locally: ${fmtInt(msg.removed)} failing lines removed, ${fmtInt(msg.kept)} kept. Check it again before uploading.`;
}

// ---------------------------------------------------------------- input
function pickFromList(files) {
  if (files && files.length) checkFile(files[0]);
}

el.file.addEventListener('change', () => {
  pickFromList(el.file.files);
  // Let the same file be chosen again later.
  el.file.value = '';
});
el.dropzone.addEventListener('click', () => el.file.click());
el.dropzone.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); el.file.click(); }
});
for (const t of ['dragenter', 'dragover']) {
  el.dropzone.addEventListener(t, (e) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    el.dropzone.classList.add('dragging');
  });
}
el.dropzone.addEventListener('dragleave', (e) => {
  if (!el.dropzone.contains(e.relatedTarget)) el.dropzone.classList.remove('dragging');
});
el.dropzone.addEventListener('drop', (e) => {
  e.preventDefault();
  el.dropzone.classList.remove('dragging');
  pickFromList(e.dataTransfer && e.dataTransfer.files);
});
// A file dropped elsewhere must not make the browser navigate to it.
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());

el.cancel.addEventListener('click', () => {
  if (state.pendingFile) {
    state.pendingFile = null;
    setVerdictBanner('cancelled', 'Cancelled', 'The check was cancelled; no verdict.');
    el.cancel.disabled = true;
    return;
  }
  if (state.checkId && !state.verdict) {
    el.cancel.disabled = true;
    el.progressText.textContent = 'Cancelling…';
    if (state.poolAbort) state.poolAbort.abort();
    state.worker.postMessage({ type: 'cancel', id: state.checkId });
  }
});
el.upload.addEventListener('click', upload);
el.downloadReport.addEventListener('click', downloadReport);
el.downloadClean.addEventListener('click', downloadClean);

el.uploadUrl.textContent = CONFIG.uploadUrl;
window.__ftgateLastVerdict = null;
startWorker();
