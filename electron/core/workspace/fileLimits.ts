// Limits on what the app reads from a workspace, which may be a cloned repository written by
// anyone. A prompt or cases file is a page or two of text; far bigger ones are refused with a
// message, so one hostile or mistaken file cannot take the app's memory or time.
import { WorkbenchError } from '../../../shared/errors';

/** Largest .prompt or .cases.yaml file the app opens. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Most `{{…}}` tags a template may have: its checks and rendering stay quick below this. */
export const MAX_TEMPLATE_TAGS = 10_000;
/** Most YAML aliases (`*name`) a file may expand: enough for real reuse, far too few for an alias bomb. */
export const MAX_YAML_ALIASES = 100;

export function tooLarge(file: string, bytes: number): WorkbenchError {
  return new WorkbenchError(
    'PROMPT_INVALID',
    `${file} is ${formatSize(bytes)}; Prompt Workbench opens prompt and cases files up to ${formatSize(MAX_FILE_BYTES)}. Make it smaller, then reload.`,
  );
}

export function tooManyTags(file: string, tags: number): WorkbenchError {
  return new WorkbenchError(
    'PROMPT_INVALID',
    `${file} has ${tags.toLocaleString('en-US')} template tags ({{…}}); Prompt Workbench renders templates with up to ${MAX_TEMPLATE_TAGS.toLocaleString('en-US')}. Simplify the template.`,
  );
}

/** How many `{{` open a tag in the template: a quick upper bound, before anything parses it. */
export function countTags(template: string): number {
  let count = 0;
  for (let at = template.indexOf('{{'); at !== -1; at = template.indexOf('{{', at + 2)) count++;
  return count;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
