import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

const directives = (policy: string) => new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));

describe('the renderer CSP', () => {
  it("runs scripts and workers from the app's own origin only, and nothing inline or evaluated", () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-|blob:|\*/);
  });

  it('adds connect sources (the server’s WebSocket) to connect-src alone', () => {
    const policy = directives(contentSecurityPolicy({ connectSources: ['ws://127.0.0.1:4780'] }));
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:4780']);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
  });
});
