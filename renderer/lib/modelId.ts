// A model id as a person types it, tidied, for every field that takes one (the run dialog, Try once).
import { splitModelId } from '../../shared/models';

/** `OpenAI/gpt-4o` keeps the model's case but lowers the provider's; text that is not an id comes back trimmed. */
export function normaliseModelId(text: string): string {
  const trimmed = text.trim();
  const parts = splitModelId(trimmed);
  return parts ? `${parts.provider.toLowerCase()}/${parts.model}` : trimmed;
}
