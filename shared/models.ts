// Model ids are `provider/model`. These providers are built in; OpenAI-compatible endpoints are
// added by name in settings (a later issue) and join this list at run time.
import { z } from 'zod';

export const BUILT_IN_PROVIDERS = ['ollama', 'openai', 'anthropic'] as const;

/** A new workspace's default model: the first model of the local provider (Ollama), so it runs offline. */
export const DEFAULT_MODEL = 'ollama/llama3.2';

export function splitModelId(id: string): { provider: string; model: string } | null {
  const slash = id.indexOf('/');
  if (slash <= 0 || slash === id.length - 1) return null;
  return { provider: id.slice(0, slash), model: id.slice(slash + 1) };
}

export const ModelId = z
  .string()
  .trim()
  .refine((id) => splitModelId(id) !== null, 'Write the model as provider/model, e.g. ollama/llama3.2 or openai/gpt-4o-mini');

/**
 * The models a run of a prompt starts from: its sweep's, else the one its front matter names, else
 * the workspace's default model (none when that is unset too). The run dialog and `workbench run`
 * both start here.
 */
export function startingModels(prompt: { model: string; sweep?: { models: string[] } }, defaultModel: string | null): string[] {
  if (prompt.sweep?.models.length) return [...prompt.sweep.models];
  if (prompt.model) return [prompt.model];
  return defaultModel ? [defaultModel] : [];
}
