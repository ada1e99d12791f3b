import { describe, expect, it, vi } from 'vitest';
import { parameterRules } from '../../../shared/parameterRules';
import { lazyProvider } from './lazyProvider';
import type { ModelProvider } from './provider';

const meta = { id: 'local', kind: 'openai-compatible' as const, label: 'local', embeds: false };

function loadedProvider(): ModelProvider {
  return {
    ...meta,
    rules: parameterRules[meta.kind],
    complete: async () => ({ ok: true, output: 'hi', finishReason: 'stop', inputTokens: 1, outputTokens: 1, ttftMs: null, latencyMs: 1, sent: {} }),
    listModels: async () => [],
  };
}

describe('lazyProvider', () => {
  it('loads its SDK once, whether prepared first or called first', async () => {
    const load = vi.fn(async () => loadedProvider());
    const provider = lazyProvider(meta, load);
    expect(load).not.toHaveBeenCalled();
    provider.prepare?.();
    provider.prepare?.();
    expect(load).toHaveBeenCalledTimes(1);
    const result = await provider.complete({ model: 'm', messages: [], temperature: 0 } as never, { signal: new AbortController().signal });
    expect(result).toMatchObject({ ok: true, output: 'hi' });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('leaves a failed load to the call that needs it, without an unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const provider = lazyProvider(meta, async () => {
        throw new Error('the SDK is missing');
      });
      provider.prepare?.();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).not.toHaveBeenCalled();
      await expect(provider.listModels()).rejects.toThrow('the SDK is missing');
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
