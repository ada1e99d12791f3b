// The browser-mode server's front door: DNS-rebinding guard (Host and Origin), and a per-launch
// token accepted from the query once, then from an HttpOnly cookie.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([...allowedHosts(port)].map((host) => `http://${host}`));
}

export function isAllowedHost(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host?.toLowerCase();
  return host !== undefined && allowedHosts(port).has(host);
}

/** A missing Origin is fine for plain requests (same-origin GETs, scripts); a foreign one never is. */
export function isAllowedOrigin(origin: string | undefined, port: number, required: boolean): boolean {
  if (origin === undefined) return !required;
  return allowedOrigins(port).has(origin.toLowerCase());
}

export function tokenCookieName(port: number): string {
  // Cookies ignore ports, so two servers on one machine must not share a name.
  return `workbench_token_${port}`;
}

export type TokenSource = 'query' | 'cookie' | 'header';

export function presentedToken(request: IncomingMessage, url: URL, port: number): { token: string; source: TokenSource } | null {
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return { token: fromQuery, source: 'query' };
  const fromCookie = readCookie(request.headers.cookie, tokenCookieName(port));
  if (fromCookie) return { token: fromCookie, source: 'cookie' };
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return { token: auth.slice('Bearer '.length), source: 'header' };
  return null;
}

export function tokensMatch(expected: string, presented: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
