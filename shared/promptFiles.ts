// Requests that change prompt files: save (autosave of drafts), create, rename, duplicate, delete,
// and the live check the editor runs on unsaved text.
import { z } from 'zod';
import { ErrorData } from './errors';
import { Problem, PromptCase, PromptName, RenderedPrompt } from './prompts';

/**
 * Saves refuse to overwrite a file that changed on disk since the editor loaded it: the editor
 * sends the hash it loaded (from PromptDetail), and a mismatch is a CONFLICT carrying the disk text.
 */
export const SavePromptRequest = z.object({ name: PromptName, source: z.string(), expectedHash: z.string().optional() });
export const SaveCasesRequest = z.object({ name: PromptName, cases: z.array(PromptCase), expectedHash: z.string().optional() });

export const CreatePromptRequest = z.object({
  name: PromptName,
  /** A starter from the app's library to copy (see listStarters); blank when absent. */
  starter: z.string().optional(),
});
export const RenamePromptRequest = z.object({ name: PromptName, newName: PromptName });
export const DeletePromptRequest = z.object({ name: PromptName });
export const DeletedPrompt = z.object({
  name: z.string(),
  /** The commit that removed the files; the prompt can be restored from its parent. */
  oid: z.string(),
});

export const Starter = z.object({ name: z.string(), description: z.string() });

export const CheckPromptRequest = z.object({
  name: PromptName,
  /** The editor's current text, saved or not. */
  source: z.string(),
  case: z.string().optional(),
});
export const PromptCheck = z.object({
  problems: z.array(Problem),
  rendered: RenderedPrompt.nullable(),
  renderError: ErrorData.nullable(),
});
export type PromptCheck = z.infer<typeof PromptCheck>;
