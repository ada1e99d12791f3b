// What each kind of provider accepts. Checked when a run is planned, so a cell whose parameters its
// provider cannot take is left out with the reason (see skippedCells.ts) instead of failing every call.
import type { ProviderKind } from './providers';

export interface ParameterRules {
  temperature: { min: number; max: number };
  topP: { min: number; max: number };
  /** Whether the API takes a sampling seed (Anthropic's does not). */
  seed: boolean;
  /** Anthropic requires max_tokens on every call; others default it. */
  maxTokensRequired: boolean;
  maxTokensLimit: number;
  /** How a declared output schema is passed: a JSON schema response format, a forced tool call, or Ollama's `format`. */
  structuredOutput: 'response_format' | 'tool' | 'format';
  defaultConcurrency: number;
}

const openaiLike: ParameterRules = {
  temperature: { min: 0, max: 2 },
  topP: { min: 0, max: 1 },
  seed: true,
  maxTokensRequired: false,
  maxTokensLimit: 128_000,
  structuredOutput: 'response_format',
  defaultConcurrency: 8,
};

export const parameterRules: Record<ProviderKind, ParameterRules> = {
  openai: openaiLike,
  'openai-compatible': { ...openaiLike, defaultConcurrency: 4 },
  anthropic: {
    temperature: { min: 0, max: 1 },
    topP: { min: 0, max: 1 },
    seed: false,
    maxTokensRequired: true,
    maxTokensLimit: 128_000,
    structuredOutput: 'tool',
    defaultConcurrency: 8,
  },
  ollama: {
    temperature: { min: 0, max: 2 },
    topP: { min: 0, max: 1 },
    seed: true,
    maxTokensRequired: false,
    maxTokensLimit: 1_000_000,
    structuredOutput: 'format',
    // A local model answers one request at a time unless OLLAMA_NUM_PARALLEL says otherwise.
    defaultConcurrency: 1,
  },
};

/** The max_tokens sent when a run does not set one and the provider requires it. */
export const DEFAULT_MAX_TOKENS = 1024;

/** The parameters every cell of a run shares; each cell adds its temperature. */
export interface SharedParameters {
  topP?: number | undefined;
  maxTokens?: number | undefined;
  seeded: boolean;
}

/**
 * Why this provider cannot be sampled at this temperature with these parameters, as a short reason
 * ("Anthropic takes 0–1"), or null when it can. A refused cell is left out of the run, never sent
 * with a value changed to fit: a cell labelled 1.5 is sampled at 1.5 or not at all.
 */
export function cellRefusal(providerLabel: string, kind: ProviderKind, temperature: number, parameters: SharedParameters): string | null {
  const rules = parameterRules[kind];
  const { min, max } = rules.temperature;
  if (temperature < min || temperature > max) return `${providerLabel} takes ${min}–${max}`;
  if (parameters.topP !== undefined && (parameters.topP < rules.topP.min || parameters.topP > rules.topP.max)) {
    return `${providerLabel} takes top_p ${rules.topP.min}–${rules.topP.max}`;
  }
  if (parameters.maxTokens !== undefined && parameters.maxTokens > rules.maxTokensLimit) {
    return `${providerLabel} takes at most ${rules.maxTokensLimit.toLocaleString('en-US')} max tokens`;
  }
  if (parameters.seeded && !rules.seed) return `${providerLabel} takes no seed`;
  return null;
}
