// The signal for one provider call: aborted by the run's (or the provider's) signal, by silence
// (nothing received for `silenceMs`, the wait for the first byte included) or by the overall cap
// (`totalMs`). A streamed answer that keeps arriving may take longer than the silence timeout; one
// that stops arriving is ended soon after. The provider reports what arrives through `activity()`.
//
// Built by hand rather than with AbortSignal.any + AbortSignal.timeout so that it costs one listener
// and one timer, removed as soon as the call returns, however many thousands of calls a run makes.
// `activity()` only notes the time: the timer, when it fires, looks at when something last arrived
// and sleeps again for the rest, so a chunk costs no timer work.
import type { ProviderSettings } from '../../../shared/providers';

export interface CallLimits {
  /** Longest wait with nothing received, before the first byte and between chunks. */
  silenceMs: number;
  /** Longest the whole call may take, however steadily it answers. */
  totalMs: number;
}

export type CallTimeout = 'silence' | 'total';

/** The limits Settings set: `timeoutSeconds` of silence, `maxCallSeconds` in all. */
export function callLimits(settings: Pick<ProviderSettings, 'timeoutSeconds' | 'maxCallSeconds'>): CallLimits {
  return { silenceMs: settings.timeoutSeconds * 1000, totalMs: settings.maxCallSeconds * 1000 };
}

export interface CallSignal {
  readonly signal: AbortSignal;
  /** Which limit ended the call; null when it ended otherwise (or has not ended). */
  readonly timedOut: CallTimeout | null;
  /** Something arrived (the answer's headers, a chunk of it): the silence starts again. */
  readonly activity: () => void;
  /** Stops the timer and detaches from the parent; call it when the call returns. */
  dispose(): void;
}

export function callSignal(parent: AbortSignal, limits: CallLimits): CallSignal {
  const controller = new AbortController();
  const started = performance.now();
  const capAt = started + limits.totalMs;
  let lastActivity = started;
  let timedOut: CallTimeout | null = null;
  const onParentAbort = () => controller.abort(parent.reason);

  const stop = (reason: CallTimeout, message: string) => {
    timedOut = reason;
    controller.abort(new DOMException(message, 'TimeoutError'));
  };
  const check = () => {
    const now = performance.now();
    const silentAt = lastActivity + limits.silenceMs;
    if (now >= capAt) return stop('total', `The call took longer than ${limits.totalMs} ms`);
    if (now >= silentAt) return stop('silence', `Nothing arrived for ${limits.silenceMs} ms`);
    timer = setTimeout(check, Math.max(1, Math.min(silentAt, capAt) - now));
  };
  let timer = setTimeout(check, Math.max(1, Math.min(limits.silenceMs, limits.totalMs)));

  if (parent.aborted) onParentAbort();
  else parent.addEventListener('abort', onParentAbort, { once: true });
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    activity: () => {
      lastActivity = performance.now();
    },
    dispose() {
      clearTimeout(timer);
      parent.removeEventListener('abort', onParentAbort);
    },
  };
}
