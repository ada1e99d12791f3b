// The cases file as a table: which columns the input schema asks for, what is wrong with each row,
// and the edits the table makes. Pure functions over PromptCase[], tested on their own.
import type { PromptCase } from '../../../shared/prompts';

export interface SchemaField {
  name: string;
  /** Picoschema marks optional fields with `?`; JSON Schema lists the required ones. */
  required: boolean;
  /** Strings are edited as text; everything else as JSON. */
  kind: 'text' | 'json';
  description?: string;
}

const PICO_KEY = /^([^?(]+)(\?)?(?:\((.*)\))?$/;
const PICO_TYPE = /^\s*([A-Za-z]+)\s*(?:,\s*([\s\S]*))?$/;

/** The top-level fields of an input schema, in Picoschema or JSON Schema form. */
export function schemaFields(schema: unknown): SchemaField[] {
  if (!isRecord(schema)) return [];
  if (schema.type === 'object' && isRecord(schema.properties)) {
    const required = Array.isArray(schema.required) ? schema.required : [];
    return Object.entries(schema.properties).map(([name, spec]) => ({
      name,
      required: required.includes(name),
      kind: isRecord(spec) && spec.type === 'string' ? 'text' : 'json',
      ...(isRecord(spec) && typeof spec.description === 'string' ? { description: spec.description } : {}),
    }));
  }
  return Object.entries(schema).map(([key, value]) => {
    const match = PICO_KEY.exec(key);
    const name = match?.[1]?.trim() ?? key;
    const modifier = match?.[3]?.split(',')[0]?.trim();
    const typed = typeof value === 'string' ? PICO_TYPE.exec(value) : null;
    const isText = (modifier === undefined || modifier === 'enum') && (modifier === 'enum' || typed?.[1] === 'string');
    const field: SchemaField = { name, required: match?.[2] !== '?', kind: isText ? 'text' : 'json' };
    if (typed?.[2]) field.description = typed[2];
    return field;
  });
}

export interface RowProblems {
  name?: string;
  /** Problems by input key. */
  cells: Record<string, string>;
}

export interface CasesValidation {
  rows: RowProblems[];
  /** Keys the cases use that the schema does not declare. */
  unknownKeys: string[];
  count: number;
}

export function validateCases(cases: readonly PromptCase[], fields: readonly SchemaField[], hasSchema: boolean): CasesValidation {
  const known = new Set(fields.map((field) => field.name));
  const unknown = new Set<string>();
  const nameCounts = new Map<string, number>();
  for (const entry of cases) nameCounts.set(entry.name.trim(), (nameCounts.get(entry.name.trim()) ?? 0) + 1);
  let count = 0;
  const rows = cases.map((entry) => {
    const row: RowProblems = { cells: {} };
    const name = entry.name.trim();
    if (!name) row.name = 'Give the case a name.';
    else if ((nameCounts.get(name) ?? 0) > 1) row.name = 'Another case has this name.';
    for (const field of fields) {
      if (field.required && entry.input[field.name] === undefined) row.cells[field.name] = `Required by the input schema.`;
    }
    if (hasSchema) {
      for (const key of Object.keys(entry.input)) {
        if (known.has(key)) continue;
        unknown.add(key);
        row.cells[key] = 'Not in the input schema.';
      }
    }
    count += (row.name ? 1 : 0) + Object.keys(row.cells).length;
    return row;
  });
  return { rows, unknownKeys: [...unknown], count };
}

/** A name not used yet: `base`, else `base 2`, `base 3`, … */
export function uniqueCaseName(cases: readonly PromptCase[], base: string): string {
  const taken = new Set(cases.map((entry) => entry.name));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base} ${n}`)) return `${base} ${n}`;
}

export function addCase(cases: readonly PromptCase[]): PromptCase[] {
  return [...cases, { name: uniqueCaseName(cases, `case ${cases.length + 1}`), input: {} }];
}

export function duplicateCase(cases: readonly PromptCase[], index: number): PromptCase[] {
  const original = cases[index];
  if (!original) return [...cases];
  // Everything the case holds is copied, its checks (`expect`) included, under a name of its own.
  const copy: PromptCase = { ...structuredClone(original), name: uniqueCaseName(cases, `${original.name} copy`) };
  return [...cases.slice(0, index + 1), copy, ...cases.slice(index + 1)];
}

export function removeCase(cases: readonly PromptCase[], index: number): PromptCase[] {
  return cases.filter((_, i) => i !== index);
}

export function insertCase(cases: readonly PromptCase[], index: number, entry: PromptCase): PromptCase[] {
  return [...cases.slice(0, index), entry, ...cases.slice(index)];
}

/** Moves a case up (-1) or down (+1); at either end nothing moves. */
export function moveCase(cases: readonly PromptCase[], index: number, delta: -1 | 1): PromptCase[] {
  const target = index + delta;
  const moved = cases[index];
  if (!moved || target < 0 || target >= cases.length) return [...cases];
  const rest = removeCase(cases, index);
  return insertCase(rest, target, moved);
}

export function renameCase(cases: readonly PromptCase[], index: number, name: string): PromptCase[] {
  return cases.map((entry, i) => (i === index ? { ...entry, name } : entry));
}

/** Sets one input; `undefined` removes the key (an empty cell means "not set"). */
export function setCaseInput(cases: readonly PromptCase[], index: number, key: string, value: unknown): PromptCase[] {
  return cases.map((entry, i) => {
    if (i !== index) return entry;
    const input = { ...entry.input };
    if (value === undefined) delete input[key];
    else input[key] = value;
    return { ...entry, input };
  });
}

/** Replaces a case's checks as written; none left means no `expect` key at all, as in the file. */
export function setCaseChecks(cases: readonly PromptCase[], index: number, checks: readonly unknown[]): PromptCase[] {
  return cases.map((entry, i) => {
    if (i !== index) return entry;
    const { expect: _previous, ...rest } = entry;
    return checks.length > 0 ? { ...rest, expect: [...checks] } : rest;
  });
}

export type ParsedCell = { ok: true; value: unknown } | { ok: false; error: string };

/** A JSON cell's text: empty means not set; anything else must be JSON. */
export function parseJsonCell(text: string): ParsedCell {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'invalid JSON';
    return { ok: false, error: `Not valid JSON: ${reason}` };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
