// The public types of `prompt-workbench/tasks`: approved prompts called from a Node application as
// typed tasks. `workbench types --out prompts.d.ts` adds each prompt's input and output types to
// TaskTypes, so `tasks.run('ticket-triage', …)` is checked against its schemas. The implementation
// (electron/core/tasks/index.ts) is type-checked against this file.

/** Filled in by the file `workbench types` writes: one entry per prompt, `{ input; output }`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TaskTypes {}

/** The prompts' names once types are generated; any string before. */
export type TaskName = [keyof TaskTypes] extends [never] ? string : Extract<keyof TaskTypes, string>;
export type TaskInput<N extends string> = N extends keyof TaskTypes ? (TaskTypes[N] extends { input: infer I } ? I : Record<string, unknown>) : Record<string, unknown>;
export type TaskOutput<N extends string> = N extends keyof TaskTypes ? (TaskTypes[N] extends { output: infer O } ? O : unknown) : unknown;

export interface RunOptions {
  /**
   * Which version is sent: `approved` (the latest approval, the default), `v3` (that approval), any
   * git ref (a commit id, a tag, `main~1`), or `draft` (the working files). All but the draft are
   * read from git, never from the working files.
   */
  version?: string;
  /** Default: the version's `model`. */
  model?: string;
  /** Default: the version's `config.temperature`, else 1. */
  temperature?: number;
  /** How many more times to ask when an answer does not fit the output schema (default: openTasks', else 2). */
  schemaRetries?: number;
  signal?: AbortSignal;
}

export interface TaskResult<O = unknown> {
  /** The parsed JSON for a prompt with `output.format: json` (it fits the schema), else the text. */
  output: O;
  /** The answer exactly as the model wrote it. */
  rawOutput: string;
  /** What was sent: the commit (null for the draft) and the approval tag it was chosen by, if any. */
  version: { commit: string | null; tag: string | null; asked: string };
  model: string;
  temperature: number;
  /** Totals over every attempt (schema retries included); a count is null when the provider gave none. */
  usage: { inputTokens: number | null; outputTokens: number | null; costUsd: number | null };
  latencyMs: number;
  /** Provider calls made, transient-failure retries and schema retries included. */
  attempts: number;
}

export type TaskFunction<N extends string> = (input: TaskInput<N>, options?: RunOptions) => Promise<TaskResult<TaskOutput<N>>>;

export interface Tasks {
  run<N extends TaskName>(name: N, input: TaskInput<N>, options?: RunOptions): Promise<TaskResult<TaskOutput<N>>>;
  /** A reusable function for one task; options given here are the defaults of each call. */
  get<N extends TaskName>(name: N, options?: RunOptions): TaskFunction<N>;
  /** Closes the database when calls were recorded. */
  close(): Promise<void>;
}

export interface ProviderOptions {
  ollamaHost?: string | null;
  openaiBaseUrl?: string | null;
  anthropicBaseUrl?: string | null;
  /** OpenAI-compatible endpoints, as in the app's Settings (their keys: none, or the app's session). */
  endpoints?: { name: string; baseUrl: string; concurrency?: number }[];
  /** Silence before a call is given up, seconds (default as the app: Settings → Runs). */
  timeoutSeconds?: number;
  /** Longest a call may take, seconds. */
  maxCallSeconds?: number;
}

export interface OpenTasksOptions {
  /** The workspace folder (holding prompts/ and .git/). */
  workspace: string;
  /**
   * Write every call to the workspace database (version, model, latency, tokens and cost, whether
   * it fit the schema, the prompt's checks' verdicts) for the app's "In use" panel. Loads SQLite;
   * also takes the providers, prices and default model from the workspace's Settings. Default false.
   */
  record?: boolean;
  /** Default 2. */
  schemaRetries?: number;
  /** Where keys and addresses come from (OPENAI_API_KEY, ANTHROPIC_API_KEY, OLLAMA_HOST, …); default process.env. */
  env?: Record<string, string | undefined>;
  /** Provider addresses and limits (without `record`, the app's Settings are not read). */
  providers?: ProviderOptions;
  /** The model for prompts that name none. */
  defaultModel?: string;
}

export declare function openTasks(options: OpenTasksOptions): Promise<Tasks>;

interface TaskErrorBase extends Error {
  readonly code: string;
  readonly details?: unknown;
}

/** The input does not fit the input schema; nothing was sent. */
export declare class TaskInputError extends Error implements TaskErrorBase {
  readonly code: 'BAD_INPUT';
  readonly details?: unknown;
  readonly validationErrors: readonly string[];
  constructor(message: string, validationErrors: readonly string[]);
}

/** No answer fit the output schema, after every retry; `rawOutput` is the last answer. */
export declare class TaskOutputError extends Error implements TaskErrorBase {
  readonly code: 'OUTPUT_INVALID';
  readonly details?: unknown;
  readonly rawOutput: string;
  readonly validationErrors: readonly string[];
  readonly attempts: number;
  constructor(message: string, rawOutput: string, validationErrors: readonly string[], attempts: number);
}

/** The provider refused or failed; `failure` says how (auth, rate_limit, network, not_found, …). */
export declare class TaskCallError extends Error implements TaskErrorBase {
  readonly code: 'PROVIDER_ERROR';
  readonly details?: unknown;
  readonly failure: string;
  constructor(message: string, failure: string);
}
