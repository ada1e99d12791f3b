// CSV and TSV as spreadsheets write them (RFC 4180): fields in double quotes may hold the
// delimiter, line breaks and doubled quotes; a byte order mark at the start is dropped; CRLF, LF
// and CR all end a record. Pure, so every quoting rule is tested on its own.

export interface DelimitedTable {
  header: string[];
  rows: string[][];
}

export type DelimitedParse = { ok: true; table: DelimitedTable } | { ok: false; error: string };

/** Tab when the first line has more tabs than commas (a spreadsheet's clipboard), else comma. */
export function guessDelimiter(text: string): ',' | '\t' {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  const tabs = firstLine.split('\t').length - 1;
  const commas = firstLine.split(',').length - 1;
  return tabs > commas ? '\t' : ',';
}

/** Records of fields; the first record is the header. Blank lines are skipped. */
export function parseDelimited(text: string, delimiter: string = guessDelimiter(text)): DelimitedParse {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  // Whether the current field began with a quote: only then do quotes have meaning.
  let inQuotes = false;
  let line = 1;
  let quoteLine = 0;
  const source = text.replace(/^\uFEFF/, '');
  const endField = () => {
    record.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    endField();
    // A blank line is one empty field: nothing to import.
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (inQuotes) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (char === '\n' || (char === '\r' && source[i + 1] !== '\n')) line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && field === '' && !quoted) {
      inQuotes = true;
      quoted = true;
      quoteLine = line;
    } else if (char === delimiter) endField();
    else if (char === '\r' || char === '\n') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
    } else field += char;
  }
  if (inQuotes) return { ok: false, error: `The quote opened on line ${quoteLine} is never closed. Close it with " or remove it.` };
  if (field !== '' || record.length > 0) endRecord();
  const [header, ...rows] = records;
  if (!header) return { ok: false, error: 'There is nothing to import: the text is empty.' };
  return { ok: true, table: { header: header.map((name) => name.trim()), rows } };
}
