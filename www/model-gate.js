// ftgate model-gate page: collects the endpoint settings, hands the run to
// model-gate-worker.js and shows the core's assessment. Everything from the
// endpoint is shown with textContent, never as HTML. Only the assessment
// (endpoint, model, verdict, time, versions) is stored, in localStorage; the
// key, prompts and answers are not.

const HISTORY_KEY = 'ftgate.modelGate.assessments';
const HISTORY_MAX = 20;
const CATEGORY_NAMES = { violence: 'Violence', sexual: 'Sexual', hate_fairness: 'Hate Fairness', self_harm: 'Self Harm' };
const SEVERITY_NAMES = { 0: 'safe', 2: 'low', 4: 'medium', 6: 'high' };

const $ = (id) => document.getElementById(id);
const meta = (name, fallback) => document.querySelector(`meta[name="${name}"]`)?.content || fallback;

const ui = {
  form: $('mg-form'), dialect: $('mg-dialect'), url: $('mg-url'), model: $('mg-model'),
  modelLabel: $('mg-model-label'), apiVersion: $('mg-api-version'), key: $('mg-key'), turns: $('mg-turns'),
  run: $('mg-run'), cancel: $('mg-cancel'), status: $('mg-status'), progress: $('mg-progress'),
  progressText: $('mg-progress-text'), categories: $('mg-categories'), control: $('mg-control'),
  verdict: $('mg-verdict'), verdictLabel: $('mg-verdict-label'), verdictMessage: $('mg-verdict-message'),
  worstSection: $('mg-worst-section'), worst: $('mg-worst'), failures: $('mg-failures'),
  history: $('mg-history'), historyClear: $('mg-history-clear'), demoHint: $('mg-demo-hint'),
};

let plan = [];
let done = new Map(); // category -> finished conversations
let runStart = 0;
let lastRun = null;

function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = String(text);
  if (className) e.className = className;
  return e;
}

function setDialect() {
  const d = ui.dialect.value;
  ui.form.dataset.dialect = d;
  ui.modelLabel.textContent = d === 'azure' ? 'Deployment' : 'Model';
  ui.apiVersion.required = d === 'azure';
}

function setRunning(on) {
  for (const x of [ui.dialect, ui.url, ui.model, ui.apiVersion, ui.key, ui.turns]) x.disabled = on;
  ui.run.disabled = on;
  ui.cancel.disabled = !on;
}

function categoryKey(c) { return c ?? 'benign'; }

function renderCategories(assessment) {
  ui.categories.replaceChildren();
  for (const key of Object.keys(CATEGORY_NAMES)) {
    const planned = plan.filter((c) => c.category === key).length;
    const r = assessment?.categories.find((c) => c.category === key);
    const tr = el('tr');
    if (r?.exceeded) tr.className = 'failed';
    const th = el('th', CATEGORY_NAMES[key]);
    th.scope = 'row';
    tr.append(th, el('td', planned, 'num'), el('td', done.get(key) || 0, 'num'),
      el('td', r ? r.defects : '—', 'num'),
      el('td', r ? `${(r.defectRate * 100).toFixed(1)} %` : '—', 'num'),
      el('td', r ? `${(r.maxDefectRate * 100).toFixed(1)} %` : '—', 'num'));
    tr.dataset.category = key;
    ui.categories.append(tr);
  }
  const benign = plan.filter((c) => c.category === null).length;
  ui.control.textContent = assessment
    ? `Benign control set: ${assessment.control.conversations} conversations, ${assessment.control.refused} refused (over-refusal ${(assessment.control.overRefusalRate * 100).toFixed(1)} %; reported, not part of the verdict).`
    : `Benign control set: ${benign} conversations, ${done.get('benign') || 0} done.`;
}

function showVerdict(state, label, message) {
  ui.verdict.dataset.verdict = state;
  ui.verdictLabel.textContent = label;
  ui.verdictMessage.textContent = message;
}

function renderWorst(a) {
  ui.worst.replaceChildren();
  ui.failures.replaceChildren();
  for (const w of a.worst) {
    const tr = el('tr');
    tr.append(el('td', CATEGORY_NAMES[w.category]), el('td', SEVERITY_NAMES[w.severity] ?? w.severity, `sev sev-${SEVERITY_NAMES[w.severity]}`),
      el('td', w.score.toFixed(3), 'num'), el('td', w.prompt, 'text'), el('td', w.answer, 'text'));
    ui.worst.append(tr);
  }
  for (const f of a.failures) {
    const li = el('li', undefined, 'diag diag-error');
    li.append(el('span', 'failed', 'diag-level'), el('span', `conversation ${f.conversationId}`, 'diag-line'), el('span', f.message));
    ui.failures.append(li);
  }
  ui.worstSection.hidden = a.worst.length === 0 && a.failures.length === 0;
}

function loadHistory() {
  try {
    const v = JSON.parse(localStorage.getItem(HISTORY_KEY) || '[]');
    return Array.isArray(v) ? v : [];
  } catch { return []; }
}

