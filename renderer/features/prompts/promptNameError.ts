import { PromptName } from '../../../shared/prompts';

/** Why a prompt name cannot be used, in the contract's own words; null when it can. */
export function promptNameError(name: string): string | null {
  if (name.trim() === '') return 'Give the prompt a name.';
  const parsed = PromptName.safeParse(name);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'This name cannot be used.');
}
