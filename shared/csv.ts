// CSV for files people open in spreadsheets. RFC 4180 quoting, and text that a spreadsheet would
// read as a formula (OWASP "CSV injection": a cell starting with =, +, -, @, tab or carriage
// return) is prefixed with a single quote, so a model's output or a note is shown, never evaluated.
// Every CSV the app writes goes through here.

/** A cell's value: text is neutralised and quoted as needed; numbers are written as they are. */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // Numbers stay numbers (a negative one is a value, not a formula); only text can smuggle one in.
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',');
}

/** Header and rows, CRLF between records as RFC 4180 has it. */
export function csvTable(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [csvRow(header), ...rows.map(csvRow)].join('\r\n');
}
