// Imported text to a table, by its kind: JSON Lines when the file says so (or its first line is an
// object), else CSV, or TSV for text pasted from a spreadsheet (tabs in its first line).
import { tableFromRecords, type ImportTable } from './caseImport';
import { parseDelimited } from './delimitedText';
import { looksLikeJsonLines, parseJsonLines } from './jsonLines';

export type ImportRead = { ok: true; table: ImportTable; kind: 'CSV' | 'TSV' | 'JSON Lines' } | { ok: false; error: string };

export function readImport(text: string, fileName: string | null): ImportRead {
  const extension = fileName?.toLowerCase().split('.').pop() ?? '';
  if (['jsonl', 'ndjson'].includes(extension) || (extension !== 'csv' && extension !== 'tsv' && looksLikeJsonLines(text))) {
    const parsed = parseJsonLines(text);
    return parsed.ok ? { ok: true, table: parsed.table, kind: 'JSON Lines' } : parsed;
  }
  const delimiter = extension === 'tsv' ? '\t' : extension === 'csv' ? ',' : undefined;
  const parsed = parseDelimited(text, delimiter);
  if (!parsed.ok) return parsed;
  const { header, rows } = parsed.table;
  if (rows.length === 0) return { ok: false, error: 'Only a header row was found. The first row names the columns; each row after it is one case.' };
  const blank = header.findIndex((column) => column === '');
  if (blank >= 0) return { ok: false, error: `Column ${blank + 1} has no name in the first row. The first row names the columns; give each one a name.` };
  const kind = delimiter === '\t' || (delimiter === undefined && text.split(/\r?\n/, 1)[0]?.includes('\t')) ? 'TSV' : 'CSV';
  return { ok: true, table: tableFromRecords(header, rows), kind };
}
