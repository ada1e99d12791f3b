// What a model's markdown may turn into. Model output is untrusted: it must never load remote
// content (an image would be a tracking pixel) nor navigate the app window. Raw HTML is shown as
// text by react-markdown already (no rehype-raw); these rules cover links and images.

/** Schemes a link may open (in the OS browser, via target=_blank); anything else stays text. */
const OPENABLE = /^(https?:|mailto:)/i;

/** The href a link may keep, or null when it must be shown as plain text. */
export function openableHref(href: string | undefined | null): string | null {
  const value = (href ?? '').trim();
  return OPENABLE.test(value) ? value : null;
}

/** What stands in for an image: its description and where it would have come from, never the image. */
export function imagePlaceholder(alt: string | undefined | null, src: string | undefined | null): string {
  const description = (alt ?? '').trim() || 'image';
  const source = (src ?? '').trim();
  return source ? `[image: ${description} — ${source}]` : `[image: ${description}]`;
}
