// A prompt's `output.schema` is written in Picoschema (or JSON Schema, which Picoschema passes
// through); validators need JSON Schema. One conversion, by the `dotprompt` library, for the run
// planner (the schema sent to providers) and for `json` checks (the schema outputs are held to).
import { picoschema } from 'dotprompt';

export type OutputJsonSchema = { ok: true; schema: Record<string, unknown> | undefined } | { ok: false; message: string };

export async function outputJsonSchema(schema: unknown): Promise<OutputJsonSchema> {
  if (schema === undefined || schema === null) return { ok: true, schema: undefined };
  try {
    const converted = (await picoschema(schema)) as Record<string, unknown> | null;
    return { ok: true, schema: converted ?? undefined };
  } catch (error) {
    return { ok: false, message: `output.schema is not valid Picoschema: ${error instanceof Error ? error.message : String(error)}` };
  }
}
