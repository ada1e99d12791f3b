import type { PromptSummary } from '../../../shared/prompts';

/** Case-insensitive match of every word against name, description and model, in any order. */
export function filterPrompts(prompts: readonly PromptSummary[], query: string): PromptSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...prompts];
  return prompts.filter((prompt) => {
    const haystack = `${prompt.name}\n${prompt.description}\n${prompt.model}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
