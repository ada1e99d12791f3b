// One call of a prompt as a task: the version's text, its input checked against the input schema
// before anything is sent, one provider call made as a run's sample is (the same providers, keys,
// timeouts and retries: runner/sampleCall.ts), and the answer checked against the output schema.
// An answer that does not fit is asked for again up to `schemaRetries` times, then reported as a
// TaskOutputError carrying the raw answer. Nothing here touches the database.
import { WorkbenchError } from '../../../shared/errors';
import { splitModelId } from '../../../shared/models';
import { roundUsd } from '../../../shared/money';
import { costUsd, priceFor, type PriceEntry } from '../../../shared/pricing';
import type { RenderedMessage } from '../../../shared/prompts';
import { parseJsonOutput, schemaErrors } from '../../../shared/variance/jsonSchemaCheck';
import type { CompletionRequest } from '../providers/provider';
import type { ProviderRegistry } from '../providers/providerRegistry';
import type { CallLimits } from '../runner/callLimits';
import { abortableSleep, type RetryPolicy } from '../runner/retryPolicy';
import { callSample } from '../runner/sampleCall';
import { outputJsonSchema } from '../workspace/outputJsonSchema';
import { parsePromptFile, type ParsedPromptFile } from '../workspace/promptFile';
import { promptFilePaths } from '../workspace/promptLibrary';
import { renderPromptSource } from '../workspace/promptRenderer';
import { TaskCallError, TaskInputError, TaskOutputError } from './taskErrors';
import type { TaskVersion } from './taskVersion';

export const DEFAULT_SCHEMA_RETRIES = 2;
/** What most APIs use when a request names no temperature; used when neither the call nor the prompt says. */
export const FALLBACK_TEMPERATURE = 1;

export interface TaskCallSettings {
  registry: ProviderRegistry;
  limits: CallLimits;
  retry: RetryPolicy;
  /** The user's prices (the built-in ones apply after them). */
  pricing: readonly PriceEntry[];
  /** The model for a prompt that names none and a call that gives none; null: such a call is refused. */
  defaultModel: string | null;
}

export interface TaskCallOptions {
  model?: string;
  temperature?: number;
  schemaRetries?: number;
  signal?: AbortSignal;
}

export interface TaskUsage {
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
}

/** What a call did, kept whether it succeeded or not (recordings are made of it). */
export interface TaskAttempts {
  model: string;
  temperature: number;
  latencyMs: number;
  usage: TaskUsage;
  attempts: number;
  /** The last answer as written; null when no answer came. */
  rawOutput: string | null;
  /** Whether the last answer fit the output schema; null when the prompt declares none or no answer came. */
  schemaValid: boolean | null;
}

export interface TaskCallResult extends TaskAttempts {
  /** The parsed JSON for a prompt with `output.format: json`, else the text. */
  output: unknown;
  rawOutput: string;
}

export type TaskCallOutcome = { ok: true; result: TaskCallResult } | { ok: false; error: WorkbenchError; attempts: TaskAttempts | null };

export interface PreparedTask {
  file: string;
  parsed: ParsedPromptFile;
  messages: RenderedMessage[];
  /** The JSON Schema outputs are held to (converted from Picoschema); undefined when there is none. */
  outputSchema: Record<string, unknown> | undefined;
  json: boolean;
}

/** Reads the version's prompt, checks the input and renders it. Throws before any call. */
export async function prepareTask(name: string, version: TaskVersion, input: unknown): Promise<PreparedTask> {
  const file = promptFilePaths(name).prompt;
  const parsed = parsePromptFile(file, version.source);
  const [problem] = parsed.problems;
  if (!parsed.readable && problem) throw new WorkbenchError('PROMPT_INVALID', `${file}${problem.line ? `:${problem.line}` : ''} (${describe(version)}): ${problem.message}`);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new TaskInputError(`The input of "${name}" must be an object of its variables, such as {"question": "…"}.`, ['$: not an object']);
  }
  const variables = { ...parsed.inputDefaults, ...(input as Record<string, unknown>) };
  const inputSchema = await outputJsonSchema(parsed.inputSchema);
  if (!inputSchema.ok) throw new WorkbenchError('PROMPT_INVALID', `${file} (${describe(version)}): ${inputSchema.message.replace('output.schema', 'input.schema')}`);
  const problems = inputSchema.schema ? schemaErrors(variables, inputSchema.schema) : [];
  if (problems.length > 0) {
    throw new TaskInputError(`The input does not fit the input schema of "${name}" (${describe(version)}): ${problems.join('; ')}. Nothing was sent.`, problems);
  }
  const rendered = await renderPromptSource(file, version.source, variables);
  if (rendered.messages.length === 0) throw new WorkbenchError('PROMPT_INVALID', `${file} (${describe(version)}) renders no message for this input, so there is nothing to send.`);
  const json = parsed.outputFormat === 'json';
  const outputSchema = await outputJsonSchema(parsed.outputSchema);
  if (!outputSchema.ok) throw new WorkbenchError('PROMPT_INVALID', `${file} (${describe(version)}): ${outputSchema.message}`);
  return { file, parsed, messages: rendered.messages, outputSchema: outputSchema.schema, json };
}

