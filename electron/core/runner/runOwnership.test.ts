import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_STALE_MS, ownerGone, RunHeartbeat } from './runOwnership';

const NOW = Date.parse('2025-06-01T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const alive = () => true;

describe('whether a run\'s owner is gone', () => {
  it('trusts a live pid only while its heartbeat is recent', () => {
    expect(ownerGone({ pid: 42, token: 't', heartbeatAt: ago(1000) }, NOW, alive)).toBe(false);
    // The pid is alive, but not as this run's owner: its heartbeat stopped long ago (the pid was reused).
    expect(ownerGone({ pid: 42, token: 't', heartbeatAt: ago(HEARTBEAT_STALE_MS + 1) }, NOW, alive)).toBe(true);
  });

  it('needs no wait when the pid is gone, and gives no credit to a run without a heartbeat', () => {
    expect(ownerGone({ pid: 42, token: 't', heartbeatAt: ago(0) }, NOW, () => false)).toBe(true);
    expect(ownerGone({ pid: 42, token: null, heartbeatAt: null }, NOW, alive)).toBe(true);
    expect(ownerGone({ pid: null, token: null, heartbeatAt: ago(0) }, NOW, alive)).toBe(true);
  });
});

describe('RunHeartbeat', () => {
  afterEach(() => vi.useRealTimers());

  it('beats for the runs executing, hands over the ones lost, skips a beat it cannot write, and stops when idle', () => {
    vi.useFakeTimers();
    let executing = ['a', 'b'];
    const beats: string[][] = [];
    const lost: string[] = [];
    let answer: string[] | undefined = [];
    const heartbeat = new RunHeartbeat({
      executing: () => executing,
      beat: (runIds) => {
        beats.push([...runIds]);
        return answer;
      },
      lost: (runId) => lost.push(runId),
      intervalMs: 100,
    });
    heartbeat.start();
    vi.advanceTimersByTime(100);
    answer = undefined;
    vi.advanceTimersByTime(100);
    answer = ['b'];
    vi.advanceTimersByTime(100);
    expect(beats).toEqual([['a', 'b'], ['a', 'b'], ['a', 'b']]);
    expect(lost).toEqual(['b']);
    executing = [];
    vi.advanceTimersByTime(300);
    expect(beats).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(0);
  });
});
