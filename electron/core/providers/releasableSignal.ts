// Signals the SDKs are given for calls that share one long-lived signal of the caller's.

/**
 * A per-call signal that follows the caller's, released when the call ends. The SDKs attach an
 * 'abort' listener to the signal they are given and never remove it; a caller that passes one
 * long-lived signal to many calls (discovery, embedding batches) would pile those up. They land on
 * this short-lived one. Completions need none: the runner already gives each call its own signal.
 */
export function releasableSignal(signal: AbortSignal): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  if (signal.aborted) {
    controller.abort(signal.reason);
    return { signal: controller.signal, release: () => {} };
  }
  const forward = () => controller.abort(signal.reason);
  signal.addEventListener('abort', forward, { once: true });
  return { signal: controller.signal, release: () => signal.removeEventListener('abort', forward) };
}
