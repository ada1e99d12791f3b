// From a table of imported text to cases: which column goes to which input (matched by name first,
// changeable by the person), each value turned into the type its field wants (numbers, booleans,
// objects and arrays from their JSON text), and every row checked against the input schema, its
// problems listed so a person sees exactly which rows need fixing before keeping them.
import type { PromptCase } from '../../../../shared/prompts';
import { uniqueCaseName, type SchemaField } from '../caseModel';
import { typeProblem, type FieldSpec } from './fieldTypes';

/** Where a column goes: the case's name, one input, or nowhere. */
export const NAME_TARGET = ':name';
export const IGNORE_TARGET = ':ignore';

/** Imported rows by column: CSV and TSV cells are text; JSON Lines values keep their JSON type. */
export interface ImportTable {
  header: string[];
  rows: Record<string, unknown>[];
}

export interface ImportedRow {
  entry: PromptCase;
  /** What does not fit the input schema, one sentence each; empty when the row is valid. */
  problems: string[];
}

export function tableFromRecords(header: readonly string[], records: readonly string[][]): ImportTable {
  return {
    header: [...header],
    rows: records.map((record) => Object.fromEntries(header.map((column, index) => [column, record[index] ?? '']))),
  };
}

const simplify = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * A target per column: the input of the same name (ignoring case, spaces, `_` and `-`), a `name`
 * or `case` column as the case's name (unless the schema has an input by that name), else ignored.
 * Without a schema every column becomes an input of its own name.
 */
export function autoMapColumns(header: readonly string[], fields: readonly SchemaField[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  const used = new Set<string>();
  let named = false;
  for (const column of header) {
    const field = fields.find((candidate) => simplify(candidate.name) === simplify(column) && !used.has(candidate.name));
    if (field) {
      mapping[column] = field.name;
      used.add(field.name);
    } else if (!named && ['name', 'case', 'casename'].includes(simplify(column))) {
      mapping[column] = NAME_TARGET;
      named = true;
    } else mapping[column] = fields.length === 0 && column !== '' ? column : IGNORE_TARGET;
  }
  return mapping;
}

/** An imported cell as the value its field wants; empty text means "not set". */
export function importValue(raw: unknown, spec: FieldSpec | undefined): { value: unknown } | { error: string } {
  if (typeof raw !== 'string') return { value: raw ?? undefined };
  if (raw.trim() === '') return { value: undefined };
  const type = spec?.type ?? 'string';
  const textEnum = spec?.values !== undefined && spec.values.every((allowed) => typeof allowed === 'string');
  if (type === 'string' || textEnum) return { value: raw };
  // Free: JSON when it reads as JSON, else the text itself.
  if (type === 'any' && spec?.values === undefined) return { value: tryJson(raw) ?? raw };
  const parsed = tryJson(raw.trim());
  if (parsed === undefined) return { error: `“${clip(raw)}” is not ${type === 'any' ? 'JSON' : `${article(type)} ${type}`}` };
  return { value: parsed };
}

export function buildImportedRows(
  table: ImportTable,
  mapping: Readonly<Record<string, string>>,
  fields: readonly SchemaField[],
  specs: ReadonlyMap<string, FieldSpec>,
  existing: readonly PromptCase[],
): ImportedRow[] {
  const nameColumn = table.header.find((column) => mapping[column] === NAME_TARGET);
  const taken: PromptCase[] = [...existing];
  const existingNames = new Set(existing.map((entry) => entry.name));
  const importedNames = new Set<string>();
  return table.rows.map((row, index) => {
    const problems: string[] = [];
    const input: Record<string, unknown> = {};
    for (const column of table.header) {
      const target = mapping[column] ?? IGNORE_TARGET;
      if (target === NAME_TARGET || target === IGNORE_TARGET) continue;
      const result = importValue(row[column], specs.get(target));
      if ('error' in result) {
        // Kept as written, so a row imported with its problems shows what to fix.
        problems.push(`${target}: ${result.error}.`);
        input[target] = row[column];
        continue;
      }
      if (result.value === undefined) continue;
      const problem = specs.has(target) ? typeProblem(result.value, specs.get(target)!) : null;
      if (problem) problems.push(`${target}: ${problem}.`);
      input[target] = result.value;
    }
    for (const field of fields) if (field.required && input[field.name] === undefined) problems.push(`${field.name}: required by the input schema.`);
    const given = nameColumn === undefined ? '' : String(row[nameColumn] ?? '').trim();
    let name = given;
    if (given === '') name = uniqueCaseName(taken, `imported ${index + 1}`);
    else if (existingNames.has(given)) problems.push(`A case named “${given}” exists already; rename one of them.`);
    else if (importedNames.has(given)) problems.push(`Another imported row is named “${given}”; rename one of them.`);
    importedNames.add(name);
    const entry: PromptCase = { name, input };
    taken.push(entry);
    return { entry, problems };
  });
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const article = (type: string) => (/^[aeiou]/.test(type) ? 'an' : 'a');
const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);
