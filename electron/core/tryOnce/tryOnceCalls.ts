// The Try once calls going on: each is started, streams its text as `tryOnce` events, and ends
// with its answer or why there is none. Stopping one aborts its request. Nothing is written to the
// database: a try is not a run, and nothing of it is kept once its events are sent.
import type { Api } from '../../../shared/api';
import { WorkbenchError } from '../../../shared/errors';
import { priceFor } from '../../../shared/pricing';
import type { TryOnceEvent, TryOnceRequest } from '../../../shared/tryOnce';
import type { EventBus } from '../eventBus';
import type { ModelProvider, ProviderFailure } from '../providers/provider';
import { callLimits } from '../runner/callLimits';
import { abortableSleep, defaultRetryPolicy } from '../runner/retryPolicy';
import { callSample, type CallResult } from '../runner/sampleCall';
import type { WorkbenchDatabase } from '../store/database';
import type { Workspace } from '../workspace/workspace';
import { prepareTryOnce } from './tryOnceRequest';

export interface TryOnceDeps {
  workspace: Workspace;
  database: WorkbenchDatabase;
  events: EventBus<Api>;
  provider: (id: string) => ModelProvider | null;
  /** How long streamed pieces are gathered into one event (default 40 ms): a few events a second, not one per token. */
  textIntervalMs?: number;
}

/** No retries: a person is watching and can simply press again. */
const ONE_ATTEMPT = { ...defaultRetryPolicy, maxAttempts: 1 };

/** More at once is a person with several windows, or a stuck client; either way, enough. */
const MAX_CALLS = 8;

export class TryOnceCalls {
  private readonly going = new Map<string, { stop: AbortController; done: Promise<void> }>();

  constructor(private readonly deps: TryOnceDeps) {}

  /** Prepares the call (refusing what cannot be sent), starts it, and answers at once; the rest comes as events. */
  async start(request: TryOnceRequest): Promise<{ callId: string }> {
    const { callId } = request;
    if (this.going.has(callId)) throw new WorkbenchError('ALREADY_EXISTS', `A Try once call with id ${callId} is still going; stop it or use a new id.`);
    if (this.going.size >= MAX_CALLS) throw new WorkbenchError('BAD_INPUT', `${MAX_CALLS} Try once calls are already going. Stop one, then try again.`);
    const { provider, request: completion } = await prepareTryOnce(this.deps.workspace, request, this.deps.provider);
    const settings = this.deps.database.settings.read();
    const stop = new AbortController();
    const text = this.textBatcher(callId);
    // A run's call, with its timeouts, redaction and cost, made once and streamed; nothing is recorded.
    const done = callSample(completion, null, {
      provider,
      signal: stop.signal,
      limits: callLimits(settings.providers),
      price: priceFor(request.model, settings.pricing),
      retry: ONE_ATTEMPT,
      sleep: abortableSleep,
      random: Math.random,
      onText: text.add,
    }).then((result) => {
      text.flush();
      this.going.delete(callId);
      this.deps.events.emit('tryOnce', endingOf(callId, result));
    });
    this.going.set(callId, { stop, done });
    return { callId };
  }

  /** Aborts the call's request; false when it is not going (it ended already, or never started). */
  stop(callId: string): boolean {
    const call = this.going.get(callId);
    call?.stop.abort(new Error('Stopped.'));
    return call !== undefined;
  }

  /** Stops every call and waits for them to end (when the core closes). */
  async close(): Promise<void> {
    const calls = [...this.going.values()];
    for (const call of calls) call.stop.abort(new Error('The app is closing.'));
    await Promise.all(calls.map((call) => call.done));
  }

  /** Gathers streamed pieces and sends them in order, at most one event per interval. */
  private textBatcher(callId: string) {
    const interval = this.deps.textIntervalMs ?? 40;
    let pending = '';
    let timer: NodeJS.Timeout | undefined;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      if (pending === '') return;
      this.deps.events.emit('tryOnce', { callId, kind: 'text', text: pending });
      pending = '';
    };
    return {
      add: (piece: string) => {
        pending += piece;
        timer ??= setTimeout(flush, interval);
      },
      flush,
    };
  }
}

/** The call's last event: its answer, or why there is none. */
function endingOf(callId: string, result: CallResult): TryOnceEvent {
  // Stopped (or the core closing): the text that arrived stays on screen.
  if (result.kind === 'abandoned') return { callId, kind: 'failed', reason: 'cancelled', message: 'Stopped before the answer finished.' };
  const { failure } = result;
  if (failure) return { callId, kind: 'failed', reason: failure.kind, message: failureMessage(failure) };
  const { outcome } = result as Extract<CallResult, { kind: 'recorded' }>;
  return {
    callId,
    kind: 'done',
    answer: {
      output: outcome.output ?? '',
      finishReason: outcome.finishReason ?? null,
      latencyMs: outcome.latencyMs ?? 0,
      ttftMs: outcome.ttftMs ?? null,
      inputTokens: outcome.inputTokens ?? null,
      outputTokens: outcome.outputTokens ?? null,
      costUsd: outcome.costUsd ?? null,
    },
  };
}

/** The provider's message, with what to do where it does not say it already. */
function failureMessage(failure: ProviderFailure): string {
  if (failure.kind === 'rate_limit') return `${withStop(failure.message)} Wait a moment, then try again.`;
  // The overall cap's message already says to raise it; silence may be a model still loading.
  if (failure.kind === 'timeout' && failure.retryable !== false) {
    return `${withStop(failure.message)} Try again, or raise "Silence timeout per call" under Settings → Runs if the model is slow to start (a local model loading).`;
  }
  if (failure.kind === 'server' || failure.kind === 'network') return `${withStop(failure.message)} Try again; a run would retry this by itself.`;
  return failure.message;
}

function withStop(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}
