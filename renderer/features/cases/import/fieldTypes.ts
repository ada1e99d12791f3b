// The type each top-level input expects, read from the input schema (Picoschema or JSON Schema),
// so imported text can be turned into the value the schema wants and checked against it.

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null' | 'any';

export interface FieldSpec {
  type: FieldType;
  /** The allowed values of an enum. */
  values?: readonly unknown[];
}

const PICO_KEY = /^([^?(]+)(\?)?(?:\((.*)\))?$/;
const SCALARS: readonly FieldType[] = ['string', 'number', 'integer', 'boolean', 'null', 'any'];

export function fieldTypes(schema: unknown): Map<string, FieldSpec> {
  const specs = new Map<string, FieldSpec>();
  if (!isRecord(schema)) return specs;
  if (schema.type === 'object' && isRecord(schema.properties)) {
    for (const [name, spec] of Object.entries(schema.properties)) specs.set(name, jsonSchemaSpec(spec));
    return specs;
  }
  for (const [key, value] of Object.entries(schema)) {
    const match = PICO_KEY.exec(key);
    const name = match?.[1]?.trim() ?? key;
    const modifier = match?.[3]?.split(',')[0]?.trim();
    if (modifier === 'array') specs.set(name, { type: 'array' });
    else if (modifier === 'object' || isRecord(value)) specs.set(name, { type: 'object' });
    else if (modifier === 'enum' || Array.isArray(value)) specs.set(name, { type: 'any', values: Array.isArray(value) ? value : [] });
    else {
      const type = typeof value === 'string' ? value.split(',')[0]?.trim() : undefined;
      specs.set(name, { type: SCALARS.includes(type as FieldType) ? (type as FieldType) : 'any' });
    }
  }
  return specs;
}

function jsonSchemaSpec(spec: unknown): FieldSpec {
  if (!isRecord(spec)) return { type: 'any' };
  const type = typeof spec.type === 'string' && [...SCALARS, 'object', 'array'].includes(spec.type) ? (spec.type as FieldType) : 'any';
  return Array.isArray(spec.enum) ? { type, values: spec.enum } : { type };
}

/** Why a value does not fit its field, or null when it does. */
export function typeProblem(value: unknown, spec: FieldSpec): string | null {
  if (spec.values && spec.values.length > 0 && !spec.values.some((allowed) => allowed === value)) {
    return `must be one of ${spec.values.map((allowed) => JSON.stringify(allowed)).join(', ')}`;
  }
  const fits: Record<FieldType, (v: unknown) => boolean> = {
    string: (v) => typeof v === 'string',
    number: (v) => typeof v === 'number' && Number.isFinite(v),
    integer: (v) => typeof v === 'number' && Number.isInteger(v),
    boolean: (v) => typeof v === 'boolean',
    object: isRecord,
    array: Array.isArray,
    null: (v) => v === null,
    any: () => true,
  };
  if (fits[spec.type](value)) return null;
  return `must be ${spec.type === 'integer' || spec.type === 'array' || spec.type === 'object' ? 'an' : 'a'} ${spec.type === 'null' ? 'null' : spec.type}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
