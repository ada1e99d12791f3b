import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../shared/csp';

const fake = vi.hoisted(() => ({
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
  unhandle: vi.fn(),
}));
vi.mock('electron', () => ({ protocol: fake }));

import { handleAppProtocol, registerAppSchemeAsPrivileged, resolveRendererFile, serveRendererRequest } from './appProtocol';

let root: string;
let outside: string;

beforeAll(() => {
  outside = mkdtempSync(path.join(os.tmpdir(), 'workbench-protocol-'));
  root = path.join(outside, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Workbench</title>');
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(path.join(outside, 'secret.txt'), 'do not serve');
});

afterAll(() => rmSync(outside, { recursive: true, force: true }));

describe('resolveRendererFile', () => {
  it('serves files under the root with their content type', () => {
    expect(resolveRendererFile(root, '/assets/index-abc.js')).toEqual({
      status: 200,
      path: path.join(root, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveRendererFile(root, '/assets/index-abc.css')).toMatchObject({ status: 200, contentType: 'text/css; charset=utf-8' });
    expect(resolveRendererFile(root, '/')).toMatchObject({ status: 200, path: path.join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
  });

  it('falls back to index.html for client-side routes but not for missing assets', () => {
    expect(resolveRendererFile(root, '/prompts/summarize')).toMatchObject({ status: 200, path: path.join(root, 'index.html') });
    expect(resolveRendererFile(root, '/assets/missing.js')).toEqual({ status: 404 });
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/%2f%2e%2e%2fsecret.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses %s', (urlPath) => {
    expect(resolveRendererFile(root, urlPath)).toEqual({ status: 404 });
  });

  it('refuses an encoded absolute path', () => {
    expect(resolveRendererFile(root, `/${encodeURIComponent(path.join(outside, 'secret.txt'))}`)).toEqual({ status: 404 });
  });

  it('does not fall back to index.html for a traversal that looks like a route', () => {
    expect(resolveRendererFile(root, '/%2e%2e%2fsomewhere')).toEqual({ status: 404 });
  });
});

describe('serveRendererRequest', () => {
  it('sends the file with its type and the CSP', async () => {
    const response = await serveRendererRequest(root, new Request('app://workbench/assets/index-abc.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(await response.text()).toBe('console.log(1)');
  });

  it("serves the review's metrics worker as a module script under a CSP that lets it run", async () => {
    writeFileSync(path.join(root, 'assets', 'metricsWorker-abc.js'), 'self.onmessage = () => {};');
    const response = await serveRendererRequest(root, new Request('app://workbench/assets/metricsWorker-abc.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("worker-src 'self'");
  });

  it('answers traversal, other hosts and other methods without the file, still with the CSP', async () => {
    for (const request of [
      new Request('app://workbench/%2e%2e%2fsecret.txt'),
      new Request('app://elsewhere/index.html'),
      new Request('app://workbench/index.html', { method: 'POST', body: 'x' }),
    ]) {
      const response = await serveRendererRequest(root, request);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
      expect(await response.text()).not.toContain('do not serve');
    }
  });
});

describe('registration', () => {
  it('registers app: as standard, secure and fetch-capable, nothing more', () => {
    registerAppSchemeAsPrivileged();
    expect(fake.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('handles the app scheme and can be undone', async () => {
    const stop = handleAppProtocol(root);
    expect(fake.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = fake.handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    expect((await handler(new Request('app://workbench/index.html'))).status).toBe(200);
    stop();
    expect(fake.unhandle).toHaveBeenCalledWith('app');
  });
});
