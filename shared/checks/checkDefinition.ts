// Reads one check as written in YAML: a map whose first key is its kind, the kind's value its main
// parameter, and further keys its options (`name` on any kind). Nothing here runs code from the
// workspace: a regex is refused when it could backtrack without end (safeRegex.ts).
import { CHECK_KINDS, type CheckKind, type CheckSpec } from './checkTypes';
import { unsafeRegexReason } from './safeRegex';

export type ReadCheck = { ok: true; spec: CheckSpec; name: string | null } | { ok: false; message: string };

const OPTIONS: Record<CheckKind, readonly string[]> = {
  equals: [],
  contains: [],
  icontains: [],
  'not-contains': [],
  'contains-any': [],
  'contains-all': [],
  'starts-with': [],
  regex: ['flags'],
  'max-length': [],
  'max-words': [],
  json: [],
  'json-path': ['equals', 'in', 'min', 'max'],
  similar: ['threshold', 'method'],
  'latency-ms': [],
  'cost-usd': [],
  rubric: ['judge', 'judgeRepeats'],
};

const KIND_LIST = CHECK_KINDS.join(', ');
const isKind = (key: string): key is CheckKind => (CHECK_KINDS as readonly string[]).includes(key);

export function readCheck(raw: unknown): ReadCheck {
  // `- json` alone is the one kind that needs no parameter.
  if (raw === 'json') return { ok: true, spec: { kind: 'json' }, name: null };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail(`A check is a mapping whose first key is its kind (${KIND_LIST}), for example \`- contains: reset\`.`);
  }
  const entries = Object.entries(raw as Record<string, unknown>);
  const kindKey = entries.find(([key]) => key !== 'name')?.[0];
  if (kindKey === undefined) return fail(`This check has no kind. Start it with one of: ${KIND_LIST}.`);
  if (!isKind(kindKey)) return fail(`"${kindKey}" is not a kind of check. Use one of: ${KIND_LIST}.`);
  const record = raw as Record<string, unknown>;
  const name = record.name;
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) return fail('`name` must be a non-empty text.');
  for (const key of Object.keys(record)) {
    if (key !== 'name' && key !== kindKey && !OPTIONS[kindKey].includes(key)) {
      const allowed = OPTIONS[kindKey].length ? `it takes ${OPTIONS[kindKey].map((option) => `\`${option}\``).join(', ')} and \`name\`` : 'it takes only `name` besides its value';
      return fail(`A \`${kindKey}\` check has no option \`${key}\`: ${allowed}.`);
    }
  }
  const spec = specOf(kindKey, record[kindKey], record);
  return typeof spec === 'string' ? fail(spec) : { ok: true, spec, name: typeof name === 'string' ? name.trim() : null };
}

