// The signal for one provider call: aborted by the run's (or the provider's) signal, or by the
// per-call timeout. Built by hand rather than with AbortSignal.any + AbortSignal.timeout so that it
// costs one listener and one timer that are removed as soon as the call returns, however many
// thousands of calls a run makes.

export interface CallSignal {
  readonly signal: AbortSignal;
  /** The timeout, not the parent, ended the call. */
  readonly timedOut: boolean;
  /** Stops the timer and detaches from the parent; call it when the call returns. */
  dispose(): void;
}

export function callSignal(parent: AbortSignal, timeoutMs: number): CallSignal {
  const controller = new AbortController();
  let timedOut = false;
  const onParentAbort = () => controller.abort(parent.reason);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`The call took longer than ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  if (parent.aborted) onParentAbort();
  else parent.addEventListener('abort', onParentAbort, { once: true });
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    dispose() {
      clearTimeout(timer);
      parent.removeEventListener('abort', onParentAbort);
    },
  };
}
