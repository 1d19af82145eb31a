// ftgate model-gate worker: loads the wasm build and the model once, then
// runs simulated conversations against a chat endpoint with fetch and scores
// the answers locally. The plan, each conversation's state, the response
// parsing, the retry rule and the verdict are the Rust core's (ModelGateRun);
// this file only moves bytes. The API key stays in this worker's memory for
// the length of a run and is never logged, stored or given to wasm.
//
// Page -> worker
//   {type:'init', pkgUrl, modelUrl}
//   {type:'run', endpoint:{dialect,url,model,apiVersion}, key, turns, concurrency, timeoutMs}
//   {type:'cancel'}
// Worker -> page
//   {type:'ready', info}
//   {type:'plan', conversations:[{id, category}]}
//   {type:'progress', id, finished, failed, progress}
//   {type:'result', assessment, elapsedMs, requests}
//   {type:'error', message}

let mod = null;
let gate = null;    // one ModelGateRun (one classifier) for every run
let running = null; // {abort: AbortController, stop: boolean}

function errorMessage(e) {
  if (e instanceof Error) return e.message || String(e);
  return typeof e === 'string' ? e : String(e);
}

async function init(msg) {
  const pkgUrl = new URL(msg.pkgUrl || '/pkg/ftgate.js', self.location.href).href;
  const modelUrl = new URL(msg.modelUrl || '/models/ftgate-ngram.onnx', self.location.href).href;
  mod = await import(pkgUrl);
  const [, bytes] = await Promise.all([
    mod.default(),
    fetch(modelUrl, { credentials: 'same-origin' }).then(async (r) => {
      if (!r.ok) throw new Error(`could not fetch the model ${modelUrl}: HTTP ${r.status}`);
      return new Uint8Array(await r.arrayBuffer());
    }),
  ]);
  gate = new mod.ModelGateRun(bytes); // refuses any model but the pinned one
  return gate.info();
}

const sleep = (ms, signal) => new Promise((resolve) => {
  const t = setTimeout(resolve, ms);
  signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
});

// Reads at most `limit` bytes of a response body; more is an error (a
// runaway endpoint must not fill memory).
async function readLimited(res, limit) {
  const reader = res.body.getReader();
  const chunks = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.byteLength;
    if (n > limit) {
      await reader.cancel().catch(() => {});
      throw new Error(`endpoint response: expected at most ${limit} bytes, found more`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.byteLength; }
  return out;
}

// One request with the core's retry rule. Resolves to {body} or {error}.
async function send(spec, key, timeoutMs, run) {
  for (let attempt = 1; ; attempt++) {
    const ctl = new AbortController();
    const onAbort = () => ctl.abort();
    run.abort.signal.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => ctl.abort(), timeoutMs);
    let why;
    let retryAfter;
    try {
      const headers = { 'Content-Type': 'application/json' };
      if (key) headers[spec.authHeader] = spec.authPrefix + key;
      const res = await fetch(spec.url, {
        method: 'POST', headers, body: spec.body, signal: ctl.signal,
        credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer',
      });
      if (res.ok) return { body: await readLimited(res, mod.maxResponseBytes()) };
      await res.body?.cancel().catch(() => {});
      why = `HTTP ${res.status} from ${spec.url}`;
      if (!mod.retryableStatus(res.status)) return { error: why };
      retryAfter = res.headers.get('Retry-After') ?? undefined;
    } catch (e) {
      if (run.stop) return { error: 'cancelled' };
      const m = errorMessage(e);
      if (m.startsWith('endpoint response:')) return { error: m };
      why = ctl.signal.aborted
        ? `could not get an answer from ${spec.url}: timed out after ${timeoutMs / 1000} s`
        : `could not get an answer from ${spec.url}: ${m}`;
    } finally {
      clearTimeout(timer);
      run.abort.signal.removeEventListener('abort', onAbort);
    }
    const delay = mod.retryDelayMs(attempt, retryAfter);
    if (delay === undefined || run.stop) return { error: `${why} (after ${attempt} attempts)` };
    await sleep(delay, run.abort.signal);
  }
}

async function runGate(msg) {
  const t0 = performance.now();
  const run = { abort: new AbortController(), stop: false, reason: '' };
  running = run;
  gate.restart({ turns: msg.turns });
  try {
    const plan = gate.conversations();
    postMessage({ type: 'plan', conversations: plan.map((c) => ({ id: c.id, category: c.category })) });
    let next = 0;
    let requests = 0;
    const failRun = (reason) => {
      // Fail closed: one conversation that cannot complete makes the run
      // incomplete, so stop sending.
      if (!run.stop) { run.stop = true; run.reason = reason; run.abort.abort(); }
    };
    const lane = async () => {
      while (!run.stop) {
        const id = next++;
        if (id >= plan.length) return;
        let failed = false;
        for (;;) {
          const spec = gate.nextRequest(id, msg.endpoint);
          if (spec === null || run.stop) break;
          const r = await send(spec, msg.key, msg.timeoutMs, run);
          if (run.stop && r.error === 'cancelled') break;
          requests++;
          const problem = r.error ?? gate.recordResponse(id, r.body);
          if (problem) {
            if (r.error) gate.recordFailure(id, r.error);
            failed = true;
            failRun('not run: the evaluation stopped after an earlier conversation failed');
            break;
          }
        }
        postMessage({ type: 'progress', id, finished: !failed, failed, progress: gate.progress() });
      }
    };
    const lanes = Math.max(1, Math.min(msg.concurrency || 4, plan.length));
    await Promise.all(Array.from({ length: lanes }, lane));
    if (run.stop) gate.abandon(run.reason);
    const assessment = gate.assess();
    postMessage({ type: 'result', assessment, elapsedMs: performance.now() - t0, requests });
  } finally {
    if (running === run) running = null;
  }
}

self.onmessage = async (ev) => {
  const msg = ev.data || {};
  try {
    if (msg.type === 'init') {
      postMessage({ type: 'ready', info: await init(msg) });
    } else if (msg.type === 'run') {
      if (!gate) throw new Error('the classifier is not loaded yet');
      if (running) throw new Error('a run is already in progress');
      await runGate(msg);
    } else if (msg.type === 'cancel') {
      if (running && !running.stop) {
        running.stop = true;
        running.reason = 'cancelled by the user';
        running.abort.abort();
      }
    }
  } catch (e) {
    postMessage({ type: 'error', message: errorMessage(e) });
  }
};
