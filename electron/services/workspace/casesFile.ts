// Reads `<name>.cases.yaml`: a YAML list of `{ name, input }`. A missing file means no cases.
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { PromptCase, type Problem } from '../../../shared/prompts';

const CasesList = z.array(PromptCase);

export interface ParsedCases {
  cases: PromptCase[];
  problems: Problem[];
}

export function parseCasesFile(file: string, source: string | undefined): ParsedCases {
  if (source === undefined || source.trim() === '') return { cases: [], problems: [] };
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
  const parsed = CasesList.safeParse(doc.toJS());
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
