// The run dialog's fields as typed, and the request they make. Problems the dialog can see on its
// own (a malformed id, an unknown provider) are found here, before the core is asked for an
// estimate. A parameter one provider cannot take is no problem: the core leaves out that
// provider's cells, and the estimate lists them.
import { splitModelId, startingModels } from '../../../shared/models';
import type { PromptDetail } from '../../../shared/prompts';
import type { ProviderStatus } from '../../../shared/providers';
import { MAX_SAMPLES_PER_CELL, RunRequest, type SeedMode } from '../../../shared/runs';
import { formatTemperatures, parseTemperatures } from './temperatureSweep';

export interface RunForm {
  /** A commit id, or null for the working files (the draft). */
  ref: string | null;
  models: string[];
  /** As typed: "0, 0.7, 1.2". */
  temperatures: string;
  samples: string;
  cases: string[];
  seedMode: SeedMode;
  seed: string;
  /** Blank: the provider's default. */
  maxTokens: string;
  stream: boolean;
  /** Blank: the provider's setting. */
  concurrency: string;
}

const DEFAULT_SAMPLES = 10;

/** The prompt file's own sweep (a prompt naming no model runs the workspace's default model), or a request to repeat. */
export function initialRunForm(prompt: PromptDetail, preset?: RunRequest, defaultModel: string | null = null): RunForm {
  const caseNames = prompt.cases.map((entry) => entry.name);
  if (preset) {
    return {
      ref: preset.ref ?? null,
      models: [...preset.models],
      temperatures: formatTemperatures(preset.temperatures),
      samples: String(preset.samples),
      cases: preset.cases ? preset.cases.filter((name) => caseNames.includes(name)) : caseNames,
      seedMode: preset.seedMode,
      seed: String(preset.seed),
      maxTokens: preset.maxTokens === undefined ? '' : String(preset.maxTokens),
      stream: preset.stream,
      concurrency: preset.concurrency === undefined ? '' : String(preset.concurrency),
    };
  }
  const sweep = prompt.sweep;
  const configTemperature = typeof prompt.config.temperature === 'number' ? prompt.config.temperature : null;
  const models = startingModels(prompt, defaultModel);
  const temperatures = sweep?.temperatures.length ? sweep.temperatures : [configTemperature ?? 0.7];
  return {
    ref: null,
    models: [...models],
    temperatures: formatTemperatures(temperatures),
    samples: String(sweep?.samples ?? DEFAULT_SAMPLES),
    cases: caseNames,
    seedMode: 'none',
    seed: '42',
    maxTokens: '',
    stream: true,
    concurrency: '',
  };
}

export interface BuiltRunRequest {
  /** null while there are problems. */
  request: RunRequest | null;
  problems: string[];
}

/** The request these fields make, or the reasons they make none. `providers` is undefined while loading. */
export function buildRunRequest(form: RunForm, prompt: PromptDetail, providers: readonly ProviderStatus[] | undefined): BuiltRunRequest {
  const problems: string[] = [];
  const temperatures = parseTemperatures(form.temperatures);
  if (temperatures.error) problems.push(`Temperatures: ${temperatures.error}`);
  if (form.models.length === 0) {
    problems.push(prompt.model || prompt.sweep?.models.length ? 'Choose at least one model.' : 'Choose at least one model: this prompt names none. A default model for such prompts can be set in Settings.');
  }

  const samples = integer(form.samples, 1, MAX_SAMPLES_PER_CELL);
  if (samples === null) problems.push(`Samples per cell: give a whole number from 1 to ${MAX_SAMPLES_PER_CELL.toLocaleString()}.`);
  const seeded = form.seedMode !== 'none';
  const seed = seeded ? integer(form.seed, 0, 2 ** 31 - 1) : 42;
  if (seed === null) problems.push('Seed: give a whole number from 0 to 2147483647.');
  const maxTokens = optionalInteger(form.maxTokens, 1, 1_000_000);
  if (maxTokens === null) problems.push('Max tokens: give a whole number of at least 1, or leave it blank.');
  const concurrency = optionalInteger(form.concurrency, 1, 64);
  if (concurrency === null) problems.push('Concurrency: give a whole number from 1 to 64, or leave it blank.');

  const caseNames = prompt.cases.map((entry) => entry.name);
  if (caseNames.length > 0 && form.cases.length === 0) problems.push('Choose at least one case.');

  problems.push(...modelProblems(form.models, providers));
  if (problems.length > 0 || samples === null || seed === null || maxTokens === null || concurrency === null) {
    return { request: null, problems };
  }

  const allCases = caseNames.every((name) => form.cases.includes(name));
  const parsed = RunRequest.safeParse({
    prompt: prompt.name,
    ...(form.ref ? { ref: form.ref } : {}),
    models: form.models,
    temperatures: temperatures.values,
    // Absent means every case, so a case added later is part of a repeat too.
    ...(caseNames.length > 0 && !allCases ? { cases: caseNames.filter((name) => form.cases.includes(name)) } : {}),
    samples,
    seedMode: form.seedMode,
    seed,
    ...(maxTokens !== undefined ? { maxTokens } : {}),
    ...(concurrency !== undefined ? { concurrency } : {}),
    stream: form.stream,
  });
  if (!parsed.success) return { request: null, problems: parsed.error.issues.map((issue) => issue.message) };
  return { request: parsed.data, problems: [] };
}

/** Ids that are not `provider/model`, and unknown providers. */
function modelProblems(models: readonly string[], providers: readonly ProviderStatus[] | undefined): string[] {
  const problems: string[] = [];
  const used = new Set<string>();
  for (const model of models) {
    const parts = splitModelId(model);
    if (!parts) {
      problems.push(`“${model}” is not a model id: write it as provider/model, e.g. openai/gpt-4o-mini.`);
      continue;
    }
    used.add(parts.provider);
  }
  if (!providers) return problems;
  for (const id of used) {
    if (!providers.some((entry) => entry.id === id)) problems.push(`There is no provider named “${id}”: add it as an OpenAI-compatible endpoint in Settings.`);
  }
  return problems;
}

/** A whole number in range, or null. */
function integer(text: string, min: number, max: number): number | null {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/** undefined for blank, else as `integer`. */
function optionalInteger(text: string, min: number, max: number): number | null | undefined {
  return text.trim() === '' ? undefined : integer(text, min, max);
}

/** Moved to renderer/lib, where Try once uses it too. */
export { normaliseModelId } from '../../lib/modelId';
