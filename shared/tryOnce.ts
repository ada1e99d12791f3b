// Try once: one call of the editor's text (saved or not) to one model at one temperature, its
// answer streamed back as events. Not a run: nothing is stored, and stopping aborts the request.
import { z } from 'zod';
import { ModelId } from './models';
import { PromptName } from './prompts';

export const TryOnceRequest = z.object({
  /**
   * Chosen by the caller, so it can listen for this call's events before asking: an event may
   * arrive before the answer to `tryOnce` does (they travel separately in browser mode).
   */
  callId: z.string().min(1).max(100),
  name: PromptName,
  /** The editor's text, saved or not. */
  source: z.string(),
  /** A case of the prompt's cases file; its input is the starting point. */
  case: z.string().min(1).optional(),
  /** Variables given directly; they override the case's. */
  input: z.record(z.string(), z.unknown()).optional(),
  model: ModelId,
  temperature: z.number().min(0).max(2),
});
export type TryOnceRequest = z.infer<typeof TryOnceRequest>;

export const TryOnceStarted = z.object({ callId: z.string() });

export const TryOnceAnswer = z.object({
  output: z.string(),
  finishReason: z.string().nullable(),
  latencyMs: z.number(),
  /** Time to the first piece of text. */
  ttftMs: z.number().nullable(),
  inputTokens: z.number().nullable(),
  outputTokens: z.number().nullable(),
  /** null when the tokens or the model's price are unknown. */
  costUsd: z.number().nullable(),
});
export type TryOnceAnswer = z.infer<typeof TryOnceAnswer>;

/** What happened to a call: text as it streams in (in order), then its answer, or why there is none. */
export const TryOnceEvent = z.discriminatedUnion('kind', [
  z.object({ callId: z.string(), kind: z.literal('text'), text: z.string() }),
  z.object({ callId: z.string(), kind: z.literal('done'), answer: TryOnceAnswer }),
  z.object({
    callId: z.string(),
    kind: z.literal('failed'),
    /** The provider's failure kind (auth, rate_limit, timeout, …), or `cancelled` when stopped. */
    reason: z.string(),
    message: z.string(),
  }),
]);
export type TryOnceEvent = z.infer<typeof TryOnceEvent>;
