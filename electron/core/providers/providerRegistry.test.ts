import { describe, expect, it } from 'vitest';
import { ProviderSettings } from '../../../shared/providers';
import { createProviderRegistry, normaliseOllamaHost } from './providerRegistry';
import { sessionSecretStore, type SecretStore } from './secretStore';

const settings = (input: Partial<ProviderSettings> = {}) => ProviderSettings.parse(input);

function keychain(values: Record<string, string>): SecretStore {
  return { kind: 'keychain', get: (name) => values[name] ?? null, set() {} };
}

/** A fetch that records what was asked and answers from a table of paths. */
function stubFetch(answers: Record<string, unknown> = {}) {
  const calls: string[] = [];
  const fetchStub: typeof fetch = async (input) => {
    const url = input instanceof Request ? input.url : String(input);
    calls.push(url);
    const path = new URL(url).pathname;
    if (!(path in answers)) return new Response(JSON.stringify({ error: 'not here' }), { status: 404, headers: { 'content-type': 'application/json' } });
    return new Response(JSON.stringify(answers[path]), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { calls, fetch: fetchStub };
}

describe('normaliseOllamaHost', () => {
  it.each([
    ['0.0.0.0', 'http://127.0.0.1:11434'],
    ['127.0.0.1:11434', 'http://127.0.0.1:11434'],
    ['example.com', 'http://example.com:11434'],
    [':8080', 'http://127.0.0.1:8080'],
    ['0.0.0.0:9000', 'http://127.0.0.1:9000'],
    ['http://gpu-box', 'http://gpu-box:80'],
    ['https://ollama.internal/', 'https://ollama.internal:443'],
    ['http://localhost:11434/', 'http://localhost:11434'],
    ['https://host:8443/ollama/', 'https://host:8443/ollama'],
    ['[::1]:11500', 'http://[::1]:11500'],
    ['"10.0.0.5:11434"', 'http://10.0.0.5:11434'],
    ['ollama.com', 'https://ollama.com:443'],
    ['http://alice:s3cret@proxy.example:8080/ollama', 'http://alice:s3cret@proxy.example:8080/ollama'],
    ['alice:p@ss@10.0.0.5', 'http://alice:p@ss@10.0.0.5:11434'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseOllamaHost(raw)).toBe(expected);
  });
});

describe('statuses', () => {
  it('uses the defaults when nothing is set', () => {
    const registry = createProviderRegistry({ settings: settings(), env: {}, secrets: sessionSecretStore() });
    expect(registry.statuses()).toEqual([
      { id: 'ollama', kind: 'ollama', label: 'Ollama', baseUrl: 'http://127.0.0.1:11434', baseUrlSource: 'default', keySource: 'none', keyVariable: null, keyRequired: false, concurrency: 1 },
      { id: 'openai', kind: 'openai', label: 'OpenAI', baseUrl: 'https://api.openai.com/v1', baseUrlSource: 'default', keySource: 'none', keyVariable: 'OPENAI_API_KEY', keyRequired: true, concurrency: 8 },
      { id: 'anthropic', kind: 'anthropic', label: 'Anthropic', baseUrl: 'https://api.anthropic.com', baseUrlSource: 'default', keySource: 'none', keyVariable: 'ANTHROPIC_API_KEY', keyRequired: true, concurrency: 8 },
    ]);
  });

  it('reads the environment, with settings and stored keys winning over it', () => {
    const env = { OLLAMA_HOST: '0.0.0.0', OPENAI_BASE_URL: 'http://proxy:8080/v1/', OPENAI_API_KEY: 'sk-env', ANTHROPIC_API_KEY: 'sk-ant-env', ANTHROPIC_BASE_URL: '' };
    const registry = createProviderRegistry({
      settings: settings({ anthropicBaseUrl: 'https://gateway.example/anthropic' }),
      env,
      secrets: keychain({ anthropic: 'sk-ant-stored' }),
    });
    const byId = Object.fromEntries(registry.statuses().map((status) => [status.id, status]));
    expect(byId.ollama).toMatchObject({ baseUrl: 'http://127.0.0.1:11434', baseUrlSource: 'environment' });
    expect(byId.openai).toMatchObject({ baseUrl: 'http://proxy:8080/v1', baseUrlSource: 'environment', keySource: 'environment' });
    expect(byId.anthropic).toMatchObject({ baseUrl: 'https://gateway.example/anthropic', baseUrlSource: 'settings', keySource: 'keychain' });

    const withSettings = createProviderRegistry({ settings: settings({ ollamaHost: 'http://gpu:11434', openaiBaseUrl: 'http://local:1/v1' }), env, secrets: sessionSecretStore() });
    const [ollama, openai] = withSettings.statuses();
    expect(ollama).toMatchObject({ baseUrl: 'http://gpu:11434', baseUrlSource: 'settings' });
    expect(openai).toMatchObject({ baseUrl: 'http://local:1/v1', baseUrlSource: 'settings' });
  });

  it('adds each compatible endpoint with its key from the secret store, never from the environment', () => {
    const secrets = sessionSecretStore();
    secrets.set('vllm', 'token');
    const registry = createProviderRegistry({
      settings: settings({
        endpoints: [
          { name: 'lmstudio', baseUrl: 'http://127.0.0.1:1234/v1', concurrency: null },
          { name: 'vllm', baseUrl: 'http://gpu:8000/v1', concurrency: 16 },
        ],
        concurrency: { vllm: 32, openai: 2 },
      }),
      env: { OPENAI_API_KEY: 'sk-env' },
      secrets,
    });
    const byId = Object.fromEntries(registry.statuses().map((status) => [status.id, status]));
    expect(byId.lmstudio).toEqual({
      id: 'lmstudio',
      kind: 'openai-compatible',
      label: 'lmstudio',
      baseUrl: 'http://127.0.0.1:1234/v1',
      baseUrlSource: 'settings',
      keySource: 'none',
      keyVariable: null,
      keyRequired: false,
      concurrency: 4,
    });
    expect(byId.vllm).toMatchObject({ keySource: 'session', concurrency: 32 });
    expect(byId.openai).toMatchObject({ concurrency: 2 });
  });
});

describe('get', () => {
  it('builds each provider once and knows only configured ids', () => {
    const registry = createProviderRegistry({
      settings: settings({ endpoints: [{ name: 'lmstudio', baseUrl: 'http://127.0.0.1:1234/v1', concurrency: null }] }),
      env: {},
      secrets: sessionSecretStore(),
    });
    const openai = registry.get('openai');
    expect(openai).toMatchObject({ id: 'openai', kind: 'openai', label: 'OpenAI' });
    expect(registry.get('openai')).toBe(openai);
    expect(registry.get('lmstudio')).toMatchObject({ id: 'lmstudio', kind: 'openai-compatible', label: 'lmstudio' });
    expect(registry.get('anthropic')?.rules.seed).toBe(false);
    expect(registry.get('nope')).toBeNull();
  });
});

describe('health', () => {
  it('refuses an unknown id, listing the known ones', async () => {
    const registry = createProviderRegistry({ settings: settings(), env: {}, secrets: sessionSecretStore() });
    const health = await registry.health('mistral');
    expect(health).toMatchObject({ provider: 'mistral', ok: false, models: [] });
    expect(health.message).toBe('There is no provider "mistral". Known providers: ollama, openai, anthropic.');
  });

  it('says which key to set without making a call', async () => {
    const stub = stubFetch();
    const registry = createProviderRegistry({ settings: settings(), env: {}, secrets: sessionSecretStore(), fetch: stub.fetch });
    expect((await registry.health('openai')).message).toBe('Set OPENAI_API_KEY or add a key in Settings');
    expect((await registry.health('anthropic')).message).toBe('Set ANTHROPIC_API_KEY or add a key in Settings');
    expect(stub.calls).toEqual([]);
  });

  it('counts the models it finds', async () => {
    const stub = stubFetch({
      '/api/tags': { models: [{ name: 'llama3.2:latest', size: 2019393189, details: { family: 'llama', parameter_size: '3.2B' } }, { name: 'qwen2.5:7b', size: 1, details: {} }] },
      '/v1/models': { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model' }] },
    });
    const registry = createProviderRegistry({ settings: settings(), env: { OPENAI_API_KEY: 'sk-test' }, secrets: sessionSecretStore(), fetch: stub.fetch });
    const ollama = await registry.health('ollama');
    expect(ollama).toMatchObject({ provider: 'ollama', ok: true, message: '2 models' });
    expect(ollama.models[0]).toEqual({ id: 'ollama/llama3.2', provider: 'ollama', model: 'llama3.2', sizeBytes: 2019393189, family: 'llama', parameterSize: '3.2B' });
    expect(new Date((await registry.health('ollama')).checkedAt).getTime()).toBeGreaterThan(0);
    expect(await registry.health('openai')).toMatchObject({ ok: true, message: '1 model', models: [{ id: 'openai/gpt-4o-mini' }] });
  });

  it('reports a failure with its actionable message', async () => {
    const registry = createProviderRegistry({
      settings: settings({ endpoints: [{ name: 'lmstudio', baseUrl: 'http://127.0.0.1:1234/v1', concurrency: null }] }),
      env: {},
      secrets: sessionSecretStore(),
      fetch: stubFetch().fetch,
    });
    expect(await registry.health('lmstudio')).toMatchObject({ ok: false, message: 'lmstudio has nothing at http://127.0.0.1:1234/v1 (404). Check the address in Settings.' });
  });

  it('never shows the user:password of an address', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true }));
    const registry = createProviderRegistry({
      settings: settings({ endpoints: [{ name: 'proxy', baseUrl: 'http://alice:s3cret@127.0.0.1:1234/v1', concurrency: null }] }),
      env: { OLLAMA_HOST: 'http://bob:hunter22@127.0.0.1:11434' },
      secrets: sessionSecretStore(),
      fetch: hanging,
      healthTimeoutMs: 20,
    });
    const proxy = await registry.health('proxy');
    expect(proxy.message).toBe('proxy did not answer within 20 ms at http://127.0.0.1:1234/v1.');
    expect((await registry.health('ollama')).message).not.toMatch(/hunter22|bob/);
  });

  it('refuses an address that is no http(s) address, naming where it came from, without sending anything', async () => {
    const stub = stubFetch();
    const registry = createProviderRegistry({
      settings: settings({ endpoints: [{ name: 'lab', baseUrl: 'ftp://10.0.0.5/v1', concurrency: null }] }),
      env: { OPENAI_BASE_URL: 'not a url', OPENAI_API_KEY: 'sk-test', ANTHROPIC_BASE_URL: 'http://exa mple.com', ANTHROPIC_API_KEY: 'k' },
      secrets: sessionSecretStore(),
      fetch: stub.fetch,
    });
    expect((await registry.health('openai')).message).toBe(
      'The address of OpenAI, "not a url", is not an http(s) address. Give a full address such as https://api.openai.com/v1 in OPENAI_BASE_URL.',
    );
    expect((await registry.health('lab')).message).toBe('The address of lab, "ftp://10.0.0.5/v1", is not an http(s) address. Give a full address such as http://127.0.0.1:1234/v1 in Settings.');
    const result = await registry.get('anthropic')?.complete({ model: 'm', messages: [], temperature: 0, stream: true }, { signal: new AbortController().signal });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'bad_request', message: expect.stringMatching(/^The address of Anthropic, "http:\/\/exa mple\.com", .* in ANTHROPIC_BASE_URL\.$/) } });
    expect(stub.calls).toEqual([]);
  });

  it('gives up after its timeout, or when the caller aborts', async () => {
    // Like the real fetch: an already aborted signal rejects at once, else the abort does.
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        if (init?.signal?.aborted) reject(init.signal.reason);
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
      });
    const registry = createProviderRegistry({ settings: settings(), env: {}, secrets: sessionSecretStore(), fetch: hanging });
    const controller = new AbortController();
    const pending = registry.health('ollama', { signal: controller.signal });
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, message: 'The call to Ollama was cancelled.' });
  });
});