/** Calls the model until an answer fits the output schema or the schema retries are used up. */
export async function callPreparedTask(name: string, task: PreparedTask, settings: TaskCallSettings, options: TaskCallOptions = {}): Promise<TaskCallOutcome> {
  const modelId = options.model ?? (task.parsed.model || settings.defaultModel);
  if (!modelId) return { ok: false, error: new WorkbenchError('BAD_INPUT', `"${name}" names no model and no default model is set. Give one (-m openai/gpt-4o-mini, or { model } in the call's options).`), attempts: null };
  const parts = splitModelId(modelId);
  if (!parts) return { ok: false, error: new WorkbenchError('BAD_INPUT', `"${modelId}" is not a model id; write it as provider/model, e.g. ollama/llama3.2 or openai/gpt-4o-mini.`), attempts: null };
  const provider = settings.registry.get(parts.provider);
  if (!provider) {
    return { ok: false, error: new WorkbenchError('BAD_INPUT', `"${modelId}": there is no provider "${parts.provider}". Use ollama, openai, anthropic, or an OpenAI-compatible endpoint named in Settings.`), attempts: null };
  }
  const config = task.parsed.config;
  const temperature = options.temperature ?? numberOr(config.temperature) ?? FALLBACK_TEMPERATURE;
  const request: CompletionRequest = {
    model: parts.model,
    messages: task.messages,
    temperature,
    ...optional('topP', numberOr(config.topP)),
    ...optional('maxTokens', numberOr(config.maxOutputTokens)),
    ...(task.json ? { output: task.outputSchema ? { format: 'json' as const, schema: task.outputSchema } : { format: 'json' as const } } : {}),
    stream: false,
  };
  const price = priceFor(modelId, settings.pricing);
  const schemaRetries = options.schemaRetries ?? DEFAULT_SCHEMA_RETRIES;
  const signal = options.signal ?? new AbortController().signal;
  const spent: TaskAttempts = { model: modelId, temperature, latencyMs: 0, usage: { inputTokens: 0, outputTokens: 0, costUsd: 0 }, attempts: 0, rawOutput: null, schemaValid: null };
  let problems: string[] = [];
  for (let attempt = 0; attempt <= schemaRetries; attempt++) {
    const result = await callSample(request, null, { provider, signal, limits: settings.limits, price, retry: settings.retry, sleep: abortableSleep, random: Math.random });
    if (result.kind === 'abandoned') return { ok: false, error: new TaskCallError(`The call to ${modelId} was cancelled.`, 'cancelled'), attempts: spent };
    if (result.kind === 'auth') return { ok: false, error: new TaskCallError(result.failure.message, 'auth'), attempts: spent };
    const outcome = result.outcome;
    spent.attempts += outcome.attempts;
    spent.latencyMs += outcome.latencyMs ?? 0;
    if (outcome.status !== 'ok') {
      const failure = outcome.error;
      return { ok: false, error: new TaskCallError(failure?.message ?? `${modelId} failed.`, failure?.code ?? 'server'), attempts: spent };
    }
    addUsage(spent.usage, outcome.inputTokens ?? null, outcome.outputTokens ?? null, price);
    const raw = outcome.output ?? '';
    spent.rawOutput = raw;
    const checked = checkOutput(raw, task);
    spent.schemaValid = task.json || task.outputSchema ? checked.ok : null;
    if (checked.ok) return { ok: true, result: { ...spent, output: checked.value, rawOutput: raw } };
    problems = checked.problems;
  }
  const tries = schemaRetries + 1;
  return {
    ok: false,
    error: new TaskOutputError(
      `${modelId}'s answer to "${name}" did not fit its output schema ${tries === 1 ? 'on the only try' : `on any of ${tries} tries`}: ${problems.join('; ')}. The raw answer is on the error (rawOutput).`,
      spent.rawOutput ?? '',
      problems,
      spent.attempts,
    ),
    attempts: spent,
  };
}

function checkOutput(raw: string, task: PreparedTask): { ok: true; value: unknown } | { ok: false; problems: string[] } {
  if (!task.json && !task.outputSchema) return { ok: true, value: raw };
  const parsed = parseJsonOutput(raw);
  if (!parsed.ok) return { ok: false, problems: ['$: the answer is not JSON'] };
  const problems = task.outputSchema ? schemaErrors(parsed.value, task.outputSchema) : [];
  return problems.length === 0 ? { ok: true, value: parsed.value } : { ok: false, problems };
}

function addUsage(usage: TaskUsage, input: number | null, output: number | null, price: PriceEntry | null): void {
  // One unknown count makes the total unknown rather than an undercount.
  usage.inputTokens = usage.inputTokens === null || input === null ? null : usage.inputTokens + input;
  usage.outputTokens = usage.outputTokens === null || output === null ? null : usage.outputTokens + output;
  const cost = input === null || output === null ? null : costUsd(price, input, output);
  usage.costUsd = usage.costUsd === null || cost === null ? null : roundUsd(usage.costUsd + cost);
}

function describe(version: TaskVersion): string {
  return version.commit === null ? 'the draft' : `${version.tag ?? version.asked} at ${version.commit.slice(0, 7)}`;
}

function numberOr(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function optional<K extends string>(key: K, value: number | undefined): { [P in K]?: number } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: number };
}
