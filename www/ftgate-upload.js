// <ftgate-upload>: a file input that checks fine-tuning data with the ftgate
// data gate (in a Worker, on this machine) and lets the portal's form or
// upload go ahead only when the file passed.
//
//   <script type="module" src="/static/ftgate/ftgate-upload.js"></script>
//   <form …><ftgate-upload name="training_file" required></ftgate-upload>
//           <button type="submit">Start job</button></form>
//
// Form-associated: until the chosen file passes, the element is invalid (the
// form will not submit) and the form's submit buttons are disabled; on pass
// the form data gets the file under `name` and the receipt (JSON, no
// content) under `ftgate-receipt`. Text from the file is only ever put into
// the page with textContent. Types and the full list of attributes, parts and
// events: ftgate-upload.d.ts.

import { createDataGate, verdictSummary, FtgateError, DEFAULT_URLS } from './ftgate.js';

export { createDataGate, verdictSummary, FtgateError };

export const RECEIPT_FIELD = 'ftgate-receipt';
const MAX_FINDING_ROWS = 200;
const ACCEPT = '.jsonl,.json,.txt,application/jsonl,application/x-ndjson,application/json,text/plain';
const CATEGORY_NAMES = { violence: 'Violence', sexual: 'Sexual', hate_fairness: 'Hate / fairness', self_harm: 'Self-harm' };
const SEVERITY_NAMES = { 0: 'safe', 2: 'low', 4: 'medium', 6: 'high' };

// ---------------------------------------------------------------- shared gates
// Elements with the same asset URLs share one gate (one worker holding the
// wasm and the model) instead of loading ~17 MB each.
const gates = new Map(); // key -> {promise, refs}

function acquireGate(urls) {
  const key = JSON.stringify(urls);
  let entry = gates.get(key);
  if (!entry) {
    entry = { refs: 0, promise: createDataGate(urls) };
    // A gate that failed to load is forgotten so the next file retries.
    entry.promise.catch(() => { if (gates.get(key) === entry) gates.delete(key); });
    gates.set(key, entry);
  }
  entry.refs++;
  return { key, promise: entry.promise };
}

function releaseGate(key) {
  const entry = gates.get(key);
  if (!entry) return;
  entry.refs--;
  // Deferred: moving an element in the DOM disconnects and reconnects it.
  queueMicrotask(() => {
    if (entry.refs > 0 || gates.get(key) !== entry) return;
    gates.delete(key);
    entry.promise.then((g) => g.close(), () => {});
  });
}

// ---------------------------------------------------------------- submit lock
// A submit button stays disabled while any element holds it; it is enabled
// again only if it was enabled when first locked.
const locks = new WeakMap(); // button -> {holders: Set, wasDisabled}

function lockButton(button, holder) {
  let l = locks.get(button);
  if (!l) {
    l = { holders: new Set(), wasDisabled: button.disabled };
    locks.set(button, l);
    button.disabled = true;
  }
  l.holders.add(holder);
}

function unlockButton(button, holder) {
  const l = locks.get(button);
  if (!l || !l.holders.delete(holder) || l.holders.size) return;
  locks.delete(button);
  if (!l.wasDisabled) button.disabled = false;
}

const isGatedSubmit = (el) =>
  ((el instanceof HTMLButtonElement && el.type === 'submit') ||
   (el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'image'))) &&
  !el.formNoValidate;

// ---------------------------------------------------------------- helpers
const fmtInt = (n) => Number(n || 0).toLocaleString('en-US');
function fmtBytes(n) {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n; let u = -1;
  do { v /= 1024; u++; } while (v >= 1024 && u < units.length - 1);
  return `${v.toFixed(v < 10 ? 2 : 1)} ${units[u]}`;
}
const severityName = (s) => SEVERITY_NAMES[s] ?? String(s);
const errorText = (e) => (e && e.message ? e.message : String(e));

/** createElement with attributes and children; strings become text nodes. */
function h(tag, attrs = {}, ...children) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === true) n.setAttribute(k, '');
    else if (v !== false && v != null) n.setAttribute(k, String(v));
  }
  n.append(...children);
  return n;
}

