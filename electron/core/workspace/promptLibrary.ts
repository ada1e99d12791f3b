// The prompts of a workspace: one `<name>.prompt` file each, with optional `<name>.cases.yaml`.
import fs from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../../shared/errors';
import { PromptName, type Problem, type PromptDetail, type PromptSummary, type RenderRequest, type RenderedPrompt } from '../../../shared/prompts';
import { readPromptChecks } from '../checks/promptChecks';
import { parseCasesFile, type ParsedCases } from './casesFile';
import { contentHash } from './contentHash';
import { parsePromptFile } from './promptFile';
import { renderPromptSource } from './promptRenderer';
import { pathTaken, readTextIfPresent } from './workingFile';
import { PROMPTS_FOLDER, type Workspace } from './workspace';

export const PROMPT_EXTENSION = '.prompt';
export const CASES_EXTENSION = '.cases.yaml';

export function promptFilePaths(name: string): { prompt: string; cases: string } {
  assertPromptName(name);
  return { prompt: `${PROMPTS_FOLDER}/${name}${PROMPT_EXTENSION}`, cases: `${PROMPTS_FOLDER}/${name}${CASES_EXTENSION}` };
}

/**
 * Every name that reaches the files is checked here, whoever sent it (the command line does not
 * pass the contract's schema): `../../x` or a 300-character name never becomes a path.
 */
export function assertPromptName(name: string): void {
  const parsed = PromptName.safeParse(name);
  if (!parsed.success) {
    throw new WorkbenchError('BAD_INPUT', `"${shorten(name)}" cannot be a prompt name: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
  }
}

export async function getPrompt(workspace: Workspace, name: string): Promise<PromptDetail> {
  if (!pathTaken(path.join(workspace.path, promptFilePaths(name).prompt))) {
    throw new WorkbenchError('NOT_FOUND', `There is no prompt named "${name}" in ${workspace.promptsDir}.`);
  }
  return readPrompt(workspace, name, await changedFiles(workspace));
}

/** Renders a prompt for a case (by name) and/or explicit input; explicit values win. */
export async function renderPrompt(workspace: Workspace, request: RenderRequest): Promise<RenderedPrompt> {
  const files = promptFilePaths(request.name);
  const source = readTextIfPresent(path.join(workspace.path, files.prompt));
  if (source === undefined) throw new WorkbenchError('NOT_FOUND', `There is no prompt named "${request.name}" in ${workspace.promptsDir}.`);
  let input: Record<string, unknown> = {};
  if (request.case !== undefined) {
    const { cases } = parseCasesFile(files.cases, readTextIfPresent(path.join(workspace.path, files.cases)));
    const chosen = cases.find((entry) => entry.name === request.case);
    if (!chosen) {
      const known = cases.map((entry) => `"${entry.name}"`).join(', ') || 'none';
      throw new WorkbenchError('NOT_FOUND', `"${request.name}" has no case named "${request.case}". Its cases: ${known}.`);
    }
    input = chosen.input;
  }
  return renderPromptSource(files.prompt, source, { ...input, ...request.input });
}

/** The names of every `.prompt` in prompts/, sorted. */
export function promptNames(workspace: Workspace): string[] {
  return fs
    .readdirSync(workspace.promptsDir)
    .filter((file) => file.endsWith(PROMPT_EXTENSION) && file.length > PROMPT_EXTENSION.length)
    .map((file) => file.slice(0, -PROMPT_EXTENSION.length))
    .sort((a, b) => a.localeCompare(b));
}

function readPrompt(workspace: Workspace, name: string, changed: Set<string> | null): PromptDetail {
  const files = readPromptFiles(workspace, name);
  return { ...parsePrompt(name, files), dirty: isDirty(name, changed) };
}

/** A prompt's two files as text; a cases file that cannot be opened (a link, too large) is its problem, not the prompt's. */
export interface PromptFiles {
  source: string;
  casesSource: string | undefined;
  casesProblem: Problem | null;
}

/** Reads both files; throws (a WorkbenchError) only when the prompt file itself cannot be opened. */
export function readPromptFiles(workspace: Workspace, name: string): PromptFiles {
  const files = promptFilePaths(name);
  const source = readTextIfPresent(path.join(workspace.path, files.prompt)) ?? '';
  try {
    return { source, casesSource: readTextIfPresent(path.join(workspace.path, files.cases)), casesProblem: null };
  } catch (error) {
    if (!(error instanceof WorkbenchError)) throw error;
    return { source, casesSource: undefined, casesProblem: { file: files.cases, message: error.message } };
  }
}

/** Everything the files say about the prompt: a function of their text alone. */
export function parsePrompt(name: string, read: PromptFiles): Omit<PromptDetail, 'dirty'> {
  const files = promptFilePaths(name);
  const prompt = parsePromptFile(files.prompt, read.source);
  const cases: ParsedCases = read.casesProblem ? { cases: [], problems: [read.casesProblem] } : parseCasesFile(files.cases, read.casesSource);
  // A check that cannot be read is a problem of the prompt like any other, at its file and line.
  const checks = readPromptChecks({
    promptFile: files.prompt,
    source: read.source,
    casesFile: files.cases,
    casesSource: read.casesProblem ? undefined : read.casesSource,
    outputSchema: prompt.outputSchema,
  });
  return {
    name,
    description: prompt.description,
    model: prompt.model,
    caseCount: cases.cases.length,
    problems: [...prompt.problems, ...cases.problems, ...checks.problems],
    source: read.source,
    sourceHash: contentHash(read.source),
    casesHash: contentHash(read.casesSource),
    casesSource: read.casesSource ?? '',
    template: prompt.template,
    config: prompt.config,
    inputSchema: prompt.inputSchema,
    outputFormat: prompt.outputFormat,
    outputSchema: prompt.outputSchema,
    sweep: prompt.sweep,
    ...(prompt.promptChecks ? { promptChecks: prompt.promptChecks } : {}),
    cases: cases.cases,
  };
}

/** Without readable git history we cannot tell; say clean rather than alarm on every prompt. */
export function isDirty(name: string, changed: Set<string> | null): boolean {
  const files = promptFilePaths(name);
  return changed ? changed.has(files.prompt) || changed.has(files.cases) : false;
}

/** A prompt whose file cannot be opened: listed with the reason, so the list itself always loads. */
export function unopenedSummary(name: string, error: unknown): PromptSummary {
  const file = `${PROMPTS_FOLDER}/${name}${PROMPT_EXTENSION}`;
  const message =
    error instanceof WorkbenchError && error.code === 'BAD_INPUT'
      ? `The file name cannot be used as a prompt name (${error.message.replace(/^.*?cannot be a prompt name: /, '').replace(/\.$/, '')}). Rename the file, for example with \`git mv\`.`
      : error instanceof Error
        ? error.message
        : String(error);
  return { name, description: '', model: '', dirty: false, caseCount: 0, problems: [{ file, message }] };
}

function shorten(name: string): string {
  return name.length > 60 ? `${name.slice(0, 57)}…` : name;
}

/** Paths under prompts/ that differ from HEAD (git status); null when the history cannot be read. */
export async function changedFiles(workspace: Workspace): Promise<Set<string> | null> {
  try {
    return await workspace.git.changedPaths(PROMPTS_FOLDER);
  } catch {
    return null;
  }
}
