import { describe, expect, it } from 'vitest';
import type { TryOnceAnswer } from '../../shared/tryOnce';
import { IDLE, applyEvent, refused, started, stopping } from './tryOnceState';

const answer: TryOnceAnswer = { output: 'Paris.', finishReason: 'stop', latencyMs: 420, ttftMs: 90, inputTokens: 12, outputTokens: 2, costUsd: 0.00001 };

describe('Try once state', () => {
  it('gathers streamed text in order, then takes the finished answer', () => {
    let state = started('a');
    state = applyEvent(state, { callId: 'a', kind: 'text', text: 'Pa' });
    state = applyEvent(state, { callId: 'a', kind: 'text', text: 'ris' });
    expect(state).toEqual({ status: 'running', callId: 'a', text: 'Paris', stopping: false });
    state = applyEvent(state, { callId: 'a', kind: 'done', answer });
    expect(state).toEqual({ status: 'done', callId: 'a', text: 'Paris.', answer });
  });

  it('ignores events of other calls and of calls that have ended', () => {
    const running = started('b');
    expect(applyEvent(running, { callId: 'a', kind: 'text', text: 'late' })).toBe(running);
    const done = applyEvent(running, { callId: 'b', kind: 'done', answer });
    expect(applyEvent(done, { callId: 'b', kind: 'text', text: 'more' })).toBe(done);
    expect(applyEvent(IDLE, { callId: 'b', kind: 'text', text: 'x' })).toBe(IDLE);
  });

  it('keeps the text that came before a failure or a stop', () => {
    let state = applyEvent(stopping(started('c')), { callId: 'c', kind: 'text', text: 'Half an' });
    expect(state).toMatchObject({ stopping: true });
    state = applyEvent(state, { callId: 'c', kind: 'failed', reason: 'cancelled', message: 'Stopped before the answer finished.' });
    expect(state).toEqual({ status: 'failed', callId: 'c', text: 'Half an', reason: 'cancelled', message: 'Stopped before the answer finished.' });
  });

  it('shows a refusal of the current call only', () => {
    const running = started('d');
    expect(refused(running, 'd', { code: 'MISSING_VARIABLES', message: 'The input is missing "country".' })).toMatchObject({
      status: 'failed',
      reason: 'MISSING_VARIABLES',
    });
    expect(refused(running, 'old', { code: 'BAD_INPUT', message: 'x' })).toBe(running);
  });
});
