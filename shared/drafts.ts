// Discarding a prompt's draft (its files back as in the last commit), and putting a discarded
// draft back: the undo of a discard.
import { z } from 'zod';
import { PromptDetail, PromptName } from './prompts';

/** Both files as they were, exactly (null: there was no cases file). */
export const DraftFiles = z.object({ source: z.string(), casesSource: z.string().nullable() });
export type DraftFiles = z.infer<typeof DraftFiles>;

export const DiscardedDraft = z.object({
  /** The prompt as it is now, back at its last commit. */
  prompt: PromptDetail,
  /** What was discarded, to put back. */
  discarded: DraftFiles,
});
export type DiscardedDraft = z.infer<typeof DiscardedDraft>;

export const RestoreDraftRequest = z.object({
  name: PromptName,
  draft: DraftFiles,
  /** The files' hashes after the discard (PromptDetail's): a file changed since is not written over. */
  expectedSourceHash: z.string(),
  expectedCasesHash: z.string(),
});
