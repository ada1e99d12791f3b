// A check as the Cases tab edits it: the raw value as written in the cases file (a map whose first
// key is its kind), shown as a few fields per kind. Editing a field changes only that key, so keys
// this form does not know stay in the file, and shared/checks/checkDefinition.ts says what is wrong.
import { deepEqual } from '../../../lib/caseList';
import type { ReadCheck } from '../../../../shared/checks/checkDefinition';
import { CHECK_KINDS, type CheckKind } from '../../../../shared/checks/checkTypes';
import { describeCheck } from '../../../../shared/checks/describeCheck';

/** How a field is typed: text as is, a number, lines of text, a YAML-like value, lines of values, or a choice. */
export type FieldType = 'text' | 'longText' | 'number' | 'lines' | 'value' | 'valueLines' | 'choice' | 'path';

export interface CheckField {
  /** The key in the check's map; the main one is the kind itself. */
  key: string;
  label: string;
  type: FieldType;
  placeholder?: string;
  choices?: readonly string[];
}

const text = (kind: string, label = 'Text'): CheckField[] => [{ key: kind, label, type: 'text' }];
const limit = (kind: string, label: string): CheckField[] => [{ key: kind, label, type: 'number' }];

/** The fields of each kind, main parameter first; every kind also takes an optional name. */
export const CHECK_FIELDS: Record<CheckKind, readonly CheckField[]> = {
  equals: text('equals', 'Whole output'),
  contains: text('contains'),
  icontains: text('icontains', 'Text (any case)'),
  'not-contains': text('not-contains'),
  'starts-with': text('starts-with'),
  'contains-any': [{ key: 'contains-any', label: 'Texts', type: 'lines', placeholder: 'one per line' }],
  'contains-all': [{ key: 'contains-all', label: 'Texts', type: 'lines', placeholder: 'one per line' }],
  regex: [
    { key: 'regex', label: 'Pattern', type: 'text', placeholder: '^[A-Z]' },
    { key: 'flags', label: 'Flags', type: 'text', placeholder: 'i m s' },
  ],
  'max-length': limit('max-length', 'Characters'),
  'max-words': limit('max-words', 'Words'),
  'latency-ms': limit('latency-ms', 'Milliseconds'),
  'cost-usd': limit('cost-usd', 'US dollars'),
  json: [],
  'json-path': [
    { key: 'json-path', label: 'Path', type: 'path', placeholder: '$.field' },
    { key: 'equals', label: 'Equals', type: 'value', placeholder: 'a value' },
    { key: 'in', label: 'One of', type: 'valueLines', placeholder: 'one per line' },
    { key: 'min', label: 'Min', type: 'number' },
    { key: 'max', label: 'Max', type: 'number' },
  ],
  similar: [
    { key: 'similar', label: 'Reads like', type: 'longText', placeholder: 'the reference text' },
    { key: 'threshold', label: 'Threshold', type: 'number', placeholder: '0.8' },
    { key: 'method', label: 'Method', type: 'choice', choices: ['lexical'] },
  ],
  rubric: [
    { key: 'rubric', label: 'Rubric', type: 'longText', placeholder: 'what a good output does' },
    { key: 'judge', label: 'Judge', type: 'text', placeholder: 'provider/model' },
    { key: 'judgeRepeats', label: 'Judge repeats', type: 'number', placeholder: '1' },
  ],
};

/** What each kind holds the output to, for the menu that adds one. */
export const KIND_DESCRIPTIONS: Record<CheckKind, string> = {
  equals: 'the whole output is exactly a text',
  contains: 'has a text',
  icontains: 'has a text, in any case',
  'not-contains': 'does not have a text',
  'contains-any': 'has at least one of some texts',
  'contains-all': 'has every one of some texts',
  'starts-with': 'begins with a text',
  regex: 'matches a pattern',
  'max-length': 'at most so many characters',
  'max-words': 'at most so many words',
  json: 'is JSON (and fits the output schema)',
  'json-path': 'a value in the JSON output',
  similar: 'reads like a reference text',
  'latency-ms': 'answered within a time',
  'cost-usd': 'cost at most an amount',
  rubric: 'a judge model grades it',
};

