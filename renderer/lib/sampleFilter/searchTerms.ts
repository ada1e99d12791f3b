// A search box's text as the pieces an output must contain: words, and "quoted phrases" kept whole.
// Lowercased, because the search ignores case (outputs are lowercased once, see sampleMatcher.ts).

export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  // A quote left open takes the rest of the text as its phrase: what a person is still typing.
  const pattern = /"([^"]*)"?|(\S+)/g;
  for (const match of text.toLowerCase().matchAll(pattern)) {
    const term = (match[1] ?? match[2] ?? '').trim();
    if (term !== '') terms.push(term);
  }
  return terms;
}
