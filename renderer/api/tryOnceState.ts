// Where one Try once call is, from the events the core sends for it: text gathering as it streams,
// then the answer, or why there is none. Events of other calls (an earlier try, another window's)
// change nothing.
import type { ErrorData } from '../../shared/errors';
import type { TryOnceAnswer, TryOnceEvent } from '../../shared/tryOnce';

export type TryOnceState =
  | { status: 'idle' }
  /** Asked, and streaming once text arrives; `stopping` after Stop until the core confirms. */
  | { status: 'running'; callId: string; text: string; stopping: boolean }
  | { status: 'done'; callId: string; text: string; answer: TryOnceAnswer }
  /** `reason` is the provider's failure kind, `cancelled` when stopped, or the refusal's code. */
  | { status: 'failed'; callId: string; text: string; reason: string; message: string };

export const IDLE: TryOnceState = { status: 'idle' };

export function started(callId: string): TryOnceState {
  return { status: 'running', callId, text: '', stopping: false };
}

export function stopping(state: TryOnceState): TryOnceState {
  return state.status === 'running' ? { ...state, stopping: true } : state;
}

/** The core refused the call before sending it (a missing variable, an unknown provider, …). */
export function refused(state: TryOnceState, callId: string, error: ErrorData): TryOnceState {
  if (state.status !== 'running' || state.callId !== callId) return state;
  return { status: 'failed', callId, text: '', reason: error.code, message: error.message };
}

export function applyEvent(state: TryOnceState, event: TryOnceEvent): TryOnceState {
  if (state.status !== 'running' || state.callId !== event.callId) return state;
  switch (event.kind) {
    case 'text':
      return { ...state, text: state.text + event.text };
    case 'done':
      // The answer as the provider finished it (a forced JSON answer is tidied): it wins over the pieces.
      return { status: 'done', callId: state.callId, text: event.answer.output, answer: event.answer };
    case 'failed':
      return { status: 'failed', callId: state.callId, text: state.text, reason: event.reason, message: event.message };
  }
}
