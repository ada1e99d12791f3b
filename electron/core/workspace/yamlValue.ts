// A parsed YAML document as plain values. Aliases (`*name`) are expanded, and a few lines of
// nested aliases can expand into billions of values (an "alias bomb"); the expansion stops at a
// limit and the file gets a problem of its own instead of taking the app down.
import type { Document } from 'yaml';
import { MAX_YAML_ALIASES } from './fileLimits';

export type YamlValue = { ok: true; value: unknown } | { ok: false; message: string };

export function yamlValue(doc: Document.Parsed): YamlValue {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return /alias/i.test(reason)
      ? { ok: false, message: `It expands YAML aliases (*name) more than ${MAX_YAML_ALIASES} times, so Prompt Workbench stops reading it. Write the repeated values out.` }
      : { ok: false, message: `Its YAML could not be read: ${reason}` };
  }
}