function renderHistory() {
  ui.history.replaceChildren();
  const items = loadHistory();
  if (!items.length) ui.history.append(el('li', 'None yet.', 'note'));
  for (const h of items) {
    const li = el('li', undefined, `diag ${h.verdict === 'deployable' ? '' : 'diag-error'}`);
    li.append(el('span', h.verdict.replace('_', ' '), 'diag-level'), el('span', h.time, 'diag-line'),
      el('span', `${h.model} @ ${h.endpoint} (policy ${h.policyVersion}, model ${h.modelVersion})`));
    ui.history.append(li);
  }
}

// Only the assessment: no key, prompts or answers.
function remember(a, endpoint) {
  const entry = {
    endpoint: endpoint.url, dialect: endpoint.dialect, model: endpoint.model, verdict: a.verdict,
    time: new Date().toISOString(), policyVersion: a.policyVersion, modelVersion: a.modelVersion,
  };
  const items = [entry, ...loadHistory()].slice(0, HISTORY_MAX);
  try { localStorage.setItem(HISTORY_KEY, JSON.stringify(items)); } catch { /* storage full or blocked: nothing to keep */ }
  renderHistory();
}

const worker = new Worker(new URL('./model-gate-worker.js', import.meta.url), { type: 'module' });
worker.onmessage = (ev) => {
  const m = ev.data;
  if (m.type === 'ready') {
    ui.status.textContent = `Classifier ready (model ${m.info.modelVersion}).`;
    ui.status.dataset.ready = 'true';
    $('mg-model-version').textContent = m.info.modelVersion;
    $('mg-policy-version').textContent = m.info.policyVersion;
    ui.run.disabled = false;
  } else if (m.type === 'plan') {
    plan = m.conversations;
    done = new Map();
    renderCategories(null);
  } else if (m.type === 'progress') {
    const c = plan[m.id];
    if (c && m.finished) done.set(categoryKey(c.category), (done.get(categoryKey(c.category)) || 0) + 1);
    const p = m.progress;
    ui.progress.max = p.requestsPlanned;
    ui.progress.value = p.requestsDone;
    const secs = (performance.now() - runStart) / 1000;
    ui.progressText.textContent = `${p.completed} of ${p.conversations} conversations (${p.requestsDone} of ${p.requestsPlanned} answers, ${(p.completed / Math.max(secs, 1e-3)).toFixed(1)} conversations/s)${p.failed ? `, ${p.failed} failed` : ''}`;
    renderCategories(null);
  } else if (m.type === 'result') {
    const a = m.assessment;
    setRunning(false);
    renderCategories(a);
    const label = { deployable: 'Deployable.', not_deployable: 'Not deployable.', incomplete: 'Incomplete — not deployable.' }[a.verdict];
    showVerdict(a.verdict, label, a.message);
    renderWorst(a);
    ui.progressText.textContent = `${a.completed} of ${a.conversations} conversations, ${a.answers} answers scored in ${(m.elapsedMs / 1000).toFixed(1)} s (${(a.completed / Math.max(m.elapsedMs / 1000, 1e-3)).toFixed(1)} conversations/s).`;
    remember(a, lastRun.endpoint);
    window.__ftgateModelGate = a;
  } else if (m.type === 'error') {
    setRunning(false);
    showVerdict('incomplete', 'Error.', m.message);
    if (ui.status.dataset.ready !== 'true') ui.status.textContent = `The classifier could not be loaded: ${m.message}`;
  }
};
worker.onerror = (e) => { setRunning(false); showVerdict('incomplete', 'Error.', e.message || 'the worker failed'); };
worker.postMessage({
  type: 'init',
  pkgUrl: new URL(meta('ftgate-pkg-url', '/pkg/ftgate.js'), location.href).href,
  modelUrl: new URL(meta('ftgate-model-url', '/models/ftgate-ngram.onnx'), location.href).href,
});

ui.dialect.addEventListener('change', setDialect);
ui.form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  if (!ui.form.reportValidity()) return;
  const endpoint = {
    dialect: ui.dialect.value, url: ui.url.value.trim(), model: ui.model.value.trim(),
    apiVersion: ui.dialect.value === 'azure' ? ui.apiVersion.value.trim() : null,
  };
  lastRun = { endpoint };
  setRunning(true);
  ui.worstSection.hidden = true;
  showVerdict('running', 'Running…', 'Simulating conversations; the verdict appears when every conversation is scored.');
  runStart = performance.now();
  worker.postMessage({
    type: 'run', endpoint, key: ui.key.value, turns: Number(ui.turns.value) || 2, concurrency: 4, timeoutMs: 60_000,
  });
});
ui.cancel.addEventListener('click', () => worker.postMessage({ type: 'cancel' }));
ui.historyClear.addEventListener('click', () => { localStorage.removeItem(HISTORY_KEY); renderHistory(); });

// The local demo endpoint, when the server knows one (`make run`).
fetch('demo-endpoint.json', { cache: 'no-store' }).then((r) => (r.ok ? r.json() : null)).then((d) => {
  if (!d?.url) return;
  if (!ui.url.value) ui.url.value = d.url;
  if (!ui.model.value) ui.model.value = d.models?.[1] || 'ftgate-demo-unsafe';
  ui.demoHint.hidden = false;
}).catch(() => {});

setDialect();
renderHistory();
