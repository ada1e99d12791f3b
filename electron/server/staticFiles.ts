// Serves the built renderer from one folder, never outside it.
import fs from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * How long the browser may keep a file. Vite names everything under assets/ by a hash of its
 * content, so a rebuild gives new names and those files can be kept for good: a page opened again
 * loads the app's code from the cache, already compiled. The page itself is never kept, so it
 * always names the current build's files.
 */
export function cacheControlOf(urlPath: string, isHtml: boolean): string {
  if (isHtml) return 'no-store';
  return urlPath.startsWith('/assets/') ? 'max-age=31536000, immutable' : 'no-cache';
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside `root`. Paths without an extension fall back to index.html
 * (client-side routes); anything that escapes `root` or does not exist gives null.
 */
export function resolveStaticFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = path.resolve(root);
  const wanted = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const candidate = path.resolve(base, wanted);
  if (candidate !== base && !candidate.startsWith(base + path.sep)) return null;
  if (isFile(candidate)) return candidate;
  if (path.extname(candidate) === '') {
    const index = path.join(base, 'index.html');
    return isFile(index) ? index : null;
  }
  return null;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