// Constructed stylesheets are CSSOM, not inline <style>: allowed under a
// `style-src 'self'` Content-Security-Policy.
let sheet = null;
function styles() {
  if (sheet) return sheet;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(`
:host {
  display: block;
  font: var(--ftgate-font, inherit);
  color: var(--ftgate-color, inherit);
  --_accent: var(--ftgate-accent, #2459d6);
  --_pass: var(--ftgate-pass, #176b3a);
  --_fail: var(--ftgate-fail, #a4161a);
  --_muted: var(--ftgate-muted, #5b6472);
  --_border: var(--ftgate-border-color, #c9ced6);
  --_radius: var(--ftgate-radius, .4rem);
}
:host([hidden]) { display: none; }
[hidden] { display: none !important; }
.box { border: 1px dashed var(--_border); border-radius: var(--_radius); padding: .75rem .9rem;
  background: var(--ftgate-background, transparent); }
.box.dragging { border-color: var(--_accent); border-style: solid; }
.label { display: block; font-weight: 600; margin-bottom: .4rem; }
.row { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; }
button { font: inherit; padding: .4rem .85rem; border-radius: var(--_radius); border: 1px solid var(--_border);
  background: #fff; color: inherit; cursor: pointer; }
button:disabled { opacity: .55; cursor: not-allowed; }
button:focus-visible, summary:focus-visible { outline: 3px solid var(--ftgate-focus, #ffbf47); outline-offset: 2px; }
.choose { border-color: var(--_accent); color: var(--_accent); font-weight: 600; }
.file-name { overflow-wrap: anywhere; color: var(--_muted); }
.progress-row { margin-top: .6rem; }
progress { flex: 1; min-width: 8rem; height: 1rem; accent-color: var(--_accent); }
.status { margin: .4rem 0 0; color: var(--_muted); font-size: .9em; font-variant-numeric: tabular-nums; }
.verdict { margin-top: .6rem; padding: .5rem .7rem; border-radius: var(--_radius); overflow-wrap: anywhere; }
.verdict:empty { display: none; }
.verdict-label { margin-right: .4rem; }
.verdict-extra { display: block; margin-top: .25rem; }
:host([state="pass"]) .verdict { color: var(--_pass); background: var(--ftgate-pass-background, #e6f4ea); }
:host([state="fail"]) .verdict, :host([state="error"]) .verdict { color: var(--_fail); background: var(--ftgate-fail-background, #fdecea); }
details { margin-top: .6rem; }
summary { cursor: pointer; }
.table-wrap { max-height: 20rem; overflow: auto; margin-top: .4rem; }
table { border-collapse: collapse; width: 100%; font-size: .88em; }
th, td { text-align: left; vertical-align: top; padding: .25rem .45rem; border-bottom: 1px solid var(--_border); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.excerpt { white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, Menlo, Consolas, monospace; }
ul { padding-left: 1.1rem; margin: .4rem 0 0; font-size: .9em; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; }
.note { color: var(--_muted); font-size: .88em; }
.upload-row { margin-top: .6rem; }
.upload { background: var(--_accent); border-color: var(--_accent); color: var(--ftgate-accent-contrast, #fff); }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }
`);
  return sheet;
}

// ---------------------------------------------------------------- element
export class FtgateUploadElement extends HTMLElement {
  static formAssociated = true;
  static get observedAttributes() {
    return ['accept', 'disabled', 'required', 'upload-url', 'model-url', 'pkg-url', 'wasm-url', 'worker-url', 'no-submit-lock'];
  }

  #internals;
  #el;
  #state = 'idle';
  #file = null;
  #verdict = null;
  #gate = null;          // {key, promise} while connected
  #run = null;           // AbortController of the check being shown
  #formDisabled = false;
  #lockedButtons = new Set();

