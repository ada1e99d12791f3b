// Faults that tests queue on a fake provider, and the queue that hands them out. Rules are
// consumed in order by completion and embedding requests only (discovery never consumes one), so a
// test can say "the next two calls for gpt-4o fail with 429, then everything is fine".

export type FaultStatus = 429 | 500 | 503 | 401 | 403 | 400 | 404;

export type Fault =
  /** Error reply in the provider's own error JSON shape; Retry-After (+ retry-after-ms for openai/anthropic) when given. */
  | { type: 'status'; status: FaultStatus; retryAfterSeconds?: number; retryAfterMs?: number }
  /** Answers normally after delayMs. */
  | { type: 'slow'; delayMs: number }
  /** Streaming: headers + first chunk, then nothing. Non-streaming: never answers. */
  | { type: 'stall' }
  /** Destroys the socket: after headers + first chunk when streaming, after the headers otherwise. */
  | { type: 'drop' }
  /** 200 with a body that is not valid JSON / SSE / NDJSON data. */
  | { type: 'malformed' }
  /** Streaming: headers at once, then the answer (`text` when given, as `reply`) an SSE event or a JSON line every intervalMs. Non-streaming: answers normally. */
  | { type: 'steady'; intervalMs: number; text?: string }
  /** 200 application/json whatever was asked: the non-streamed answer, or `body` when given (a streaming request answered without a stream). */
  | { type: 'json'; body?: unknown }
  /** Not a fault: a normal answer whose whole text is `text` (the fakes otherwise only reuse the prompt's words). */
  | { type: 'reply'; text: string };

export interface FaultRule {
  fault: Fault;
  /** How many requests this applies to, default 1 (Infinity for "until cleared"). */
  times?: number;
  /** Only requests for this model. */
  model?: string;
}

interface QueuedRule {
  fault: Fault;
  remaining: number;
  model: string | undefined;
}

export class FaultQueue {
  private rules: QueuedRule[] = [];

  push(rules: readonly FaultRule[]): void {
    for (const rule of rules) {
      const remaining = rule.times ?? 1;
      if (!(remaining > 0)) continue; // times: 0 (or NaN) means "never": nothing to queue
      this.rules.push({ fault: rule.fault, remaining, model: rule.model });
    }
  }

  clear(): void {
    this.rules = [];
  }

  get size(): number {
    return this.rules.length;
  }

  /**
   * The fault for one completion request for `model`, consuming one use of the first matching
   * rule. Rules for other models stay queued, so a model-specific rule never blocks the others.
   */
  take(model: string | undefined): Fault | undefined {
    const rules = this.rules;
    if (rules.length === 0) return undefined; // the benchmark's path: no allocation, no scan
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i]!;
      if (rule.model !== undefined && rule.model !== model) continue;
      rule.remaining -= 1;
      if (rule.remaining <= 0) rules.splice(i, 1);
      return rule.fault;
    }
    return undefined;
  }
}

/** Headers that advertise when to retry, for a `status` fault. Empty when no delay was given. */
export function retryHeaders(fault: Extract<Fault, { type: 'status' }>, withMs: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  const { retryAfterSeconds, retryAfterMs } = fault;
  // Retry-After is the standard header (whole seconds); derive it from the ms value when only that was given.
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
  else if (retryAfterMs !== undefined) headers['retry-after'] = String(Math.ceil(retryAfterMs / 1000));
  // retry-after-ms is what the OpenAI and Anthropic SDKs read first; only sent when asked for.
  if (withMs && retryAfterMs !== undefined) headers['retry-after-ms'] = String(retryAfterMs);
  return headers;
}
