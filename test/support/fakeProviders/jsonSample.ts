// JSON answers for structured-output requests (openai response_format, anthropic forced tool use,
// ollama `format`). A schema walker rather than a schema library: it only has to produce values
// that a validator of the same schema accepts for ordinary schemas (objects, strings, numbers,
// booleans, enums, arrays, local $refs, anyOf), and it must stay cheap for the benchmark.
import { draw, generateText, phrase, pick, topicWords, type Rng, type Sampling } from './variety';

type Schema = Record<string, unknown>;

interface Walk {
  root: Schema;
  words: string[];
  rng: Rng;
}

const MAX_DEPTH = 8;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Resolves a local reference such as `#/$defs/Item` or `#/definitions/Item` against the root. */
function resolveRef(ref: string, root: Schema): Schema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const part of ref.slice(1).split('/').filter(Boolean)) {
    if (!isSchema(node)) return undefined;
    node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return isSchema(node) ? node : undefined;
}

function sampleString(schema: Schema, walk: Walk): string {
  const { rng, words } = walk;
  switch (schema.format) {
    case 'date':
      return `2024-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}`;
    case 'date-time':
      return new Date(Date.UTC(2024, 0, 1) + Math.floor(rng() * 365 * 86_400) * 1000).toISOString();
    case 'email':
      return `${pick(rng, words).replace(/[^\p{L}\p{N}]/gu, '') || 'user'}@example.com`;
    case 'uri':
    case 'url':
      return `https://example.com/${encodeURIComponent(pick(rng, words))}`;
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000'.replace(/0/g, () => Math.floor(rng() * 16).toString(16));
  }
  let text = phrase(rng, words, 1 + Math.floor(rng() * 4));
  const min = num(schema.minLength);
  const max = num(schema.maxLength);
  if (min !== undefined && text.length < min) text = text.padEnd(min, ' x');
  if (max !== undefined && text.length > max) text = text.slice(0, max);
  return text;
}

function sampleNumber(schema: Schema, walk: Walk, integer: boolean): number {
  const exclusiveMin = num(schema.exclusiveMinimum);
  const exclusiveMax = num(schema.exclusiveMaximum);
  const min = num(schema.minimum) ?? (exclusiveMin !== undefined ? exclusiveMin + (integer ? 1 : 0.01) : 0);
  let max = num(schema.maximum) ?? (exclusiveMax !== undefined ? exclusiveMax - (integer ? 1 : 0.01) : min + 100);
  if (max < min) max = min;
  if (integer) return Math.min(Math.floor(max), Math.ceil(min) + Math.floor(walk.rng() * (Math.floor(max) - Math.ceil(min) + 1)));
  return Math.min(max, Math.round((min + walk.rng() * (max - min)) * 100) / 100);
}

function sampleArray(schema: Schema, walk: Walk, depth: number): unknown[] {
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : Array.isArray(schema.items) ? schema.items : undefined;
  if (prefix) return prefix.map((item) => sample(item, walk, depth + 1));
  const minItems = num(schema.minItems) ?? 1;
  const maxItems = Math.max(minItems, num(schema.maxItems) ?? Math.max(3, minItems));
  const count = Math.min(20, minItems + Math.floor(walk.rng() * (Math.min(maxItems, minItems + 2) - minItems + 1)));
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) out.push(sample(schema.items, walk, depth + 1));
  return out;
}

function sampleObject(schema: Schema, walk: Walk, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (isSchema(schema.properties)) {
    for (const [key, property] of Object.entries(schema.properties)) out[key] = sample(property, walk, depth + 1);
  }
  return out;
}

/** A value that satisfies `schema` (roughly: keywords outside this walker are ignored). */
function sample(node: unknown, walk: Walk, depth: number): unknown {
  if (!isSchema(node) || depth > MAX_DEPTH) return depth > MAX_DEPTH ? null : phrase(walk.rng, walk.words, 2);
  let schema = node;
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(schema.$ref, walk.root);
    if (!target) return null;
    schema = target;
  }
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return pick(walk.rng, schema.enum);
  const union = (Array.isArray(schema.anyOf) && schema.anyOf) || (Array.isArray(schema.oneOf) && schema.oneOf);
  if (union && union.length > 0) {
    const options = union.filter((option) => !(isSchema(option) && option.type === 'null'));
    return sample(options[0] ?? union[0], walk, depth + 1);
  }
  if (Array.isArray(schema.allOf)) {
    const merged: Record<string, unknown> = {};
    for (const part of schema.allOf) Object.assign(merged, sample(part, walk, depth + 1));
    return merged;
  }
  let type = schema.type;
  if (Array.isArray(type)) type = type.find((t) => t !== 'null') ?? 'null';
  if (type === undefined) type = isSchema(schema.properties) ? 'object' : schema.items !== undefined ? 'array' : 'string';
  switch (type) {
    case 'object':
      return sampleObject(schema, walk, depth);
    case 'array':
      return sampleArray(schema, walk, depth);
    case 'integer':
      return sampleNumber(schema, walk, true);
    case 'number':
      return sampleNumber(schema, walk, false);
    case 'boolean':
      return walk.rng() < 0.5;
    case 'null':
      return null;
    default:
      return sampleString(schema, walk);
  }
}

/**
 * JSON text for a structured answer: a value of `schema` when one is given, else
 * `{"answer": "..."}` (plain JSON mode). Values vary with temperature like prose does.
 */
export function generateJson(schema: unknown, s: Sampling): string {
  if (!isSchema(schema)) return JSON.stringify({ answer: generateText(s) });
  return JSON.stringify(generateJsonValue(schema, s));
}

/** The value behind generateJson (anthropic tool_use wants an object, not text). */
export function generateJsonValue(schema: Schema, s: Sampling): unknown {
  const d = draw(s);
  // The variant fixes most values; above temperature 0.8 some of them come from per-call noise.
  const chance = (d.temperature - 0.8) * 0.5;
  const rng: Rng = chance > 0 ? () => (d.noise() < chance ? d.noise() : d.base()) : d.base;
  return sample(schema, { root: schema, words: topicWords(s.prompt), rng }, 0);
}
