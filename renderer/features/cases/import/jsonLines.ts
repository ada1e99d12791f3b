// JSON Lines: one JSON object per line, its keys the columns. A line that is not an object is
// reported with its line number rather than skipped, so nothing disappears without a word.

export interface JsonLinesTable {
  /** Keys in the order they first appear. */
  header: string[];
  rows: Record<string, unknown>[];
}

export type JsonLinesParse = { ok: true; table: JsonLinesTable } | { ok: false; error: string };

export function parseJsonLines(text: string): JsonLinesParse {
  const header: string[] = [];
  const rows: Record<string, unknown>[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'not JSON';
      return { ok: false, error: `Line ${index + 1} is not JSON (${reason}). Each line must be one JSON object.` };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { ok: false, error: `Line ${index + 1} is not a JSON object. Each line must be one object such as {"name": "…", "question": "…"}.` };
    }
    const row = value as Record<string, unknown>;
    for (const key of Object.keys(row)) if (!header.includes(key)) header.push(key);
    rows.push(row);
  }
  if (rows.length === 0) return { ok: false, error: 'There is nothing to import: no JSON object was found.' };
  return { ok: true, table: { header, rows } };
}

/** Whether a file's text reads as JSON Lines rather than CSV: its first non-blank line starts an object. */
export function looksLikeJsonLines(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).find((line) => line.trim() !== '');
  return first?.trimStart().startsWith('{') ?? false;
}
