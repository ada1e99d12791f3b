// "Draft more cases": a model is asked for new cases that fit the prompt's input schema, given the
// existing cases as examples. The drafts come back for a person to keep or drop; nothing is written.
import { z } from 'zod';
import { ModelId } from './models';
import { PromptName } from './prompts';

export const MAX_DRAFTED_CASES = 20;

export const DraftCasesRequest = z.object({
  name: PromptName,
  /** provider/model; the prompt's own model when left out, else the workspace's default model. */
  model: ModelId.optional(),
  count: z.number().int().min(1, 'Ask for at least one case').max(MAX_DRAFTED_CASES, `Ask for at most ${MAX_DRAFTED_CASES} cases at a time`).default(5),
});
export type DraftCasesRequest = z.infer<typeof DraftCasesRequest>;

export const DraftedCase = z.object({
  name: z.string(),
  input: z.record(z.string(), z.unknown()),
  /** Where the input does not fit the input schema; empty when it fits. */
  problems: z.array(z.string()),
});
export type DraftedCase = z.infer<typeof DraftedCase>;

export const DraftedCases = z.object({
  model: z.string(),
  cases: z.array(DraftedCase),
  /** Entries of the answer that were not a case at all (no input object), left out. */
  unreadable: z.number().int(),
  inputTokens: z.number().int().nullable(),
  outputTokens: z.number().int().nullable(),
  costUsd: z.number().nullable(),
});
export type DraftedCases = z.infer<typeof DraftedCases>;
