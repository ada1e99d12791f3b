import { describe, expect, it } from 'vitest';
import { ProviderSettings } from '../../../shared/providers';
import { configuredConcurrency, withBaseUrl, withConcurrency, withEndpoint, withoutEndpoint } from './providerSettingsEdits';

const base = ProviderSettings.parse({ endpoints: [{ name: 'lmstudio', baseUrl: 'http://127.0.0.1:1234/v1' }] });

describe('editing the providers setting', () => {
  it('sets and clears a built-in provider’s address', () => {
    const set = withBaseUrl(base, 'ollama', 'http://gpu-box:11434');
    expect(set.ollamaHost).toBe('http://gpu-box:11434');
    expect(withBaseUrl(set, 'ollama', null).ollamaHost).toBeNull();
    expect(withBaseUrl(base, 'openai', 'http://proxy/v1').openaiBaseUrl).toBe('http://proxy/v1');
  });

  it('changes an endpoint’s address in place', () => {
    expect(withBaseUrl(base, 'lmstudio', 'http://other/v1').endpoints).toEqual([
      { name: 'lmstudio', baseUrl: 'http://other/v1', concurrency: null },
    ]);
  });

  it('sets and clears concurrency for built-ins and endpoints', () => {
    const built = withConcurrency(base, 'openai', 4);
    expect(built.concurrency).toEqual({ openai: 4 });
    expect(configuredConcurrency(built, 'openai')).toBe(4);
    expect(withConcurrency(built, 'openai', null).concurrency).toEqual({});
    const endpoint = withConcurrency(base, 'lmstudio', 2);
    expect(configuredConcurrency(endpoint, 'lmstudio')).toBe(2);
    expect(configuredConcurrency(base, 'ollama')).toBeNull();
  });

  it('adds, replaces and removes endpoints', () => {
    const added = withEndpoint(base, { name: 'vllm', baseUrl: 'http://vllm/v1', concurrency: null });
    expect(added.endpoints.map((entry) => entry.name)).toEqual(['lmstudio', 'vllm']);
    const replaced = withEndpoint(added, { name: 'lmstudio', baseUrl: 'http://new/v1', concurrency: null });
    expect(replaced.endpoints.map((entry) => entry.baseUrl)).toEqual(['http://vllm/v1', 'http://new/v1']);
    expect(withoutEndpoint(added, 'vllm').endpoints.map((entry) => entry.name)).toEqual(['lmstudio']);
  });
});
