// How case inputs are shown: strings as written, anything else as JSON.

export function formatCaseValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value, null, 2) ?? String(value);
}

/** One line for the table cell; the expanded row shows the full text. */
export function previewCaseValue(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return text.replace(/\s+/g, ' ').trim();
}

/** Columns in the order the schema declares them, then any extra keys the cases use. */
export function caseColumns(schemaFields: readonly string[], inputs: readonly Record<string, unknown>[]): string[] {
  const columns = [...schemaFields];
  for (const input of inputs) {
    for (const key of Object.keys(input)) if (!columns.includes(key)) columns.push(key);
  }
  return columns;
}
