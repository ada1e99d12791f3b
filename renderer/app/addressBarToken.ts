// `workbench serve` prints a URL with `?token=…`. The server swaps it for an HttpOnly cookie on
// the first page load, so the token has no business staying in the address bar, the history or
// a screenshot.

/** The same location without the token, or null when there is none to remove. */
export function withoutToken(href: string): string | null {
  const url = new URL(href);
  if (!url.searchParams.has('token')) return null;
  url.searchParams.delete('token');
  return `${url.pathname}${url.search}${url.hash}`;
}

export function removeTokenFromAddressBar(): void {
  const next = withoutToken(window.location.href);
  if (next !== null) window.history.replaceState(window.history.state, '', next);
}
