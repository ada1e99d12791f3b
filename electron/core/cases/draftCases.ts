// "Draft more cases": one call to a chosen model, through the runner's own call path (callSample:
// the same keys, timeouts, retries with backoff on 429 and 5xx), asking for N new cases that fit the
// input schema. The answer is read as JSON, each case checked against the schema, and given back
// with its problems; nothing is written (the Cases tab shows them for a person to keep or drop).
import { picoschema } from 'dotprompt';
import type { DraftCasesRequest, DraftedCase, DraftedCases } from '../../../shared/caseDrafts';
import { WorkbenchError } from '../../../shared/errors';
import { splitModelId } from '../../../shared/models';
import { priceFor } from '../../../shared/pricing';
import type { PromptCase } from '../../../shared/prompts';
import { parseJsonOutput } from '../../../shared/variance/jsonSchemaCheck';
import type { ModelProvider } from '../providers/provider';
import { callLimits } from '../runner/callLimits';
import { abortableSleep, defaultRetryPolicy, type RetryPolicy } from '../runner/retryPolicy';
import { callSample } from '../runner/sampleCall';
import type { WorkbenchDatabase } from '../store/database';
import { getPrompt } from '../workspace/promptLibrary';
import type { Workspace } from '../workspace/workspace';
import { draftCasesRequest } from './draftCasesRequest';
import { schemaProblems } from './schemaProblems';

export interface DraftCasesDeps {
  workspace: Workspace;
  database: WorkbenchDatabase;
  /** A provider by id (the part of the model id before the slash); null when unknown. */
  provider: (id: string) => ModelProvider | null;
  retryPolicy?: RetryPolicy;
}

export async function draftCases(deps: DraftCasesDeps, request: DraftCasesRequest): Promise<DraftedCases> {
  const prompt = await getPrompt(deps.workspace, request.name);
  const settings = deps.database.settings.read();
  const model = request.model ?? (prompt.model || settings.defaultModel);
  if (!model) throw new WorkbenchError('BAD_INPUT', `${request.name} names no model and no default model is set. Choose a model to draft cases with, or set the default model in Settings → Runs.`);
  const id = splitModelId(model);
  if (!id) throw new WorkbenchError('BAD_INPUT', `"${model}" is not a model id. Write it as provider/model, e.g. ollama/llama3.2.`);
  const provider = deps.provider(id.provider);
  if (!provider) throw new WorkbenchError('PROVIDER_ERROR', `There is no provider "${id.provider}" for ${model}. Choose another model, or add the provider in Settings.`);
  const inputSchema = await jsonInputSchema(request.name, prompt.inputSchema);

  const call = await callSample(draftCasesRequest(id.model, { template: prompt.template, inputSchema, cases: prompt.cases, count: request.count }), null, {
    provider,
    signal: new AbortController().signal,
    limits: callLimits(settings.providers),
    price: priceFor(model, settings.pricing),
    retry: deps.retryPolicy ?? defaultRetryPolicy,
    sleep: abortableSleep,
    random: Math.random,
  });
  if (call.kind === 'abandoned') throw new WorkbenchError('UNAVAILABLE', `Drafting cases with ${model} was stopped before it answered. Try again.`);
  if (call.kind === 'auth') throw new WorkbenchError('PROVIDER_ERROR', call.failure.message);
  const { outcome } = call;
  if (outcome.status !== 'ok') {
    const attempts = outcome.attempts && outcome.attempts > 1 ? ` (after ${outcome.attempts} tries)` : '';
    throw new WorkbenchError('PROVIDER_ERROR', `${model} could not draft cases${attempts}: ${outcome.error?.message ?? 'it gave no answer'}`);
  }
  const drafted = readDraftedCases(outcome.output ?? '', model, inputSchema, prompt.cases);
  return { model, ...drafted, inputTokens: outcome.inputTokens ?? null, outputTokens: outcome.outputTokens ?? null, costUsd: outcome.costUsd ?? null };
}

/** The cases in a model's answer: `{"cases": [...]}` or a bare list, each checked against the schema. */
export function readDraftedCases(
  output: string,
  model: string,
  inputSchema: Record<string, unknown> | undefined,
  existing: readonly PromptCase[],
): { cases: DraftedCase[]; unreadable: number } {
  const parsed = parseJsonOutput(output);
  const list = !parsed.ok ? null : Array.isArray(parsed.value) ? parsed.value : isRecord(parsed.value) && Array.isArray(parsed.value.cases) ? parsed.value.cases : null;
  if (!list) {
    const shown = output.trim().length > 120 ? `${output.trim().slice(0, 119)}…` : output.trim();
    const what = parsed.ok ? 'JSON without a "cases" list' : 'text that is not JSON';
    throw new WorkbenchError('PROVIDER_ERROR', `${model} answered with ${what}, so no case could be read${shown ? `: “${shown}”` : ''}. Try again, or choose a model that follows JSON instructions.`);
  }
  const taken = new Set(existing.map((entry) => entry.name));
  const cases: DraftedCase[] = [];
  let unreadable = 0;
  for (const [index, item] of list.entries()) {
    if (!isRecord(item) || !isRecord(item.input)) {
      unreadable++;
      continue;
    }
    const base = typeof item.name === 'string' && item.name.trim() !== '' ? item.name.trim() : `drafted ${index + 1}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base} ${n}`;
    taken.add(name);
    cases.push({ name, input: item.input, problems: schemaProblems(item.input, inputSchema) });
  }
  if (cases.length === 0) throw new WorkbenchError('PROVIDER_ERROR', `${model} answered, but none of its ${list.length} entries was a case with an "input" object. Try again, or choose another model.`);
  return { cases, unreadable };
}

async function jsonInputSchema(name: string, schema: unknown): Promise<Record<string, unknown> | undefined> {
  if (schema === undefined || schema === null) return undefined;
  try {
    return ((await picoschema(schema)) as Record<string, unknown> | null) ?? undefined;
  } catch (error) {
    throw new WorkbenchError('PROMPT_INVALID', `prompts/${name}.prompt: input.schema is not valid Picoschema (${error instanceof Error ? error.message : String(error)}). Fix it before drafting cases.`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
