// Reads `<name>.cases.yaml`: a YAML list of `{ name, input }`. A missing file means no cases.
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { PromptCase, type Problem } from '../../../shared/prompts';
import { MAX_FILE_BYTES, tooLarge } from './fileLimits';
import { yamlValue } from './yamlValue';

const CasesList = z.array(PromptCase);

export interface ParsedCases {
  cases: PromptCase[];
  problems: Problem[];
}

export function parseCasesFile(file: string, source: string | undefined): ParsedCases {
  if (source === undefined || source.trim() === '') return { cases: [], problems: [] };
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > MAX_FILE_BYTES) return { cases: [], problems: [{ file, line: 1, column: 1, message: tooLarge(file, bytes).message }] };
  const lines = new LineCounter();
  const doc = parseDocument(source, { prettyErrors: false, lineCounter: lines });
  if (doc.errors.length > 0) {
    return {
      cases: [],
      problems: doc.errors.map((error) => ({
        file,
        line: lines.linePos(error.pos[0]).line,
        column: lines.linePos(error.pos[0]).col,
        message: `Invalid YAML: ${error.message.split('\n')[0] ?? error.message}`,
      })),
    };
  }
  const value = yamlValue(doc);
  if (!value.ok) return { cases: [], problems: [{ file, line: 1, column: 1, message: `The cases cannot be read. ${value.message}` }] };
  const parsed = CasesList.safeParse(value.value);
  if (!parsed.success) {
    const detail = parsed.error.issues[0];
    const where = detail && detail.path.length ? ` (at ${detail.path.join('.')})` : '';
    return {
      cases: [],
      problems: [
        { file, message: `Expected a list of cases, each with a \`name\` and an \`input\` mapping${where}: ${detail?.message ?? 'invalid'}` },
      ],
    };
  }
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const entry of parsed.data) {
    if (seen.has(entry.name)) problems.push({ file, message: `Two cases are named "${entry.name}"; give each case its own name.` });
    seen.add(entry.name);
  }
  return { cases: parsed.data, problems };
}
