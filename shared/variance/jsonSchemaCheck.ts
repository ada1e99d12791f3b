// Does an output parse as JSON and fit the prompt's output schema? The schema is checked by
// @cfworker/json-schema, a maintained validator (drafts 4, 7, 2019-09 and 2020-12, with $ref)
// that walks the schema instead of compiling it to code: the renderer runs under a strict Content
// Security Policy that forbids generated code, which rules out validators that compile schemas.

import { Validator, type Schema, type SchemaDraft } from '@cfworker/json-schema';

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

// A run checks thousands of outputs against the same few schema objects: each is prepared once.
const validators = new WeakMap<object, Validator>();

/** Whether a parsed JSON value fits a schema (an object, or `true`/`false` as JSON Schema allows). */
export function matchesSchema(value: unknown, schema: unknown): boolean {
  if (schema === true || schema === undefined) return true;
  if (schema === false) return false;
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return true;
  let validator = validators.get(schema);
  if (!validator) {
    validator = new Validator(schema as Schema, draftOf(schema as Record<string, unknown>), true);
    validators.set(schema, validator);
  }
  try {
    return validator.validate(value).valid;
  } catch {
    // A schema the validator cannot read (a bad pattern, a $ref to nowhere) is not the output's fault.
    return true;
  }
}

/**
 * Why a parsed JSON value does not fit a schema, one line per problem (`$.intent: …`); empty when
 * it fits, or when the schema cannot be read (as matchesSchema, that is not the value's fault).
 */
export function schemaErrors(value: unknown, schema: unknown): string[] {
  if (schema === false) return ['$: the schema accepts nothing'];
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return [];
  try {
    const result = new Validator(schema as Schema, draftOf(schema as Record<string, unknown>), false).validate(value);
    if (result.valid) return [];
    // The validator reports each failing keyword and its parents; the innermost ones say the most.
    const leaves = result.errors.filter((error) => !result.errors.some((other) => other !== error && other.instanceLocation.startsWith(error.instanceLocation) && other.instanceLocation !== error.instanceLocation));
    return (leaves.length > 0 ? leaves : result.errors).map((error) => `${jsonPointerToPath(error.instanceLocation)}: ${error.error}`);
  } catch {
    return [];
  }
}

/** `#/items/0/name` → `$.items[0].name`, as the checks write paths. */
function jsonPointerToPath(pointer: string): string {
  const steps = pointer.replace(/^#/, '').split('/').filter((step) => step !== '');
  return steps.reduce((path, step) => (/^\d+$/.test(step) ? `${path}[${step}]` : `${path}.${step.replace(/~1/g, '/').replace(/~0/g, '~')}`), '$');
}

/** The draft a schema names in `$schema`; draft 7 (what Dotprompt's Picoschema produces) otherwise. */
function draftOf(schema: Record<string, unknown>): SchemaDraft {
  const named = typeof schema.$schema === 'string' ? schema.$schema : '';
  if (named.includes('2020-12')) return '2020-12';
  if (named.includes('2019-09')) return '2019-09';
  if (named.includes('draft-04')) return '4';
  return '7';
}
