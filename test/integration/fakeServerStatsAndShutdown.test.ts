// The fake servers' own bookkeeping: concurrency and completion counts, added latency, recording and
// resetting, keep-alive under load, and a close() that ends stalled and delayed requests cleanly.
import http from 'node:http';
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { startFakeProvider } from '../support/fakeProviders/fakeServer';
import { anthropicFor, ask, fakeStarterForFile, ollamaFor, openaiFor, until } from '../support/providerTestKit';

const start = fakeStarterForFile();

describe('server', () => {
  it('counts concurrency, adds latency, records (or not) and resets', async () => {
    const fake = await start({ kind: 'openai', latencyMs: 80 });
    const client = openaiFor(fake);
    const began = Date.now();
    await Promise.all(Array.from({ length: 6 }, () => client.chat.completions.create({ model: 'gpt-4o', messages: ask() })));
    expect(Date.now() - began).toBeGreaterThanOrEqual(75);
    expect(fake.maxInFlight).toBe(6);
    expect(fake.inFlight).toBe(0);
    expect(fake.completions).toBe(6);
    expect(fake.requests.map((r) => r.path)).toEqual(Array(6).fill('/v1/chat/completions'));
    fake.resetStats();
    expect([fake.completions, fake.maxInFlight, fake.requests.length]).toEqual([0, 0, 0]);

    const quiet = await start({ kind: 'ollama', record: false });
    await ollamaFor(quiet).chat({ model: 'llama3.2', messages: ask(), stream: false });
    expect(quiet.requests).toEqual([]);
    expect(quiet.completions).toBe(1);
  });

  it('keeps connections alive under load', async () => {
    const fake = await start({ kind: 'openai', record: false });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const body = JSON.stringify({ model: 'gpt-4o-mini', messages: ask(), temperature: 0.7 });
    const sockets = new Set<unknown>();
    const one = () =>
      new Promise<void>((resolve, reject) => {
        const req = http.request(`${fake.url}/chat/completions`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(String(res.statusCode)))));
        });
        req.on('socket', (socket) => sockets.add(socket));
        req.on('error', reject);
        req.end(body);
      });
    const began = Date.now();
    await Promise.all(Array.from({ length: 1000 }, one));
    agent.destroy();
    expect(sockets.size).toBeLessThanOrEqual(16);
    expect(fake.completions).toBe(1000);
    expect(Date.now() - began).toBeLessThan(10_000);
  });

  it('close() ends stalled streams and pending delays, leaving no timers behind', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    const fake = await startFakeProvider({ kind: 'anthropic', latencyMs: 5 });
    fake.inject({ fault: { type: 'stall' } }, { fault: { type: 'slow', delayMs: 60_000 } });
    const client = anthropicFor(fake, { timeout: 120_000 });
    const stalled = client.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 50, messages: ask() });
    await new Promise<void>((resolve) => stalled.on('text', () => resolve()));
    const slow = client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 50, messages: ask() }).catch((e: unknown) => e);
    await until(() => fake.inFlight === 2);
    const began = Date.now();
    await fake.close();
    expect(Date.now() - began).toBeLessThan(1000);
    await expect(stalled.finalMessage()).rejects.toThrow();
    expect(await slow).toBeInstanceOf(Anthropic.APIConnectionError);
    await fake.close(); // idempotent
    await until(() => timers() <= before);
  });
});
