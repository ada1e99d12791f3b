// One Content-Security-Policy for the renderer, whichever transport serves it.
// Model output is rendered as text; nothing here lets a page load remote code or content.
export function contentSecurityPolicy(options: { connectSources?: string[] } = {}): string {
  const connect = ["'self'", ...(options.connectSources ?? [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    // The review's metrics worker, a module script of the app's own (renderer/features/review/metricsWorker.ts).
    "worker-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
