// What each kind of provider accepts. Checked before a run starts (in the UI and in the core), so a
// sweep value a provider cannot take is refused with the reason instead of failing every call.
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

export interface SweepParameters {
  temperatures: readonly number[];
  topP?: number | undefined;
  maxTokens?: number | undefined;
  seeded: boolean;
}

/** Reasons this provider cannot take these parameters; empty when all is well. */
export function parameterProblems(providerLabel: string, kind: ProviderKind, parameters: SweepParameters): string[] {
  const rules = parameterRules[kind];
  const problems: string[] = [];
  const { min, max } = rules.temperature;
  const outside = parameters.temperatures.filter((t) => t < min || t > max);
  if (outside.length > 0) {
    problems.push(`${providerLabel} takes temperatures from ${min} to ${max}; remove ${outside.join(', ')} from the sweep.`);
  }
  if (parameters.topP !== undefined && (parameters.topP < rules.topP.min || parameters.topP > rules.topP.max)) {
    problems.push(`${providerLabel} takes top_p from ${rules.topP.min} to ${rules.topP.max}, not ${parameters.topP}.`);
  }
  if (parameters.maxTokens !== undefined && parameters.maxTokens > rules.maxTokensLimit) {
    problems.push(`${providerLabel} takes at most ${rules.maxTokensLimit} max tokens, not ${parameters.maxTokens}.`);
  }
  if (parameters.seeded && !rules.seed) {
    problems.push(`${providerLabel} does not take a seed; choose "no seed" to include its models.`);
  }
  return problems;
}
