import { describe, expect, it } from 'vitest';
import { releasableSignal } from './releasableSignal';

describe('releasableSignal', () => {
  it('follows the caller and lets go of it afterwards', () => {
    const caller = new AbortController();
    const first = releasableSignal(caller.signal);
    first.release();
    const second = releasableSignal(caller.signal);
    caller.abort(new Error('stop'));
    expect(first.signal.aborted).toBe(false);
    expect(second.signal.aborted).toBe(true);
    second.release();
    expect(releasableSignal(caller.signal).signal.aborted).toBe(true);
  });
});
