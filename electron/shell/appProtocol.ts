// Serves the built renderer from `app://workbench/` instead of `file://`. A custom standard scheme
// gives the page a real origin (so 'self' in the CSP means just our files, and fetch/storage behave),
// and this one handler is the only place that decides which files a page may load.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../../shared/csp';
import { contentTypeOf, resolveStaticFile } from '../server/staticFiles';

export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

export type RendererFile = { status: 200; path: string; contentType: string } | { status: 404 };

/**
 * Maps a URL path (still percent-encoded, as in `new URL(...).pathname`) to a file under `root`.
 * The resolution and its traversal guard are staticFiles.ts, shared with the HTTP server so both
 * transports serve exactly the same files: anything that leaves `root` after decoding (`../`,
 * `%2e%2e%2f`, absolute paths) is a 404, the same answer as a missing file, and extension-less
 * paths that match no file are client-side routes that get index.html.
 */
export function resolveRendererFile(root: string, urlPath: string): RendererFile {
  const file = resolveStaticFile(root, urlPath);
  return file === null ? { status: 404 } : { status: 200, path: file, contentType: contentTypeOf(file) };
}

/** Headers every response carries, errors included, so no page is ever served without the CSP. */
function baseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: baseHeaders('text/plain; charset=utf-8') });
}

/** Answers one request for `app://workbench/...`; exported so it can be tested without Electron. */
export async function serveRendererRequest(rendererRoot: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: baseHeaders('text/plain; charset=utf-8') });
  }
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return notFound();
  const file = resolveRendererFile(rendererRoot, url.pathname);
  if (file.status === 404) return notFound();
  try {
    const body = request.method === 'HEAD' ? null : await readFile(file.path);
    return new Response(body, { status: 200, headers: baseHeaders(file.contentType) });
  } catch {
    // Raced with a rebuild or a permission change: a missing file, not a crash.
    return notFound();
  }
}

/**
 * Must run before the app is ready: Chromium fixes the set of privileged schemes at startup.
 * `standard` gives URLs a host and relative resolution, `secure` makes the origin a secure context,
 * `supportFetchAPI` lets the page fetch its own assets. No `bypassCSP`, no `corsEnabled`.
 */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** After ready: serve `rendererRoot` (the built `dist/renderer`) on the app scheme. */
export function handleAppProtocol(rendererRoot: string): () => void {
  protocol.handle(APP_SCHEME, (request) => serveRendererRequest(rendererRoot, request));
  return () => protocol.unhandle(APP_SCHEME);
}
