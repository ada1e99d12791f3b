// Reads one Dotprompt file into what the app shows. Front matter is optional, found by the
// library's own rule (frontMatter.ts); it is parsed with the same YAML library Dotprompt uses, but
// here errors keep their line and column (Dotprompt only logs them and sends the file as text).
import { Dotprompt } from 'dotprompt';
import { LineCounter, parseDocument } from 'yaml';
import type { Problem, SweepDefaults } from '../../../shared/prompts';
import { SweepDefaults as SweepSchema } from '../../../shared/prompts';
import { formatZodError } from '../../../shared/errors';
import { MAX_FILE_BYTES, tooLarge } from './fileLimits';
import { splitFrontMatter, unreadFrontMatter, type FrontMatterSplit } from './frontMatter';
import { yamlValue } from './yamlValue';

export interface ParsedPromptFile {
  description: string;
  model: string;
  config: Record<string, unknown>;
  inputSchema?: unknown;
  inputDefaults: Record<string, unknown>;
  outputFormat?: string;
  outputSchema?: unknown;
  sweep?: SweepDefaults;
  /** The prompt-wide checks as written under `metadata.workbench.checks` (read by core/checks/promptChecks.ts). */
  promptChecks?: unknown[];
  template: string;
  problems: Problem[];
  /** False when the front matter could not be read at all, so nothing can be rendered. */
  readable: boolean;
}

const dotprompt = new Dotprompt();

export function parsePromptFile(file: string, source: string): ParsedPromptFile {
  // Text from git history or an editor comes here without passing the working-file checks.
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > MAX_FILE_BYTES) {
    return { ...emptyMetadata(), template: '', readable: false, problems: [{ file, line: 1, column: 1, message: tooLarge(file, bytes).message }] };
  }
  const split = splitFrontMatter(source);
  if (!split) {
    // No front matter: the whole file is the template, settings come from the run and the workspace.
    const unread = unreadFrontMatter(file, source);
    return { ...emptyMetadata(), template: source, readable: true, problems: [...(unread ? [unread] : []), ...emptyTemplate(file, source, false)] };
  }
  const yamlProblems = frontMatterProblems(file, split);
  if (yamlProblems.length > 0) {
    return { ...emptyMetadata(), template: split.body, problems: yamlProblems, readable: false };
  }
  const parsed = dotprompt.parse(source);
  const raw: Record<string, unknown> = parsed.raw ?? {};
  const problems: Problem[] = [];
  const sweep = readSweep(file, raw, problems);
  problems.push(...emptyTemplate(file, parsed.template, true));
  return {
    description: typeof parsed.description === 'string' ? parsed.description : '',
    model: typeof parsed.model === 'string' ? parsed.model : '',
    config: isRecord(parsed.config) ? parsed.config : {},
    inputSchema: parsed.input?.schema,
    inputDefaults: isRecord(parsed.input?.default) ? parsed.input.default : {},
    outputFormat: parsed.output?.format,
    outputSchema: parsed.output?.schema,
    sweep,
    ...promptChecksOf(raw),
    template: parsed.template,
    problems,
    readable: true,
  };
}

/** A template of nothing but whitespace renders no message: nothing could be sent. */
function emptyTemplate(file: string, template: string, afterFrontMatter: boolean): Problem[] {
  if (template.trim() !== '') return [];
  return [{ file, message: `The template is empty, so there is nothing to send to a model. Write the prompt${afterFrontMatter ? ' below the front matter' : ''}.` }];
}

function frontMatterProblems(file: string, split: FrontMatterSplit): Problem[] {
  const lines = new LineCounter();
  const doc = parseDocument(split.yaml, { prettyErrors: false, lineCounter: lines });
  const problems: Problem[] = doc.errors.map((error) => {
    const start = lines.linePos(error.pos[0]);
    return {
      file,
      line: start.line + split.yamlLine - 1,
      column: start.col,
      message: `Invalid YAML in the front matter: ${firstLine(error.message)}`,
    };
  });
  if (problems.length > 0 || doc.contents === null) return problems;
  const value = yamlValue(doc);
  if (!value.ok) {
    problems.push({ file, line: split.yamlLine, column: 1, message: `The front matter cannot be read. ${value.message}` });
  } else if (!isRecord(value.value)) {
    problems.push({ file, line: split.yamlLine, column: 1, message: 'The front matter must be a YAML mapping of settings such as `model:` and `config:`.' });
  }
  return problems;
}

function readSweep(file: string, raw: Record<string, unknown>, problems: Problem[]): SweepDefaults | undefined {
  const metadata = raw.metadata;
  const workbench = isRecord(metadata) ? metadata.workbench : undefined;
  if (workbench === undefined) return undefined;
  const parsed = SweepSchema.partial().safeParse(workbench);
  if (!parsed.success) {
    problems.push({ file, message: `metadata.workbench: ${formatZodError(parsed.error)}` });
    return undefined;
  }
  const model = typeof raw.model === 'string' ? raw.model : undefined;
  const temperature = isRecord(raw.config) && typeof raw.config.temperature === 'number' ? raw.config.temperature : undefined;
  return {
    models: parsed.data.models ?? (model ? [model] : []),
    temperatures: parsed.data.temperatures ?? (temperature === undefined ? [] : [temperature]),
    samples: parsed.data.samples ?? 1,
  };
}

function promptChecksOf(raw: Record<string, unknown>): { promptChecks?: unknown[] } {
  const workbench = isRecord(raw.metadata) ? raw.metadata.workbench : undefined;
  const checks = isRecord(workbench) ? workbench.checks : undefined;
  return Array.isArray(checks) ? { promptChecks: checks } : {};
}

function emptyMetadata(): Omit<ParsedPromptFile, 'template' | 'problems' | 'readable'> {
  return { description: '', model: '', config: {}, inputDefaults: {} };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
