import { describe, expect, it } from 'vitest';
import { HttpAddress, NewEndpoint, ProviderSettings } from './providers';

describe('provider addresses', () => {
  it('takes http and https addresses typed in Settings', () => {
    expect(HttpAddress.parse(' https://gateway.example/v1 ')).toBe('https://gateway.example/v1');
    expect(NewEndpoint.parse({ name: 'local', baseUrl: 'http://127.0.0.1:1234/v1' }).baseUrl).toBe('http://127.0.0.1:1234/v1');
  });

  it.each(['ftp://example.com/v1', 'javascript:alert(1)', 'file:///etc/passwd', 'not an address'])('refuses %s as typed, with a message saying what to give', (address) => {
    const parsed = NewEndpoint.safeParse({ name: 'local', baseUrl: address });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/http:\/\/127\.0\.0\.1:1234\/v1/);
  });

  it('still reads settings an older version stored with such an address, so nothing else in them is lost', () => {
    const stored = ProviderSettings.parse({ endpoints: [{ name: 'lab', baseUrl: 'ftp://10.0.0.5/v1' }, { name: 'local', baseUrl: 'http://127.0.0.1:1234/v1' }] });
    expect(stored.endpoints.map((endpoint) => endpoint.name)).toEqual(['lab', 'local']);
  });
});
