// What the UI knows about a prompt file. Parsing happens in the core; these are the shapes it returns.
import { z } from 'zod';

export const PromptName = z
  .string()
  .min(1, 'Give the prompt a name')
  .max(100, 'Use at most 100 characters')
  .regex(/^[a-z0-9][a-z0-9._-]*$/i, 'Use letters, digits, ".", "-" or "_", starting with a letter or digit');

export const Problem = z.object({
  file: z.string(),
  message: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
});
export type Problem = z.infer<typeof Problem>;

export const PromptSummary = z.object({
  name: z.string(),
  description: z.string(),
  model: z.string(),
  /** The working tree differs from the last commit (or the prompt was never committed). */
  dirty: z.boolean(),
  caseCount: z.number().int(),
  problems: z.array(Problem),
});
export type PromptSummary = z.infer<typeof PromptSummary>;

export const PromptCase = z.object({
  name: z.string(),
  input: z.record(z.string(), z.unknown()),
  /** The case's checks as written (see shared/checks/checkDefinition.ts); kept as they are so a save never drops them. */
  expect: z.array(z.unknown()).optional(),
});
export type PromptCase = z.infer<typeof PromptCase>;

export const SweepDefaults = z.object({
  models: z.array(z.string()),
  temperatures: z.array(z.number()),
  samples: z.number().int().positive(),
});
export type SweepDefaults = z.infer<typeof SweepDefaults>;

export const PromptDetail = PromptSummary.extend({
  source: z.string(),
  /** Content hashes of the files as loaded, sent back on save to detect outside edits. */
  sourceHash: z.string(),
  casesHash: z.string(),
  /** The cases file as text ('' when there is none). */
  casesSource: z.string(),
  template: z.string(),
  config: z.record(z.string(), z.unknown()),
  inputSchema: z.unknown().optional(),
  outputFormat: z.string().optional(),
  outputSchema: z.unknown().optional(),
  sweep: SweepDefaults.optional(),
  /** Prompt-wide checks as written under the front matter's `metadata.workbench.checks` (edited in the source, shown in the Cases tab). */
  promptChecks: z.array(z.unknown()).optional(),
  cases: z.array(PromptCase),
});
export type PromptDetail = z.infer<typeof PromptDetail>;

/** Dotprompt's roles; the model's own turns are "model". */
export const MESSAGE_ROLES = ['system', 'user', 'model', 'tool'] as const;

/**
 * One part of a rendered message, in Dotprompt's shape: text, media for images, or only metadata
 * (a `{{section}}` marks where a section goes). Kept as Dotprompt renders it, nothing dropped.
 */
export const RenderedPart = z.object({
  text: z.string().optional(),
  media: z.object({ url: z.string(), contentType: z.string().optional() }).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

export const RenderedMessage = z.object({
  role: z.enum(MESSAGE_ROLES),
  content: z.array(RenderedPart),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type RenderedMessage = z.infer<typeof RenderedMessage>;

/** What will be sent: Dotprompt's rendered messages and the model configuration. */
export const RenderedPrompt = z.object({
  messages: z.array(RenderedMessage),
  config: z.record(z.string(), z.unknown()),
});
export type RenderedPrompt = z.infer<typeof RenderedPrompt>;

export const RenderRequest = z.object({
  name: PromptName,
  /** A case from `<name>.cases.yaml`; its input is the starting point. */
  case: z.string().min(1).optional(),
  /** Variables given directly; they override the case's. */
  input: z.record(z.string(), z.unknown()).optional(),
});
export type RenderRequest = z.infer<typeof RenderRequest>;
