import { afterEach, describe, expect, it, vi } from 'vitest';
import { answeringEarly, callEarly } from './earlyCalls';
import type { RawCall } from './httpCall';

function countingCall(): RawCall & { calls: string[] } {
  const calls: string[] = [];
  const call = (async (name: string, input: unknown) => {
    calls.push(`${name} ${JSON.stringify(input)}`);
    return { ok: true, data: { name, input, n: calls.length } };
  }) as RawCall & { calls: string[] };
  call.calls = calls;
  return call;
}

describe('early calls', () => {
  afterEach(() => vi.useRealTimers());

  it('answers the first identical call from the early start, and later ones afresh', async () => {
    const call = countingCall();
    callEarly(call, 'getRun', { runId: 'r1' });
    expect(call.calls).toEqual(['getRun {"runId":"r1"}']);
    const client = answeringEarly(call);
    await expect(client('getRun', { runId: 'r1' })).resolves.toMatchObject({ data: { n: 1 } });
    expect(call.calls).toHaveLength(1);
    await expect(client('getRun', { runId: 'r1' })).resolves.toMatchObject({ data: { n: 2 } });
    expect(call.calls).toHaveLength(2);
  });

  it('leaves other calls alone', async () => {
    const call = countingCall();
    callEarly(call, 'getRun', { runId: 'r2' });
    const client = answeringEarly(call);
    await client('getRun', { runId: 'other' });
    await client('listPrompts', {});
    expect(call.calls).toEqual(['getRun {"runId":"r2"}', 'getRun {"runId":"other"}', 'listPrompts {}']);
  });

  it('starts a call once however often it is asked for early', () => {
    const call = countingCall();
    callEarly(call, 'getRun', { runId: 'r3' });
    callEarly(call, 'getRun', { runId: 'r3' });
    expect(call.calls).toHaveLength(1);
  });

  it('drops an answer nobody claimed, so a later call asks again', async () => {
    vi.useFakeTimers();
    const call = countingCall();
    callEarly(call, 'getRun', { runId: 'r4' });
    vi.advanceTimersByTime(60_000);
    await answeringEarly(call)('getRun', { runId: 'r4' });
    expect(call.calls).toHaveLength(2);
  });
});
