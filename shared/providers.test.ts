import { describe, expect, it } from 'vitest';
import { CompatibleEndpoint, ProviderSettings } from './providers';

describe('provider addresses', () => {
  it('takes http and https addresses', () => {
    expect(ProviderSettings.parse({ ollamaHost: 'http://gpu:11434', openaiBaseUrl: 'https://gateway.example/v1' }).ollamaHost).toBe('http://gpu:11434');
    expect(CompatibleEndpoint.parse({ name: 'local', baseUrl: ' http://127.0.0.1:1234/v1 ' }).baseUrl).toBe('http://127.0.0.1:1234/v1');
  });

  it.each(['ftp://example.com/v1', 'javascript:alert(1)', 'file:///etc/passwd', 'not an address'])('refuses %s with a message saying what to give', (address) => {
    const parsed = CompatibleEndpoint.safeParse({ name: 'local', baseUrl: address });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/http:\/\/127\.0\.0\.1:1234\/v1/);
  });
});
