import { describe, expect, it } from 'vitest';
import { callLimits, callSignal } from './callLimits';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('callSignal', () => {
  it('ends a call that receives nothing for the silence timeout', async () => {
    const call = callSignal(new AbortController().signal, { silenceMs: 40, totalMs: 10_000 });
    await sleep(80);
    expect(call.signal.aborted).toBe(true);
    expect(call.timedOut).toBe('silence');
    expect((call.signal.reason as DOMException).name).toBe('TimeoutError');
    call.dispose();
  });

  it('keeps a call alive as long as something keeps arriving, past the silence timeout', async () => {
    const call = callSignal(new AbortController().signal, { silenceMs: 60, totalMs: 10_000 });
    for (let i = 0; i < 10; i++) {
      await sleep(20);
      call.activity();
    }
    expect(call.signal.aborted).toBe(false);
    await sleep(120);
    expect(call.timedOut).toBe('silence');
    call.dispose();
  });

  it('ends a call at the overall cap however steadily it answers', async () => {
    const call = callSignal(new AbortController().signal, { silenceMs: 60, totalMs: 150 });
    const started = performance.now();
    while (!call.signal.aborted && performance.now() - started < 1000) {
      call.activity();
      await sleep(10);
    }
    expect(call.timedOut).toBe('total');
    expect(performance.now() - started).toBeLessThan(400);
    call.dispose();
  });

  it('follows the parent and is no timeout then; dispose stops the timer', async () => {
    const parent = new AbortController();
    const call = callSignal(parent.signal, { silenceMs: 30, totalMs: 30 });
    parent.abort(new Error('cancel'));
    expect(call.signal.aborted).toBe(true);
    expect(call.timedOut).toBeNull();
    call.dispose();

    const quiet = callSignal(new AbortController().signal, { silenceMs: 30, totalMs: 30 });
    quiet.dispose();
    await sleep(60);
    expect(quiet.signal.aborted).toBe(false);
  });

  it('takes its limits from the settings, in seconds', () => {
    expect(callLimits({ timeoutSeconds: 120, maxCallSeconds: 600 })).toEqual({ silenceMs: 120_000, totalMs: 600_000 });
  });
});
