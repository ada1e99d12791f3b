// JSON Schema (as Dotprompt's Picoschema becomes) written as a TypeScript type, for the types file
// `workbench types` generates. Covers what Picoschema produces and the common JSON Schema keywords
// (type lists, enum, const, anyOf/oneOf/allOf, items, properties, required, additionalProperties);
// anything else reads as `unknown`, which is safe: the caller's code has to check it.

type Schema = Record<string, unknown>;

export function schemaToType(schema: unknown, indent = ''): string {
  if (schema === true || schema === undefined) return 'unknown';
  if (schema === false) return 'never';
  if (!isSchema(schema)) return 'unknown';
  if ('const' in schema) return literal(schema.const);
  if (Array.isArray(schema.enum)) return union(schema.enum.map(literal));
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options)) return union(options.map((option) => schemaToType(option, indent)));
  }
  if (Array.isArray(schema.allOf)) return schema.allOf.map((part) => wrap(schemaToType(part, indent))).join(' & ') || 'unknown';
  const types = Array.isArray(schema.type) ? schema.type : typeof schema.type === 'string' ? [schema.type] : guessTypes(schema);
  if (types.length === 0) return 'unknown';
  return union(types.map((type) => typeFor(String(type), schema, indent)));
}

function typeFor(type: string, schema: Schema, indent: string): string {
  switch (type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return `${wrap(schemaToType(schema.items, indent))}[]`;
    case 'object':
      return objectType(schema, indent);
    default:
      return 'unknown';
  }
}

function objectType(schema: Schema, indent: string): string {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const inner = `${indent}  `;
  const lines: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    const description = isSchema(property) && typeof property.description === 'string' ? property.description : null;
    if (description) lines.push(`${inner}/** ${description.replace(/\*\//g, '* /')} */`);
    lines.push(`${inner}${propertyName(name)}${required.has(name) ? '' : '?'}: ${schemaToType(property, inner)};`);
  }
  const extra = schema.additionalProperties;
  if (extra !== undefined && extra !== false) lines.push(`${inner}[key: string]: ${extra === true ? 'unknown' : 'unknown /* ' + schemaToType(extra, inner).replace(/\*\//g, '* /') + ' */'};`);
  // Without properties and without a word on others, JSON Schema allows any object.
  if (lines.length === 0) return 'Record<string, unknown>';
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function guessTypes(schema: Schema): string[] {
  if (isSchema(schema.properties)) return ['object'];
  if ('items' in schema) return ['array'];
  return [];
}

function union(parts: string[]): string {
  const unique = [...new Set(parts)];
  if (unique.includes('unknown')) return 'unknown';
  return unique.length === 0 ? 'never' : unique.join(' | ');
}

/** Parenthesised where `[]` or `&` would otherwise bind to its last member. */
function wrap(type: string): string {
  return /^[\w<>, ]+$|^\{[\s\S]*\}$|^'[^']*'$/.test(type) && !type.includes(' | ') ? type : `(${type})`;
}

function literal(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null ? JSON.stringify(value) : 'unknown';
}

function propertyName(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
