// Why a value does not fit a JSON Schema, in sentences a person can act on ("priority: expected
// integer"). Uses the same validator as `json` checks (@cfworker/json-schema, no generated code).
import { Validator, type Schema } from '@cfworker/json-schema';

/** At most this many problems per value: the first few say what is wrong. */
const MAX_PROBLEMS = 5;
const AGGREGATE_KEYWORDS = new Set(['properties', 'items', 'prefixItems', 'allOf', '$ref']);

export function schemaProblems(value: unknown, schema: Record<string, unknown> | undefined): string[] {
  if (!schema) return [];
  let result;
  try {
    result = new Validator(schema as Schema, '7', false).validate(value);
  } catch {
    return []; // a schema the validator cannot read is not the value's fault
  }
  if (result.valid) return [];
  const problems: string[] = [];
  for (const error of result.errors) {
    // "properties" and friends only say that something inside failed; the inner errors say what.
    if (AGGREGATE_KEYWORDS.has(error.keyword)) continue;
    const where = error.instanceLocation.replace(/^#\/?/, '').replace(/\//g, '.');
    const problem = `${where || 'input'}: ${wording(error.error)}`;
    if (!problems.includes(problem)) problems.push(problem);
    if (problems.length === MAX_PROBLEMS) break;
  }
  return problems;
}

/** The validator's sentence, shorter: `Instance type "string" is invalid. Expected "integer", "null".` → `is a string; the schema wants integer or null`. */
function wording(message: string): string {
  const type = /^Instance type "(\w+)" is invalid\. Expected (.*)\.$/.exec(message);
  if (type) return `is ${/^[aeiou]/.test(type[1]!) ? 'an' : 'a'} ${type[1]}; the schema wants ${type[2]!.replace(/"/g, '').replace(/, /g, ' or ')}`;
  return message.replace(/^Instance /, '');
}