/** The normalised spec, or what is wrong with it. */
function specOf(kind: CheckKind, value: unknown, options: Record<string, unknown>): CheckSpec | string {
  switch (kind) {
    case 'equals':
    case 'contains':
    case 'icontains':
    case 'not-contains':
    case 'starts-with':
      if (!isScalar(value)) return `\`${kind}\` takes a text, for example \`${kind}: reset\`.`;
      // Every output contains the empty text: such a check could never fail.
      if (kind !== 'equals' && String(value) === '') return `\`${kind}\` takes a text that is not empty, for example \`${kind}: reset\`.`;
      return { kind, value: String(value) };
    case 'contains-any':
    case 'contains-all':
      if (!Array.isArray(value) || value.length === 0 || !value.every(isScalar)) return `\`${kind}\` takes a list of texts, for example \`${kind}: [refund, credit]\`.`;
      return { kind, values: value.map(String) };
    case 'regex': {
      if (typeof value !== 'string' || value === '') return '`regex` takes a pattern, for example `regex: "^[A-Z][a-z]+$"`.';
      const flags = options.flags ?? '';
      if (typeof flags !== 'string' || !/^[ims]*$/.test(flags)) return '`flags` may hold only i (ignore case), m (multi-line) and s (dot matches newlines).';
      const unsafe = unsafeRegexReason(value);
      if (unsafe) return unsafe;
      try {
        new RegExp(value, flags);
      } catch (error) {
        return `The pattern is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}.`;
      }
      return { kind, pattern: value, flags };
    }
    case 'max-length':
    case 'max-words':
    case 'latency-ms':
    case 'cost-usd': {
      const integer = kind !== 'cost-usd';
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
        return `\`${kind}\` takes ${integer ? 'a whole number' : 'a number'} of 0 or more, for example \`${kind}: ${EXAMPLE_LIMIT[kind]}\`.`;
      }
      return { kind, limit: value };
    }
    case 'json':
      if (value !== true && value !== null && value !== 'schema') return '`json` takes no value: write `- json` (or `json: true`); it also checks the output schema when the prompt has one.';
      return { kind };
    case 'json-path':
      return jsonPathSpec(value, options);
    case 'similar': {
      if (typeof value !== 'string' || value.trim() === '') return '`similar` takes the reference text the output should read like.';
      const threshold = options.threshold ?? 0.8;
      if (typeof threshold !== 'number' || threshold < 0 || threshold > 1) return '`threshold` is a number from 0 to 1 (0.8 when left out).';
      const method = options.method ?? 'lexical';
      // Nothing decides an embedding similarity yet: accepting it would leave its samples undecided, uncounted, for ever.
      if (method === 'embedding') return '`method: embedding` is not available yet. Use `lexical` (word overlap, the default), or a `rubric` check that a model judges.';
      if (method !== 'lexical') return '`method` is `lexical` (word overlap, the default).';
      return { kind, value, threshold, method };
    }
    case 'rubric': {
      if (typeof value !== 'string' || value.trim() === '') return '`rubric` takes what a good output does, for example `rubric: Politely offers a reset link`.';
      const judge = options.judge ?? null;
      if (judge !== null && (typeof judge !== 'string' || !/^[^/\s]+\/\S+$/.test(judge))) return '`judge` is a model as provider/model, for example `openai/gpt-4o-mini`.';
      const repeats = options.judgeRepeats ?? 1;
      if (typeof repeats !== 'number' || !Number.isInteger(repeats) || repeats < 1 || repeats > 9 || repeats % 2 === 0) {
        return '`judgeRepeats` is an odd whole number from 1 to 9, so the majority is always clear.';
      }
      return { kind, rubric: value.trim(), judge, judgeRepeats: repeats };
    }
  }
}

const EXAMPLE_LIMIT = { 'max-length': 280, 'max-words': 1, 'latency-ms': 2000, 'cost-usd': 0.01 } as const;

function jsonPathSpec(path: unknown, options: Record<string, unknown>): CheckSpec | string {
  if (typeof path !== 'string' || !path.startsWith('$')) return '`json-path` takes a path from the output\'s root, for example `json-path: $.intent`.';
  const parsed = parsePathError(path);
  if (parsed) return parsed;
  const has = (key: string) => Object.hasOwn(options, key);
  if (!has('equals') && !has('in') && !has('min') && !has('max')) return 'A `json-path` check needs `equals`, `in`, `min` or `max` to say what the value must be.';
  if (has('in') && (!Array.isArray(options.in) || options.in.length === 0)) return '`in` takes a list of the allowed values, for example `in: [billing, refund]`.';
  for (const bound of ['min', 'max'] as const) {
    if (has(bound) && (typeof options[bound] !== 'number' || !Number.isFinite(options[bound]))) return `\`${bound}\` takes a number, for example \`${bound}: 0.8\`.`;
  }
  return {
    kind: 'json-path',
    path,
    ...(has('equals') ? { equals: options.equals } : {}),
    ...(has('in') ? { in: options.in as unknown[] } : {}),
    ...(has('min') ? { min: options.min as number } : {}),
    ...(has('max') ? { max: options.max as number } : {}),
  };
}

function parsePathError(path: string): string | null {
  return /^\$(\.[A-Za-z_$][\w$-]*|\[\d+\]|\['[^']*'\]|\["[^"]*"\])*$/.test(path)
    ? null
    : `"${path}" is not a path this check reads. Use $ then .field, [0] or ['field name'] steps, for example $.items[0].name.`;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function fail(message: string): ReadCheck {
  return { ok: false, message };
}