  constructor() {
    super();
    this.#internals = this.attachInternals();
    // The labelled group a <label for> or the label slot names.
    try { this.#internals.role = 'group'; } catch { /* older engines */ }
    const root = this.attachShadow({ mode: 'open', delegatesFocus: true });
    root.adoptedStyleSheets = [styles()];
    this.#build(root);
    // No attributes here (the spec forbids it in constructors): the state is
    // reflected once connected.
  }

  #build(root) {
    const e = {};
    e.input = h('input', { type: 'file', id: 'input', class: 'visually-hidden', tabindex: '-1', 'aria-hidden': 'true', accept: ACCEPT });
    e.label = h('span', { id: 'label', class: 'label', part: 'label' }, h('slot', { name: 'label' }, 'Training data (JSONL)'));
    e.choose = h('button', { type: 'button', id: 'choose', class: 'choose', part: 'choose', 'aria-labelledby': 'label choose', 'aria-describedby': 'file-name' }, 'Choose file…');
    e.fileName = h('span', { id: 'file-name', class: 'file-name', part: 'file-name' }, 'No file chosen');
    e.progress = h('progress', { part: 'progress', max: '1', value: '0', 'aria-labelledby': 'status' });
    e.cancel = h('button', { type: 'button', class: 'cancel', part: 'cancel' }, 'Cancel');
    e.progressRow = h('div', { class: 'row progress-row', part: 'progress-row', hidden: true }, e.progress, e.cancel);
    e.status = h('p', { id: 'status', class: 'status', part: 'status' });
    e.verdictLabel = h('strong', { class: 'verdict-label', part: 'verdict-label' });
    e.verdictMessage = h('span', { class: 'verdict-message', part: 'verdict-message' });
    e.verdictExtra = h('span', { class: 'verdict-extra', part: 'verdict-extra', hidden: true });
    // The announcement: polite, read as a whole when it changes.
    e.verdict = h('div', { class: 'verdict', part: 'verdict', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    e.findingsCount = h('span');
    e.findingsBody = h('tbody');
    e.findingsNote = h('p', { class: 'note', hidden: true });
    e.diagnostics = h('ul', { part: 'diagnostics', 'aria-label': 'Format diagnostics' });
    e.details = h('details', { part: 'details', hidden: true },
      h('summary', { part: 'summary' }, 'Findings and format problems ', e.findingsCount),
      h('div', { class: 'table-wrap' },
        h('table', { part: 'findings', 'aria-label': 'Findings' },
          h('thead', {}, h('tr', {}, ...['Line', 'Where', 'Category', 'Severity', 'Excerpt'].map((t) => h('th', { scope: 'col' }, t)))),
          e.findingsBody)),
      e.findingsNote,
      e.diagnostics);
    e.upload = h('button', { type: 'button', class: 'upload', part: 'upload', disabled: true }, 'Upload');
    e.uploadResult = h('span', { class: 'upload-result', part: 'upload-result', role: 'status' });
    e.uploadRow = h('div', { class: 'row upload-row', part: 'upload-row', hidden: true }, e.upload, e.uploadResult);
    e.box = h('div', { class: 'box', part: 'container' },
      e.label, h('div', { class: 'row', part: 'picker' }, e.choose, e.fileName, e.input),
      e.progressRow, e.status, e.verdict, e.details, e.uploadRow);
    root.append(e.box);
    this.#el = e;

    e.choose.addEventListener('click', () => e.input.click());
    e.input.addEventListener('change', () => {
      const f = e.input.files && e.input.files[0];
      // Let the same file be chosen again after an edit.
      e.input.value = '';
      if (f) this.#choose(f).catch(() => { /* shown in the element and as ftgate-error */ });
    });
    e.cancel.addEventListener('click', () => this.cancel());
    e.upload.addEventListener('click', () => this.#upload());
    for (const t of ['dragenter', 'dragover']) {
      e.box.addEventListener(t, (ev) => {
        ev.preventDefault();
        if (ev.dataTransfer) ev.dataTransfer.dropEffect = this.#disabled ? 'none' : 'copy';
        e.box.classList.add('dragging');
      });
    }
    e.box.addEventListener('dragleave', (ev) => {
      if (!e.box.contains(ev.relatedTarget)) e.box.classList.remove('dragging');
    });
    e.box.addEventListener('drop', (ev) => {
      ev.preventDefault();
      e.box.classList.remove('dragging');
      const f = ev.dataTransfer && ev.dataTransfer.files && ev.dataTransfer.files[0];
      if (f && !this.#disabled) this.#choose(f).catch(() => { /* shown in the element */ });
    });
  }

  // ------------------------------------------------------------ lifecycle
  connectedCallback() {
    this.#el.input.accept = this.getAttribute('accept') || ACCEPT;
    this.#setState(this.#state, this.#errorMessage);
    this.#syncDisabled();
    if (this.getAttribute('loading') !== 'lazy') this.#ensureGate();
    this.#syncForm();
  }

  disconnectedCallback() {
    this.#releaseSubmitLocks();
    if (this.#run) this.#run.abort();
    if (this.#gate) { releaseGate(this.#gate.key); this.#gate = null; this.#ready = false; }
  }

  attributeChangedCallback(name) {
    switch (name) {
      case 'accept': this.#el.input.accept = this.getAttribute('accept') || ACCEPT; break;
      case 'disabled': this.#syncDisabled(); break;
      case 'upload-url': this.#renderUpload(); break;
      case 'required':
      case 'no-submit-lock': this.#syncForm(); break;
      default:
        // An asset URL changed: the next check uses a gate for the new URLs.
        if (this.#gate && this.#gate.key !== JSON.stringify(this.#urls())) {
          releaseGate(this.#gate.key);
          this.#gate = null;
          this.#ready = false;
          if (this.isConnected && this.getAttribute('loading') !== 'lazy') this.#ensureGate();
        }
    }
  }

  formAssociatedCallback() { this.#syncForm(); }
  formDisabledCallback(disabled) { this.#formDisabled = disabled; this.#syncDisabled(); }
  formResetCallback() { this.reset(); }

  // ------------------------------------------------------------ properties
  get form() { return this.#internals.form; }
  get labels() { return this.#internals.labels; }
  get validity() { return this.#internals.validity; }
  get validationMessage() { return this.#internals.validationMessage; }
  get willValidate() { return this.#internals.willValidate; }
  checkValidity() { return this.#internals.checkValidity(); }
  reportValidity() { return this.#internals.reportValidity(); }
  get type() { return this.localName; }

  get name() { return this.getAttribute('name') || 'file'; }
  set name(v) { this.setAttribute('name', v); }
  get required() { return this.hasAttribute('required'); }
  set required(v) { this.toggleAttribute('required', !!v); }
  get disabled() { return this.hasAttribute('disabled'); }
  set disabled(v) { this.toggleAttribute('disabled', !!v); }
  get uploadUrl() { return this.getAttribute('upload-url'); }
  set uploadUrl(v) { this.#setUrlAttr('upload-url', v); }
  get modelUrl() { return this.getAttribute('model-url'); }
  set modelUrl(v) { this.#setUrlAttr('model-url', v); }
  get pkgUrl() { return this.getAttribute('pkg-url'); }
  set pkgUrl(v) { this.#setUrlAttr('pkg-url', v); }
  get wasmUrl() { return this.getAttribute('wasm-url'); }
  set wasmUrl(v) { this.#setUrlAttr('wasm-url', v); }
  get workerUrl() { return this.getAttribute('worker-url'); }
  set workerUrl(v) { this.#setUrlAttr('worker-url', v); }

  /** idle | loading | ready | checking | pass | fail | error | cancelled */
  get state() { return this.#state; }
  get passed() { return this.#state === 'pass'; }
  get file() { return this.#file; }
  /** The full verdict of the chosen file (with excerpts), or null. */
  get verdict() { return this.#verdict; }
  get receipt() { return this.#verdict ? this.#verdict.receipt : null; }

  // ------------------------------------------------------------ methods
  /** Checks a file as if the user had chosen it; resolves with its verdict. */
  check(file) {
    if (!(file instanceof Blob)) return Promise.reject(new TypeError('check(file): file must be a File or Blob'));
    return this.#choose(file);
  }

  /** Cancels the running check (the file then needs choosing again). */
  cancel() {
    if (this.#run && !this.#verdict) this.#run.abort();
  }

  /** Forgets the file and its verdict. */
  reset() {
    if (this.#run) this.#run.abort();
    this.#run = null;
    this.#file = null;
    this.#verdict = null;
    this.#clearResults();
    this.#el.fileName.textContent = 'No file chosen';
    this.#el.status.textContent = '';
    this.#setVerdict('', '');
    this.#setState(this.#ready ? 'ready' : this.#gate ? 'loading' : 'idle');
    this.#syncForm();
  }

  // ------------------------------------------------------------ internals
  get #disabled() { return this.disabled || this.#formDisabled; }

  #setUrlAttr(name, v) {
    if (v == null || v === '') this.removeAttribute(name); else this.setAttribute(name, String(v));
  }

  #urls() {
    const url = (attr, dflt) => {
      const v = this.getAttribute(attr);
      return v ? new URL(v, document.baseURI).href : dflt;
    };
    const urls = {
      workerUrl: url('worker-url', DEFAULT_URLS.workerUrl),
      pkgUrl: url('pkg-url', DEFAULT_URLS.pkgUrl),
      modelUrl: url('model-url', DEFAULT_URLS.modelUrl),
    };
    const wasm = url('wasm-url', null);
    if (wasm) urls.wasmUrl = wasm;
    return urls;
  }

  #ensureGate() {
    if (!this.#gate) {
      this.#gate = acquireGate(this.#urls());
      const held = this.#gate;
      if (this.#state === 'idle') {
        this.#setState('loading');
        this.#el.status.textContent = 'Loading the checker…';
      }
      held.promise.then(
        (gate) => {
          if (this.#gate !== held) return;
          this.#ready = true;
          if (this.#state !== 'loading') return;
          this.#setState('ready');
          const i = gate.info;
          this.#el.status.textContent = `Checker ready (model ${i.modelName} ${i.modelVersion}, policy ${i.policyVersion}). The file is checked on this device and not sent anywhere by the check.`;
        },
        (err) => {
          if (this.#gate !== held) return;
          this.#gate = null;
          // A file waiting for the checker reports the error itself.
          if (this.#state !== 'checking') this.#fail('load', `The checker could not be loaded: ${errorText(err)}`);
        },
      );
    }
    return this.#gate.promise;
  }

  async #choose(file) {
    if (this.#run) this.#run.abort();
    const run = new AbortController();
    this.#run = run;
    this.#file = file;
    this.#verdict = null;
    this.#clearResults();
    this.#el.fileName.textContent = `${file.name || 'file'} — ${fmtBytes(file.size)}`;
    this.#setState('checking');
    this.#syncForm();
    this.dispatchEvent(new Event('change', { bubbles: true }));
    this.#el.progressRow.hidden = false;
    this.#el.progress.max = Math.max(file.size, 1);
    this.#el.progress.value = 0;
    this.#el.cancel.disabled = this.#disabled;
    this.#setVerdict('Checking…', `Checking ${file.name || 'the file'} on this device.`);

    let gate;
    try {
      this.#el.status.textContent = 'Waiting for the checker to load…';
      gate = await this.#ensureGate();
    } catch (err) {
      if (this.#run !== run) throw abortError();
      this.#fail('load', `The checker could not be loaded: ${errorText(err)}`);
      throw err;
    }
    if (this.#run !== run || run.signal.aborted) throw this.#cancelled(run);
    this.#el.status.textContent = 'Starting…';
    let verdict;
    try {
      verdict = await gate.check(file, { signal: run.signal, onProgress: (p) => this.#progress(run, p) });
    } catch (err) {
      if (run.signal.aborted || (err && err.name === 'AbortError')) throw this.#cancelled(run);
      if (this.#run === run) this.#fail(err && err.stage ? err.stage : 'check', `The file could not be checked: ${errorText(err)}`);
      throw err;
    }
    if (this.#run !== run) throw abortError();
    this.#show(verdict);
    return verdict;
  }

  #cancelled(run) {
    if (this.#run === run) {
      this.#run = null;
      this.#el.progressRow.hidden = true;
      this.#el.status.textContent = 'The check was cancelled.';
      this.#setVerdict('Cancelled', 'The check was cancelled; choose the file again to check it.');
      this.#setState('cancelled');
      this.#syncForm();
    }
    return abortError();
  }

  #progress(run, p) {
    if (this.#run !== run) return;
    this.#el.progress.max = Math.max(p.totalBytes, 1);
    this.#el.progress.value = p.bytes;
    const pct = p.totalBytes ? Math.floor((p.bytes * 100) / p.totalBytes) : 100;
    this.#el.status.textContent = `${pct}% — ${fmtBytes(p.bytes)} of ${fmtBytes(p.totalBytes)} · ${fmtInt(p.examples)} examples`;
    this.dispatchEvent(new CustomEvent('ftgate-progress', { bubbles: true, composed: true, detail: p }));
  }

  #show(v) {
    this.#run = null;
    this.#verdict = v;
    const pass = v.verdict === 'pass';
    this.#el.progressRow.hidden = true;
    this.#el.status.textContent = `Checked ${fmtInt(v.examples)} examples on ${fmtInt(v.lines)} lines.`;
    this.#setVerdict(pass ? 'Passed' : 'Failed', v.message,
      v.formatMessage && v.formatMessage !== v.message ? v.formatMessage : '');
    this.#renderDetails(v);
    this.#setState(pass ? 'pass' : 'fail');
    this.#syncForm();
    this.#renderUpload();
    this.dispatchEvent(new CustomEvent('ftgate-verdict', { bubbles: true, composed: true, detail: verdictSummary(v) }));
  }

  #fail(stage, message) {
    this.#run = null;
    this.#el.progressRow.hidden = true;
    this.#setVerdict('Error', message);
    this.#el.status.textContent = '';
    this.#setState('error', message);
    this.#syncForm();
    this.dispatchEvent(new CustomEvent('ftgate-error', { bubbles: true, composed: true, detail: { stage, message } }));
  }

  #setState(state, errorMessage) {
    this.#state = state;
    this.#errorMessage = errorMessage || '';
    if (!this.isConnected) return;
    // Reflected for styling: ftgate-upload[state="fail"] { … }.
    this.setAttribute('state', state);
    const states = this.#internals.states;
    if (states) {
      try { states.clear(); states.add(state); } catch { /* CustomStateSet without plain idents */ }
    }
  }

  #errorMessage = '';
  #ready = false;        // the held gate has loaded

  #setVerdict(label, message, extra = '') {
    const e = this.#el;
    e.verdictLabel.textContent = label;
    e.verdictMessage.textContent = message;
    e.verdictExtra.textContent = extra;
    e.verdictExtra.hidden = !extra;
    // Replace the children at once so the live region announces one update.
    e.verdict.replaceChildren(...(label || message ? [e.verdictLabel, e.verdictMessage, e.verdictExtra] : []));
  }

  #clearResults() {
    const e = this.#el;
    e.details.hidden = true;
    e.details.open = false;
    e.findingsBody.replaceChildren();
    e.diagnostics.replaceChildren();
    e.findingsNote.hidden = true;
    e.uploadResult.textContent = '';
    this.#renderUpload();
  }

  #renderDetails(v) {
    const e = this.#el;
    const findings = v.findings || [];
    const rows = findings.slice(0, MAX_FINDING_ROWS).map((f) => {
      const sev = severityName(f.severity);
      const where = `${f.field ?? ''}${f.messageIndex == null ? '' : `[${f.messageIndex}]`}${f.role ? ` (${f.role})` : ''}`;
      const tr = h('tr', { 'data-line': f.line, 'data-category': f.category, 'data-severity': f.severity },
        h('td', { class: 'num' }, String(f.line)),
        h('td', {}, where),
        h('td', {}, CATEGORY_NAMES[f.category] || String(f.category)),
        h('td', {}, sev),
        h('td', { class: 'excerpt' }, f.excerpt ?? ''));
      return tr;
    });
    e.findingsBody.replaceChildren(...rows);
    const notes = [];
    if (findings.length > rows.length) notes.push(`Showing the first ${fmtInt(rows.length)} of ${fmtInt(findings.length)} findings.`);
    if (v.findingsTruncated) notes.push('More findings exist than were recorded; the verdict covers the whole file.');
    if (v.diagnosticsTruncated) notes.push('More format problems exist than are listed.');
    e.findingsNote.textContent = notes.join(' ');
    e.findingsNote.hidden = !notes.length;
    e.diagnostics.replaceChildren(...(v.diagnostics || []).map((d) => h('li', { 'data-code': d.code },
      `${d.level === 'error' ? 'Error' : 'Warning'}, ${d.line == null ? 'file' : `line ${d.line}`}: `,
      h('code', {}, d.code), ` ${d.message}`)));
    const diag = (v.diagnostics || []).length;
    e.findingsCount.textContent = `(${fmtInt(findings.length)} ${findings.length === 1 ? 'finding' : 'findings'}, ${fmtInt(diag)} format ${diag === 1 ? 'problem' : 'problems'})`;
    e.details.hidden = !(findings.length || diag);
  }

  #renderUpload() {
    const e = this.#el;
    e.uploadRow.hidden = !this.uploadUrl;
    e.upload.disabled = !(this.passed && this.uploadUrl) || this.#disabled || this.#uploading;
  }

  #uploading = false;

  async #upload() {
    const file = this.#file;
    const v = this.#verdict;
    const url = this.uploadUrl;
    if (!file || !v || v.verdict !== 'pass' || !url) return;
    this.#uploading = true;
    this.#renderUpload();
    this.#el.uploadResult.textContent = `Uploading ${file.name || 'the file'}…`;
    let detail;
    try {
      const res = await fetch(url, { method: 'POST', body: this.#formData(), credentials: 'same-origin' });
      const response = await res.text();
      detail = { ok: res.ok, status: res.status, response };
    } catch (err) {
      detail = { ok: false, status: 0, response: '', error: errorText(err) };
    } finally {
      this.#uploading = false;
    }
    if (file !== this.#file) return; // another file was chosen meanwhile
    this.#renderUpload();
    this.#el.uploadResult.textContent = detail.ok
      ? `Uploaded (HTTP ${detail.status}).`
      : `Upload failed: ${detail.error || `HTTP ${detail.status}`}`;
    this.dispatchEvent(new CustomEvent('ftgate-upload', { bubbles: true, composed: true, detail }));
    if (!detail.ok) {
      this.dispatchEvent(new CustomEvent('ftgate-error', { bubbles: true, composed: true, detail: { stage: 'upload', message: this.#el.uploadResult.textContent } }));
    }
  }

  /** The file under `name` and the receipt under `ftgate-receipt`. */
  #formData() {
    const fd = new FormData();
    fd.append(this.name, this.#file, this.#file.name || 'data.jsonl');
    fd.append(RECEIPT_FIELD, JSON.stringify(this.#verdict.receipt));
    return fd;
  }

  /** Form value, validity and the submit lock follow the state. */
  #syncForm() {
    const anchor = this.#el.choose;
    if (this.passed) {
      this.#internals.setFormValue(this.#formData());
      this.#internals.setValidity({});
    } else {
      // A file that has not passed is never part of the form's data, so even
      // a `novalidate` form cannot send it.
      this.#internals.setFormValue(null);
      if (!this.#file) {
        if (this.required) this.#internals.setValidity({ valueMissing: true }, 'Choose a training data file.', anchor);
        else this.#internals.setValidity({});
      } else {
        const why = {
          checking: 'The training data file is still being checked.',
          fail: this.#verdict ? this.#verdict.message : 'The training data failed the check.',
          error: this.#errorMessage || 'The training data file could not be checked.',
          cancelled: 'The check was cancelled; choose the file again.',
        }[this.#state] || 'The training data file has not been checked.';
        this.#internals.setValidity({ customError: true }, why, anchor);
      }
    }
    this.#syncSubmitLocks();
  }

  #syncSubmitLocks() {
    const form = this.#internals.form;
    const lock = !!form && this.isConnected && !this.hasAttribute('no-submit-lock') && !this.#internals.validity.valid;
    const now = new Set(lock ? [...form.elements].filter(isGatedSubmit) : []);
    for (const b of this.#lockedButtons) if (!now.has(b)) unlockButton(b, this);
    for (const b of now) lockButton(b, this);
    this.#lockedButtons = now;
  }

  #releaseSubmitLocks() {
    for (const b of this.#lockedButtons) unlockButton(b, this);
    this.#lockedButtons = new Set();
  }

  #syncDisabled() {
    const d = this.#disabled;
    this.#el.choose.disabled = d;
    this.#el.cancel.disabled = d || !this.#run;
    this.#renderUpload();
  }
}

function abortError() {
  return new DOMException('The check was cancelled.', 'AbortError');
}

if (!customElements.get('ftgate-upload')) customElements.define('ftgate-upload', FtgateUploadElement);
