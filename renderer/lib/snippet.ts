// A few words of an output, to name it in a sentence ("new: “Paris is the…” 30%") or a menu.

/** The text's first words up to about `max` characters, cut at a word where one is near, with "…" when cut. */
export function snippet(text: string, max = 24): string {
  const flat = text.trim().replace(/\s+/g, ' ');
  if (flat.length <= max) return flat;
  // One character more, so a word that ends exactly at the limit is kept whole.
  const space = flat.slice(0, max + 1).lastIndexOf(' ');
  // A word boundary in the last third keeps the cut readable; a long first word is cut inside.
  const end = space >= max * (2 / 3) ? space : max;
  // A comma or colon left before the ellipsis reads as a typo: "Paris,…".
  return `${flat.slice(0, end).replace(/[\s,;:]+$/, '')}…`;
}
