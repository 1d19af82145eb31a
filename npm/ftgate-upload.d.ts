// Types of the <ftgate-upload> element (ftgate-upload.js). Importing the
// module defines the element.

import type { Progress, Receipt, Verdict, VerdictSummary } from './ftgate.js';

export {
  createDataGate, verdictSummary, FtgateError,
} from './ftgate.js';
export type {
  Category, Severity, Outcome, DiagnosticCode, DiagnosticLevel, CategorySummary, Finding, Diagnostic,
  Receipt, Verdict, FindingSummary, DiagnosticSummary, VerdictSummary, Progress, ModelInfo,
  DataGateOptions, CheckOptions, CleanResult, FtgateStage, DataGate,
} from './ftgate.js';

/** The form field that carries the receipt (JSON) next to the file. */
export declare const RECEIPT_FIELD: 'ftgate-receipt';

/** Reflected as the `state` attribute: `ftgate-upload[state="fail"] { … }`. */
export type FtgateUploadState = 'idle' | 'loading' | 'ready' | 'checking' | 'pass' | 'fail' | 'error' | 'cancelled';

/** `ftgate-error` detail. */
export interface FtgateErrorDetail {
  stage: 'load' | 'check' | 'clean' | 'worker' | 'close' | 'upload';
  message: string;
}

/** `ftgate-upload` detail: the element's own upload (when `upload-url` is set) finished. */
export interface FtgateUploadDetail {
  ok: boolean;
  /** HTTP status; 0 when the request failed. */
  status: number;
  /** The response body as text. */
  response: string;
  /** Why the request failed, when it did. */
  error?: string;
}

export interface FtgateUploadEventMap extends HTMLElementEventMap {
  /** A file was chosen (the previous verdict no longer holds). */
  change: Event;
  'ftgate-progress': CustomEvent<Progress>;
  /** The verdict without text from the file; `element.verdict` has the full one. */
  'ftgate-verdict': CustomEvent<VerdictSummary>;
  'ftgate-error': CustomEvent<FtgateErrorDetail>;
  'ftgate-upload': CustomEvent<FtgateUploadDetail>;
}

/**
 * `<ftgate-upload>`: a form-associated file input that checks the chosen file
 * and is valid only once it passed.
 *
 * Attributes: `name` (default `file`), `required`, `disabled`, `accept`,
 * `upload-url`, `model-url`, `pkg-url`, `wasm-url`, `worker-url`,
 * `loading="lazy"` (load the checker on the first file, not on connect),
 * `no-submit-lock` (leave the form's submit buttons alone).
 * Parts: container, label, picker, choose, file-name, progress-row, progress,
 * cancel, status, verdict, verdict-label, verdict-message, verdict-extra,
 * details, summary, findings, diagnostics, upload-row, upload, upload-result.
 * Slot: `label`.
 */
export declare class FtgateUploadElement extends HTMLElement {
  static readonly formAssociated: true;
  static readonly observedAttributes: string[];

  /** Form field name of the file (default `file`). */
  name: string;
  required: boolean;
  disabled: boolean;
  get uploadUrl(): string | null;
  set uploadUrl(value: string | URL | null);
  get modelUrl(): string | null;
  set modelUrl(value: string | URL | null);
  get pkgUrl(): string | null;
  set pkgUrl(value: string | URL | null);
  get wasmUrl(): string | null;
  set wasmUrl(value: string | URL | null);
  get workerUrl(): string | null;
  set workerUrl(value: string | URL | null);

  readonly state: FtgateUploadState;
  /** True when the chosen file passed. */
  readonly passed: boolean;
  readonly file: File | Blob | null;
  /** The full verdict of the chosen file (with excerpts), or null. */
  readonly verdict: Verdict | null;
  readonly receipt: Receipt | null;

  readonly form: HTMLFormElement | null;
  readonly labels: NodeList;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  readonly willValidate: boolean;
  readonly type: string;
  checkValidity(): boolean;
  reportValidity(): boolean;

  /** Checks a file as if the user had chosen it. */
  check(file: Blob): Promise<Verdict>;
  /** Cancels the running check. */
  cancel(): void;
  /** Forgets the file and its verdict. */
  reset(): void;

  addEventListener<K extends keyof FtgateUploadEventMap>(type: K, listener: (this: FtgateUploadElement, ev: FtgateUploadEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof FtgateUploadEventMap>(type: K, listener: (this: FtgateUploadElement, ev: FtgateUploadEventMap[K]) => any, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'ftgate-upload': FtgateUploadElement;
  }
}
