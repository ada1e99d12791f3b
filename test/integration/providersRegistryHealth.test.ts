// The provider registry against all three fakes at once: finding every provider from the environment
// and settings, health checks, embeddings where a provider has them, an Ollama that is not running
// and a server that never answers.
import http from 'node:http';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProviderRegistry } from '../../electron/core/providers/providerRegistry';
import { sessionSecretStore } from '../../electron/core/providers/secretStore';
import { ProviderSettings } from '../../shared/providers';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { ANTHROPIC_KEY, closedPort, embedded, ok, OPENAI_KEY, request, run } from '../support/providerTestKit';

describe('registry health against the fakes', () => {
  let openai: FakeProvider;
  let anthropic: FakeProvider;
  let ollama: FakeProvider;
  let silent: http.Server;
  let silentPort: number;

  beforeAll(async () => {
    [openai, anthropic, ollama] = await Promise.all([
      startFakeProvider({ kind: 'openai', apiKey: OPENAI_KEY }),
      startFakeProvider({ kind: 'anthropic' }),
      startFakeProvider({ kind: 'ollama' }),
    ]);
    // Accepts connections and never answers.
    silent = http.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
    await Promise.all([openai.close(), anthropic.close(), ollama.close()]);
  });

  it('finds every provider from the environment and settings', async () => {
    const secrets = sessionSecretStore();
    secrets.set('anthropic', ANTHROPIC_KEY);
    const registry = createProviderRegistry({
      settings: ProviderSettings.parse({ anthropicBaseUrl: anthropic.url, endpoints: [{ name: 'local', baseUrl: openai.url }] }),
      env: { OLLAMA_HOST: `127.0.0.1:${ollama.port}`, OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: OPENAI_KEY },
      secrets,
    });
    expect(await registry.health('ollama')).toMatchObject({ provider: 'ollama', ok: true, message: '2 models' });
    expect(await registry.health('openai')).toMatchObject({ ok: true, message: '2 models' });
    expect(await registry.health('anthropic')).toMatchObject({ ok: true, message: '2 models' });
    // The compatible endpoint sends no key, and this fake wants one.
    expect(await registry.health('local')).toMatchObject({ ok: false, message: 'local rejected the API key (401). Check the key for local in Settings.' });
    const result = ok(await run(registry.get('openai')!, request('gpt-4o-mini')));
    expect(result.output.length).toBeGreaterThan(0);
    // Embeddings where the provider has them, before its SDK is loaded; none for Anthropic.
    expect(['ollama', 'openai', 'anthropic', 'local'].map((id) => typeof registry.get(id)?.embed)).toEqual(['function', 'function', 'undefined', 'function']);
    expect(await embedded(registry.get('ollama')!, ['hi'], 'all-minilm')).toMatchObject({ ok: true });
  });

  it('reports Ollama not running, and a server that does not answer in time', async () => {
    const port = await closedPort();
    const registry = createProviderRegistry({
      settings: ProviderSettings.parse({ endpoints: [{ name: 'silent', baseUrl: `http://127.0.0.1:${silentPort}/v1` }] }),
      env: { OLLAMA_HOST: `:${port}` },
      secrets: sessionSecretStore(),
      healthTimeoutMs: 300,
    });
    expect(await registry.health('ollama')).toMatchObject({ ok: false, models: [], message: `Ollama is not running at 127.0.0.1:${port} — start it with \`ollama serve\`` });
    const started = Date.now();
    expect(await registry.health('silent')).toMatchObject({ ok: false, message: `silent did not answer within 300 ms at http://127.0.0.1:${silentPort}/v1.` });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
