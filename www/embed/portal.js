// The example portal's own code. The gate itself needs none of this: the
// element blocks the form until the file passes. Here the portal posts its
// form with fetch (to show the server's reply in the page) and logs the
// events the element fires.

const form = document.getElementById('job');
const result = document.getElementById('result');
const events = document.getElementById('events');

function log(text) {
  const li = document.createElement('li');
  li.textContent = text; // event details are data: text only
  events.append(li);
}

const gate = document.getElementById('training');
gate.addEventListener('change', () => {
  result.textContent = '';
  delete result.dataset.state;
  log(`change: ${gate.file ? gate.file.name : ''}`);
});
gate.addEventListener('ftgate-verdict', (e) => {
  const v = e.detail;
  log(`ftgate-verdict: ${v.verdict} [${v.failedCategories.join(', ')}] ${v.examples} examples, sha256 ${v.receipt.sha256.slice(0, 12)}…`);
});
gate.addEventListener('ftgate-error', (e) => log(`ftgate-error (${e.detail.stage}): ${e.detail.message}`));

form.addEventListener('submit', async (e) => {
  // Only reached when the form is valid, i.e. the file passed.
  e.preventDefault();
  const body = new FormData(form);
  const fields = [...body.keys()];
  result.dataset.state = 'sending';
  result.textContent = 'Creating the job…';
  try {
    const res = await fetch(form.action, { method: 'POST', body, credentials: 'same-origin' });
    const reply = await res.json();
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${reply.error || ''}`);
    result.dataset.state = 'done';
    result.textContent = `Job request sent (${fields.join(', ')}); the server received ${reply.received} bytes.`;
  } catch (err) {
    result.dataset.state = 'error';
    result.textContent = `Could not create the job: ${err.message}`;
  }
});
