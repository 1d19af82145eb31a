// Types of the ftgate data-gate API (ftgate.js). The verdict types mirror the
// JSON that `ftgate check --json` prints (src/verdict.rs, src/reader.rs,
// src/policy.rs): camelCase keys, severities as the numbers 0/2/4/6.

/** Harm categories, in the model's output order. */
export type Category = 'violence' | 'sexual' | 'hate_fairness' | 'self_harm';

/** The trimmed severity scale: safe 0, low 2, medium 4, high 6. A category fails at 4. */
export type Severity = 0 | 2 | 4 | 6;

export type Outcome = 'pass' | 'fail';

export type DiagnosticCode =
  | 'invalid_utf8' | 'invalid_json' | 'not_an_object' | 'unknown_format' | 'mixed_formats'
  | 'missing_key' | 'unknown_key' | 'invalid_type' | 'unknown_role' | 'missing_content'
  | 'empty_content' | 'no_assistant_message' | 'invalid_weight' | 'invalid_tool_calls'
  | 'line_too_long' | 'too_few_examples' | 'file_too_large';

export type DiagnosticLevel = 'error' | 'warning';

/** Per category: the worst severity and how many examples reached each level. */
export interface CategorySummary {
  maxSeverity: Severity;
  low: number;
  medium: number;
  high: number;
}

/** One text that reached severity low or higher in one category. */
export interface Finding {
  /** 1-based line of the example in the file. */
  line: number;
  /** Where the text is: `messages`, `prompt`, `completion`, `preferred_output`, `tools`, … */
  field: string;
  /** Index into `field` when it is an array, else null. */
  messageIndex: number | null;
  role: string;
  category: Category;
  severity: Severity;
  /** Probability of the text's worst 32-token window. */
  score: number;
  /** The worst window of the text (file content: it stays in the browser). */
  excerpt: string;
}

/** A format problem. `line` is null for problems of the whole file. */
export interface Diagnostic {
  line: number | null;
  code: DiagnosticCode;
  message: string;
  level: DiagnosticLevel;
}

/** What can travel with an upload: no content, enough to re-check the same bytes. */
export interface Receipt {
  /** SHA-256 (hex) of the exact file bytes. */
  sha256: string;
  bytes: number;
  examples: number;
  modelName: string;
  modelVersion: string;
  modelSha256: string;
  policyVersion: string;
  ftgateVersion: string;
  verdict: Outcome;
}

/** The data gate's verdict: the object `ftgate check --json` prints. */
export interface Verdict {
  verdict: Outcome;
  /** The exact message (the hosted service's wording when a harm category failed). */
  message: string;
  /** Set when the file has format errors (also when a harm category failed too). */
  formatMessage: string | null;
  /** In the model's category order; the message lists them alphabetically. */
  failedCategories: Category[];
  examples: number;
  lines: number;
  texts: number;
  categories: Record<Category, CategorySummary>;
  findings: Finding[];
  /** True when more findings existed than are listed (memory is bounded). */
  findingsTruncated: boolean;
  /** Lines whose example reached medium or higher in any category. */
  failingLines: number[];
  diagnostics: Diagnostic[];
  diagnosticsTruncated: boolean;
  errors: number;
  warnings: number;
  receipt: Receipt;
}

/** A finding without its excerpt. */
export type FindingSummary = Omit<Finding, 'excerpt'>;
/** A diagnostic without its message (which may quote keys or roles from the file). */
export type DiagnosticSummary = Omit<Diagnostic, 'message'>;

/** The verdict without text from the file: the `ftgate-verdict` event's detail. */
export interface VerdictSummary extends Omit<Verdict, 'findings' | 'diagnostics'> {
  findings: FindingSummary[];
  diagnostics: DiagnosticSummary[];
}

/** Progress of a check, reported every ~100 ms and once at the end. */
export interface Progress {
  /** Bytes of the file read so far. */
  bytes: number;
  totalBytes: number;
  lines: number;
  examples: number;
  texts: number;
  elapsedMs: number;
  examplesPerSec: number;
}

/** The loaded checker: model, policy and build. */
export interface ModelInfo {
  modelName: string;
  modelVersion: string;
  modelSha256: string;
  policyVersion: string;
  ftgateVersion: string;
  categories: Category[];
}

export interface DataGateOptions {
  /** Default: `./models/ftgate-ngram.onnx` beside ftgate.js. */
  modelUrl?: string | URL;
  /** wasm-bindgen JS glue. Default: `./pkg/ftgate.js` beside ftgate.js. */
  pkgUrl?: string | URL;
  /** The .wasm file. Default: `ftgate_bg.wasm` beside `pkgUrl`. */
  wasmUrl?: string | URL;
  /** Module worker; must be same-origin with the page. Default: `./worker.js` beside ftgate.js. */
  workerUrl?: string | URL;
  /**
   * Workers to check with (default 1). More than 1 starts a pool that checks
   * each file in parallel byte ranges and merges them into the same verdict;
   * files are still checked one after another (`gate.workers`).
   */
  workers?: number;
  /** Bytes read from the file at a time (default 4 MiB). */
  chunkSize?: number;
  /** Aborts loading. */
  signal?: AbortSignal;
}

export interface CheckOptions {
  onProgress?: (progress: Progress) => void;
  /** Aborting rejects the check with the signal's reason (an AbortError by default). */
  signal?: AbortSignal;
}

export interface CleanResult {
  /** The file without the dropped lines (bytes otherwise unchanged). */
  blob: Blob;
  removed: number;
  kept: number;
}

export type FtgateStage = 'load' | 'check' | 'clean' | 'worker' | 'close';

export declare class FtgateError extends Error {
  constructor(message: string, options?: { stage?: FtgateStage; fatal?: boolean });
  readonly name: 'FtgateError';
  /** Where it failed: loading, a check, a clean, the worker itself, or a closed gate. */
  readonly stage: FtgateStage;
  /** The worker had to be replaced (a wasm trap or a dead worker). */
  readonly fatal: boolean;
}

export interface DataGate {
  readonly info: Readonly<ModelInfo>;
  /** Milliseconds it took to load the wasm and the model. */
  readonly loadMs: number;
  /** Workers checking files: the pool's size, or 1 (also when a pool could not start). */
  readonly workers: number;
  /** The `workers` option as given (1 when omitted). */
  readonly requestedWorkers: number;
  readonly closed: boolean;
  /** Checks a file; concurrent calls queue. Resolves with the verdict. */
  check(file: Blob, options?: CheckOptions): Promise<Verdict>;
  /** Drops the given 1-based lines (e.g. `verdict.failingLines`), locally. */
  clean(file: Blob, failingLines: Iterable<number>, options?: { signal?: AbortSignal }): Promise<CleanResult>;
  /** Stops the worker; pending checks reject with FtgateError (stage 'close'). */
  close(): void;
}

/** Starts a worker, loads the wasm build and the model; resolves when ready. */
export declare function createDataGate(options?: DataGateOptions): Promise<DataGate>;

/** The verdict without excerpts and diagnostic messages (safe to log or send). */
export declare function verdictSummary(verdict: Verdict): VerdictSummary;

/** Where the assets are by default: beside ftgate.js. */
export declare const DEFAULT_URLS: Readonly<{ workerUrl: string; pkgUrl: string; modelUrl: string }>;