/** What a readable check says beside its kind: its name, else its description unless that is only the kind (`json`). */
export function checkSummary(read: ReadCheck): string {
  if (!read.ok) return '';
  const label = read.name ?? describeCheck(read.spec);
  return label === read.spec.kind ? '' : label;
}

/** The kind a raw check is written as, or null when it names none this form can edit. */
export function checkKindOf(raw: unknown): CheckKind | null {
  if (raw === 'json') return 'json';
  if (!isRecord(raw)) return null;
  const key = Object.keys(raw).find((candidate) => candidate !== 'name');
  return key !== undefined && (CHECK_KINDS as readonly string[]).includes(key) ? (key as CheckKind) : null;
}

/** A new check of a kind, its main parameter still to fill in. */
export function newCheck(kind: CheckKind): unknown {
  if (kind === 'json') return 'json';
  const main = CHECK_FIELDS[kind][0];
  if (main?.type === 'lines') return { [kind]: [] };
  if (main?.type === 'number') return { [kind]: null };
  return { [kind]: '' };
}

/** Sets one key of a check; undefined removes an option. Other keys keep their place and value. */
export function setCheckField(raw: unknown, key: string, value: unknown): Record<string, unknown> {
  const record: Record<string, unknown> = raw === 'json' ? { json: true } : isRecord(raw) ? { ...raw } : {};
  if (value === undefined) delete record[key];
  else record[key] = value;
  return record;
}

/** A check's optional name; blank removes it. */
export function setCheckName(raw: unknown, name: string): unknown {
  const next = setCheckField(raw, 'name', name === '' ? undefined : name);
  // `- json` stays the short form when nothing else is set.
  return Object.keys(next).length === 1 && next.json === true && raw === 'json' ? 'json' : next;
}

/** A field's value as text in its input. */
export function formatField(type: FieldType, value: unknown): string {
  if (value === undefined || value === null) return '';
  switch (type) {
    case 'lines':
      return Array.isArray(value) ? value.map(String).join('\n') : formatValue(value);
    case 'valueLines':
      return Array.isArray(value) ? value.map(formatValue).join('\n') : formatValue(value);
    case 'value':
      return formatValue(value);
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/**
 * A field's text as the value to write. An emptied option is removed (undefined), an emptied main
 * parameter stays (so the check keeps its kind). A number that does not read as one stays text,
 * for checkDefinition to explain.
 */
export function parseField(type: FieldType, input: string, main: boolean): unknown {
  if (input.trim() === '' && type !== 'lines' && type !== 'valueLines') return main ? (type === 'number' ? null : '') : undefined;
  switch (type) {
    case 'number':
      return NUMBER.test(input.trim()) ? Number(input.trim()) : input;
    case 'value':
      return parseValue(input);
    case 'lines':
    case 'valueLines': {
      const lines = input.split('\n').filter((line) => line.trim() !== '');
      if (lines.length === 0) return main ? [] : undefined;
      return type === 'lines' ? lines : lines.map(parseValue);
    }
    default:
      return input;
  }
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const JSON_LITERAL = /^(-?\d|true$|false$|null$|["[{])/;

/** As YAML would read a value written after `equals:`: numbers, true/false/null and JSON; anything else is text. */
export function parseValue(input: string): unknown {
  const trimmed = input.trim();
  if (JSON_LITERAL.test(trimmed)) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      // Not JSON after all: it is text.
    }
  }
  return input;
}

/** Text shows as itself unless it would read back as something else ("12", "true"): then quoted. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string' && deepEqual(parseValue(value), value)) return value;
  return JSON.stringify(value) ?? '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
