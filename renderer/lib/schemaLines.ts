// Turns a schema (usually Picoschema, as written in the front matter) into display lines:
// `name?(array): string, description` becomes key, modifiers, type and description, so each
// part can be styled. Anything else is shown as plain nested keys and values.

export interface SchemaLine {
  depth: number;
  key?: string;
  /** What follows the name in Picoschema: `?` for optional, `(array)`, `(enum, …)` and so on. */
  modifiers?: string;
  type?: string;
  description?: string;
  /** A literal value that is not a `type, description` pair. */
  value?: string;
}

const PICO_KEY = /^([^?(]+)(\??(?:\(.*\))?)$/;
const TYPE_AND_DESCRIPTION = /^([A-Za-z][\w.]*(?:\[\])?)(?:\s*,\s*([\s\S]*))?$/;

export function schemaLines(schema: unknown, depth = 0): SchemaLine[] {
  if (isRecord(schema)) {
    return Object.entries(schema).flatMap(([rawKey, value]) => {
      const keyMatch = PICO_KEY.exec(rawKey);
      const head: SchemaLine = { depth, key: keyMatch?.[1] ?? rawKey };
      if (keyMatch?.[2]) head.modifiers = keyMatch[2];
      if (isRecord(value)) return [head, ...schemaLines(value, depth + 1)];
      return [{ ...head, ...describeValue(value) }];
    });
  }
  return [{ depth, ...describeValue(schema) }];
}

function describeValue(value: unknown): Pick<SchemaLine, 'type' | 'description' | 'value'> {
  if (typeof value === 'string') {
    const match = TYPE_AND_DESCRIPTION.exec(value);
    if (match?.[1]) return match[2] ? { type: match[1], description: match[2] } : { type: match[1] };
    return { value };
  }
  if (Array.isArray(value)) return { value: `[${value.map((item) => inline(item)).join(', ')}]` };
  return { value: inline(value) };
}

function inline(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value) ?? String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Field names a schema declares at its top level, without Picoschema modifiers. */
export function schemaFieldNames(schema: unknown): string[] {
  if (!isRecord(schema)) return [];
  return Object.keys(schema).map((key) => PICO_KEY.exec(key)?.[1] ?? key);
}
