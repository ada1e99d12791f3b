// Does an output parse as JSON and fit the prompt's output schema? A small interpreter for the
// JSON Schema that Dotprompt's picoschema produces (types, including `[type, "null"]` for optional
// fields, properties, required, additionalProperties, items, enum), plus the common constraints a
// hand-written schema adds (const, bounds, lengths, pattern, anyOf/oneOf/allOf/not).
//
// It walks the schema instead of compiling it: the renderer runs under a strict Content Security
// Policy that forbids generated code, which rules out validator libraries that compile schemas.
// Keywords it does not know (including $ref) are ignored, as JSON Schema does with unknown keywords,
// so an unusual schema errs towards "valid" rather than failing good outputs.

export type JsonParse = { ok: true; value: unknown } | { ok: false };

// Models often wrap JSON in a Markdown code fence even when asked not to.
const FENCED = /^```[A-Za-z]*[ \t]*\r?\n([\s\S]*?)\r?\n?```$/;

/** Parses an output as JSON, accepting a single ``` or ```json fenced block around it. */
export function parseJsonOutput(output: string): JsonParse {
  const trimmed = output.trim();
  const body = FENCED.exec(trimmed)?.[1] ?? trimmed;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false };
  }
}

/** True when the output is JSON (optionally fenced) that fits the schema. */
export function isSchemaValid(output: string, schema: Record<string, unknown>): boolean {
  const parsed = parseJsonOutput(output);
  return parsed.ok && matchesSchema(parsed.value, schema);
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      // An unknown type name constrains nothing we can check.
      return true;
  }
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
  }
  return false;
}

const numberAt = (schema: JsonObject, keyword: string): number | null => {
  const value = schema[keyword];
  return typeof value === 'number' ? value : null;
};

function fitsNumberBounds(value: number, schema: JsonObject): boolean {
  const minimum = numberAt(schema, 'minimum');
  const maximum = numberAt(schema, 'maximum');
  const exclusiveMinimum = numberAt(schema, 'exclusiveMinimum');
  const exclusiveMaximum = numberAt(schema, 'exclusiveMaximum');
  return (
    (minimum === null || value >= minimum) &&
    (maximum === null || value <= maximum) &&
    (exclusiveMinimum === null || value > exclusiveMinimum) &&
    (exclusiveMaximum === null || value < exclusiveMaximum)
  );
}

function fitsString(value: string, schema: JsonObject): boolean {
  // Lengths count characters (code points), as JSON Schema defines them, not UTF-16 units.
  const length = [...value].length;
  const minLength = numberAt(schema, 'minLength');
  const maxLength = numberAt(schema, 'maxLength');
  if ((minLength !== null && length < minLength) || (maxLength !== null && length > maxLength)) return false;
  if (typeof schema.pattern !== 'string') return true;
  try {
    return new RegExp(schema.pattern, 'u').test(value);
  } catch {
    // A pattern this engine cannot read is not the output's fault.
    return true;
  }
}

function fitsArray(value: unknown[], schema: JsonObject): boolean {
  const minItems = numberAt(schema, 'minItems');
  const maxItems = numberAt(schema, 'maxItems');
  if ((minItems !== null && value.length < minItems) || (maxItems !== null && value.length > maxItems)) return false;
  const { items } = schema;
  // The older tuple form: one schema per position.
  if (Array.isArray(items)) return items.every((itemSchema, i) => i >= value.length || matchesSchema(value[i], itemSchema));
  if (items === undefined) return true;
  return value.every((item) => matchesSchema(item, items));
}

function fitsObject(value: JsonObject, schema: JsonObject): boolean {
  const properties = isObject(schema.properties) ? schema.properties : {};
  if (Array.isArray(schema.required) && !schema.required.every((name) => typeof name !== 'string' || Object.hasOwn(value, name))) return false;
  for (const [name, item] of Object.entries(value)) {
    if (Object.hasOwn(properties, name)) {
      if (!matchesSchema(item, properties[name])) return false;
    } else if (schema.additionalProperties !== undefined && !matchesSchema(item, schema.additionalProperties)) {
      return false;
    }
  }
  return true;
}

function fitsCombinators(value: unknown, schema: JsonObject): boolean {
  const list = (keyword: string): unknown[] | null => (Array.isArray(schema[keyword]) ? (schema[keyword] as unknown[]) : null);
  const allOf = list('allOf');
  const anyOf = list('anyOf');
  const oneOf = list('oneOf');
  if (allOf && !allOf.every((part) => matchesSchema(value, part))) return false;
  if (anyOf && !anyOf.some((part) => matchesSchema(value, part))) return false;
  if (oneOf && oneOf.filter((part) => matchesSchema(value, part)).length !== 1) return false;
  if (schema.not !== undefined && matchesSchema(value, schema.not)) return false;
  return true;
}

/** Whether a parsed JSON value fits a schema (an object, or `true`/`false` as JSON Schema allows). */
export function matchesSchema(value: unknown, schema: unknown): boolean {
  if (schema === true || schema === undefined) return true;
  if (schema === false) return false;
  if (!isObject(schema)) return true;
  const { type } = schema;
  if (type !== undefined && !(Array.isArray(type) ? type.some((name) => hasType(value, name)) : hasType(value, type))) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => jsonEqual(option, value))) return false;
  if (Object.hasOwn(schema, 'const') && !jsonEqual(schema.const, value)) return false;
  if (typeof value === 'number' && !fitsNumberBounds(value, schema)) return false;
  if (typeof value === 'string' && !fitsString(value, schema)) return false;
  if (Array.isArray(value) && !fitsArray(value, schema)) return false;
  if (isObject(value) && !fitsObject(value, schema)) return false;
  return fitsCombinators(value, schema);
}
