// Where Try once starts: the prompt's own model (its front matter's, else its sweep's first, else
// the workspace's default model) and the temperature the editor's text sets, else its sweep's first.
import { startingModels } from '../../../../shared/models';
import type { PromptDetail } from '../../../../shared/prompts';

/** What the providers use when a request names no temperature. */
const PROVIDER_DEFAULT_TEMPERATURE = 1;

export function defaultModel(prompt: Pick<PromptDetail, 'model' | 'sweep'>, workspaceDefault: string | null): string {
  // The front matter's model first: a sweep lists many, the prompt names the one it is for.
  return prompt.model || (startingModels(prompt, workspaceDefault)[0] ?? '');
}

/** `config` is the editor's text as last rendered (unsaved edits included), when it renders. */
export function defaultTemperature(config: Record<string, unknown> | undefined, prompt: Pick<PromptDetail, 'config' | 'sweep'>): number {
  for (const value of [config?.temperature, prompt.config.temperature, prompt.sweep?.temperatures[0]]) {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 2) return value;
  }
  return PROVIDER_DEFAULT_TEMPERATURE;
}

/** The typed temperature, or why it cannot be sent. */
export function parseTemperature(text: string): { value: number; error: null } | { value: null; error: string } {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) return { value: null, error: 'Write a number, e.g. 0.7.' };
  if (value < 0 || value > 2) return { value: null, error: 'Temperatures go from 0 to 2.' };
  return { value, error: null };
}
