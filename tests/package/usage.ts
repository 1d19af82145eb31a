// A portal's TypeScript using the installed package. Compiled with
// `tsc --noEmit` by package.test.mjs; each @ts-expect-error line is misuse
// the declarations must reject.

import {
  createDataGate, verdictSummary, FtgateError, DEFAULT_URLS,
  type Category, type CategorySummary, type DataGate, type Diagnostic, type Finding,
  type ModelInfo, type Progress, type Receipt, type Severity, type Verdict, type VerdictSummary,
} from 'ftgate';
import {
  FtgateUploadElement, RECEIPT_FIELD,
  type FtgateErrorDetail, type FtgateUploadDetail, type FtgateUploadState,
} from 'ftgate/upload';

export async function checkOne(file: File): Promise<string> {
  const controller = new AbortController();
  const gate: DataGate = await createDataGate({
    modelUrl: '/static/ftgate/models/ftgate-ngram.onnx',
    pkgUrl: new URL('/static/ftgate/pkg/ftgate.js', location.href),
    workerUrl: DEFAULT_URLS.workerUrl,
    workers: 4,
  });
  const info: ModelInfo = gate.info;
  const running: number = gate.workers;
  try {
    const verdict: Verdict = await gate.check(file, {
      onProgress: (p: Progress) => console.log(p.bytes / p.totalBytes, p.examplesPerSec),
      signal: controller.signal,
    });
    const failed: Category[] = verdict.failedCategories;
    const worst: Severity = verdict.categories.violence.maxSeverity;
    const summary: CategorySummary = verdict.categories.self_harm;
    const first: Finding | undefined = verdict.findings[0];
    const where = first ? `${first.field}[${first.messageIndex ?? ''}] ${first.role}: ${first.excerpt}` : '';
    const problems: Diagnostic[] = verdict.diagnostics.filter((d) => d.level === 'error' && d.line !== null);
    const receipt: Receipt = verdict.receipt;
    const safe: VerdictSummary = verdictSummary(verdict);
    if (verdict.verdict === 'fail' && verdict.failingLines.length) {
      const { blob, removed } = await gate.clean(file, verdict.failingLines);
      console.log(blob.size, removed);
    }
    console.log(info.policyVersion, running, failed, worst >= 4, summary.high, where, problems, safe.findings.length);
    return `${receipt.sha256} ${verdict.formatMessage ?? verdict.message}`;
  } catch (e) {
    if (e instanceof FtgateError && e.stage === 'load') return 'assets not reachable';
    throw e;
  } finally {
    gate.close();
  }
}

export function wire(form: HTMLFormElement): FtgateUploadElement {
  const el = document.createElement('ftgate-upload');
  el.name = 'training_file';
  el.required = true;
  el.uploadUrl = new URL('/upload', location.href);
  el.modelUrl = null;
  form.append(el);
  const state: FtgateUploadState = el.state;
  const fromQuery: FtgateUploadElement | null = document.querySelector('ftgate-upload');
  el.addEventListener('ftgate-verdict', (e) => {
    const s: VerdictSummary = e.detail;
    console.log(s.failedCategories, s.receipt.sha256, s.findings.map((f) => f.line));
  });
  el.addEventListener('ftgate-progress', (e) => console.log(e.detail.examples));
  el.addEventListener('ftgate-error', (e) => { const d: FtgateErrorDetail = e.detail; console.log(d.stage, d.message); });
  el.addEventListener('ftgate-upload', (e) => { const d: FtgateUploadDetail = e.detail; console.log(d.ok, d.status); });
  el.addEventListener('change', () => console.log(el.file && el.file.size, el.passed, el.verdict?.message, el.receipt?.sha256));
  console.log(state, fromQuery === el, RECEIPT_FIELD, el.validity.valid, el.form === form);
  return el;
}

export function misuse(gate: DataGate, verdict: Verdict, el: FtgateUploadElement, file: File): void {
  // @ts-expect-error examples is a number
  const n: string = verdict.examples;
  // @ts-expect-error no such category
  verdict.failedCategories.includes('violent');
  // @ts-expect-error severities are 0, 2, 4 or 6
  const s: Severity = 3;
  // @ts-expect-error the option is onProgress
  gate.check(file, { onProgres: () => {} });
  // @ts-expect-error check takes a Blob
  gate.check('train.jsonl');
  el.addEventListener('ftgate-verdict', (e) => {
    // @ts-expect-error the event carries no file text
    console.log(e.detail.findings[0].excerpt);
  });
  // @ts-expect-error state is read-only
  el.state = 'pass';
  // @ts-expect-error the receipt has no content
  console.log(verdict.receipt.text, n, s);
}
