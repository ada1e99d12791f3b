import { describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { EventBus } from './eventBus';

const progress = { runId: 'r', status: 'running', total: 2, done: 1, ok: 1, errors: 0, rate: 0, etaMs: null, stopReason: null } as const;

describe('EventBus', () => {
  it('delivers an event to its own listeners and to those of every event, until they unsubscribe', () => {
    const bus = new EventBus(api);
    const seen: string[] = [];
    const stopOne = bus.on('runProgress', (payload) => seen.push(`one:${payload.done}`));
    const stopAll = bus.onAny((event) => seen.push(`all:${event}`));
    bus.emit('runProgress', progress);
    bus.emit('runSamples', { runId: 'r', samples: [] });
    stopOne();
    stopAll();
    bus.emit('runProgress', progress);
    expect(seen).toEqual(['all:runProgress', 'one:1', 'all:runSamples']);
  });

  it('says whether an event would reach anyone', () => {
    const bus = new EventBus(api);
    expect(bus.listening('runSamples')).toBe(false);
    const stopOne = bus.on('runProgress', () => {});
    expect([bus.listening('runProgress'), bus.listening('runSamples')]).toEqual([true, false]);
    const stopAll = bus.onAny(() => {});
    expect(bus.listening('runSamples')).toBe(true);
    stopAll();
    stopOne();
    expect(bus.listening('runProgress')).toBe(false);
  });

  it('refuses a payload that breaks the contract, where it was made', () => {
    const bus = new EventBus(api);
    expect(() => bus.emit('runProgress', { ...progress, done: 'one' } as never)).toThrow();
  });
});
