// The JSON paths an output schema promises, for suggesting a `json-path` check's path: `$.field`,
// `$.a.b`, and `$.items[0].x` through arrays. The schema is a prompt's `output.schema` as written,
// Picoschema (`contacts(array): { name: string }`) or JSON Schema (`type`, `properties`, `items`).

const MAX_DEPTH = 6;
const MAX_PATHS = 200;
const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;
const JSON_SCHEMA_TYPES = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null']);
const PICO_KEY = /^([^?(]+)(\?)?(?:\(([^,)]*)(?:,[^)]*)?\))?$/;

/** Every path the schema describes, parents before children, in the schema's order. */
export function schemaPaths(schema: unknown): string[] {
  const paths = new Set<string>();
  const add = (path: string) => {
    if (paths.size < MAX_PATHS) paths.add(path);
  };
  if (isJsonSchema(schema)) walkJsonSchema(schema, '$', 0, add);
  else walkPicoschema(schema, '$', 0, add);
  return [...paths];
}

/** One step after `path`: `.name`, or `['name with spaces']` when a dot cannot reach it. */
export function childPath(path: string, key: string): string {
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}['${key.replace(/'/g, '')}']`;
}

function walkJsonSchema(node: unknown, path: string, depth: number, add: (path: string) => void): void {
  if (!isRecord(node) || depth > MAX_DEPTH) return;
  if (isRecord(node.properties)) {
    for (const [key, child] of Object.entries(node.properties)) {
      const next = childPath(path, key);
      add(next);
      walkJsonSchema(child, next, depth + 1, add);
    }
  }
  if (isRecord(node.items)) {
    const next = `${path}[0]`;
    add(next);
    walkJsonSchema(node.items, next, depth + 1, add);
  }
  // A value that may take several shapes offers the paths of each.
  for (const branch of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = node[branch];
    if (Array.isArray(options)) for (const option of options) walkJsonSchema(option, path, depth, add);
  }
}

function walkPicoschema(node: unknown, path: string, depth: number, add: (path: string) => void): void {
  if (!isRecord(node) || depth > MAX_DEPTH) return;
  if (isJsonSchema(node)) {
    walkJsonSchema(node, path, depth, add);
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    const match = PICO_KEY.exec(key.trim());
    const name = match?.[1]?.trim();
    // `(*)` stands for any other key: no path to name.
    if (!name || name === '*' || !match) continue;
    const next = childPath(path, name);
    add(next);
    const modifier = match[3]?.trim();
    if (modifier === 'array') {
      add(`${next}[0]`);
      walkPicoschema(value, `${next}[0]`, depth + 1, add);
    } else if (modifier !== 'enum') {
      walkPicoschema(value, next, depth + 1, add);
    }
  }
}

/** Picoschema's own test: a map with a JSON Schema type or `properties` is JSON Schema already. */
function isJsonSchema(node: unknown): node is Record<string, unknown> {
  if (!isRecord(node)) return false;
  if (isRecord(node.properties)) return true;
  const type = node.type;
  return typeof type === 'string' ? JSON_SCHEMA_TYPES.has(type) : Array.isArray(type) && type.every((t) => typeof t === 'string' && JSON_SCHEMA_TYPES.has(t));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
