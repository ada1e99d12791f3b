import { describe, expect, it } from 'vitest';
import { runProviderQueues } from './sampleScheduler';

function tracked(latencyMs: number) {
  const state = { inFlight: 0, max: 0, order: [] as number[] };
  const work = async (item: number) => {
    state.inFlight++;
    state.max = Math.max(state.max, state.inFlight);
    state.order.push(item);
    await new Promise((resolve) => setTimeout(resolve, latencyMs));
    state.inFlight--;
  };
  return { state, work };
}

describe('runProviderQueues', () => {
  it('keeps each queue at its limit while queues run side by side', async () => {
    const slow = tracked(5);
    const fast = tracked(1);
    const both = { inFlight: 0, max: 0 };
    const wrap = (work: (item: number) => Promise<void>) => async (item: number) => {
      both.inFlight++;
      both.max = Math.max(both.max, both.inFlight);
      await work(item);
      both.inFlight--;
    };
    const items = Array.from({ length: 40 }, (_, i) => i);
    const signal = new AbortController().signal;
    await runProviderQueues([
      { items, limit: 1, signal, work: wrap(slow.work) },
      { items, limit: 3, signal, work: wrap(fast.work) },
    ]);
    expect(slow.state.max).toBe(1);
    expect(fast.state.max).toBe(3);
    expect(both.max).toBe(4);
    expect(slow.state.order).toEqual(items);
    expect(fast.state.order).toHaveLength(40);
  });

  it('takes nothing more once its signal aborts', async () => {
    const controller = new AbortController();
    const { state, work } = tracked(2);
    const running = runProviderQueues([{ items: Array.from({ length: 100 }, (_, i) => i), limit: 2, signal: controller.signal, work }]);
    setTimeout(() => controller.abort(), 10);
    await running;
    expect(state.order.length).toBeLessThan(100);
  });
});
