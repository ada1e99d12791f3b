// Where a prompt's front matter ends and its template begins, by the rule of the `dotprompt`
// library that renders it, so the settings the app shows are the ones the render uses. Front
// matter is optional: without it the whole file is the template. The library sees front matter only
// when the file opens with a `---` line and a later `---` line is followed by a line break, and
// only when there is something between them; otherwise every line, dashes included, is template
// text. dotpromptFormat.test.ts holds this to the library's own renders.
import type { Problem } from '../../../shared/prompts';

/** The library's pattern (`---`, the YAML, `---`, a line break, the body), with `d` for the groups' offsets. */
const LIBRARY_FRONT_MATTER = /^---\s*(?:\r\n|\r|\n)([\s\S]*?)(?:\r\n|\r|\n)---\s*(?:\r\n|\r|\n)([\s\S]*)$/d;

export interface FrontMatterSplit {
  /** The YAML between the `---` lines. */
  yaml: string;
  /** 1-based line of the file where the YAML starts. */
  yamlLine: number;
  /** The text after the closing `---` line, untrimmed (the library trims it to make the template). */
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
}

/** The front matter as the library reads it, or null when it reads none (the whole file is the template). */
export function splitFrontMatter(source: string): FrontMatterSplit | null {
  const match = LIBRARY_FRONT_MATTER.exec(source);
  const yaml = match?.[1];
  const body = match?.[2];
  const [yamlStart] = match?.indices?.[1] ?? [];
  if (!yaml || body === undefined || yamlStart === undefined) return null;
  return { yaml, yamlLine: lineAt(source, yamlStart), body, bodyLine: lineAt(source, source.length - body.length) };
}

/**
 * A file that looks as if it had front matter the library does not see: its lines, `---` included,
 * are sent to the model. The render stays the library's; this says so, and how to change it.
 */
export function unreadFrontMatter(file: string, source: string): Problem | null {
  if (splitFrontMatter(source) !== null) return null;
  const lines = source.split(/\r\n|\r|\n/);
  if (lines[0]?.trim() !== '---') return null;
  const closing = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  const empty = closing > 0 && lines.slice(1, closing).every((line) => line.trim() === '');
  const message = empty
    ? 'The front matter is empty, so Dotprompt reads these `---` lines as part of the template and they are sent to the model. Delete them, or put settings such as `model:` between them.'
    : 'Dotprompt finds no front matter here (it needs a closing `---` line followed by a line break), so these lines are sent to the model as text. Close the front matter, or delete the opening `---`.';
  return { file, line: 1, column: 1, message };
}

function lineAt(source: string, offset: number): number {
  const before = source.slice(0, offset).match(/\r\n|\r|\n/g);
  return (before?.length ?? 0) + 1;
}
