// The prompts of a workspace: one `<name>.prompt` file each, with optional `<name>.cases.yaml`.
import fs from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../../shared/errors';
import { PromptName, type PromptDetail, type PromptSummary, type RenderRequest, type RenderedPrompt } from '../../../shared/prompts';
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

/** Every .prompt in prompts/; a file that cannot be opened is listed with its problem, not left out. */
export async function listPrompts(workspace: Workspace): Promise<PromptSummary[]> {
  const names = promptNames(workspace);
  const changed = await changedFiles(workspace);
  return names.map((name) => {
    try {
      return toSummary(readPrompt(workspace, name, changed));
    } catch (error) {
      return unopenedSummary(name, error);
    }
  });
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

function promptNames(workspace: Workspace): string[] {
  return fs
    .readdirSync(workspace.promptsDir)
    .filter((file) => file.endsWith(PROMPT_EXTENSION) && file.length > PROMPT_EXTENSION.length)
    .map((file) => file.slice(0, -PROMPT_EXTENSION.length))
    .sort((a, b) => a.localeCompare(b));
}

function readPrompt(workspace: Workspace, name: string, changed: Set<string> | null): PromptDetail {
  const files = promptFilePaths(name);
  const source = readTextIfPresent(path.join(workspace.path, files.prompt)) ?? '';
  const prompt = parsePromptFile(files.prompt, source);
  const { casesSource, cases } = readCases(path.join(workspace.path, files.cases), files.cases);
  return {
    name,
    description: prompt.description,
    model: prompt.model,
    // Without readable git history we cannot tell; say clean rather than alarm on every prompt.
    dirty: changed ? changed.has(files.prompt) || changed.has(files.cases) : false,
    caseCount: cases.cases.length,
    problems: [...prompt.problems, ...cases.problems],
    source,
    sourceHash: contentHash(source),
    casesHash: contentHash(casesSource),
    casesSource: casesSource ?? '',
    template: prompt.template,
    config: prompt.config,
    inputSchema: prompt.inputSchema,
    outputFormat: prompt.outputFormat,
    outputSchema: prompt.outputSchema,
    sweep: prompt.sweep,
    cases: cases.cases,
  };
}

/** The cases file, or its problem when it cannot be opened (a link, too large): the prompt itself still opens. */
function readCases(file: string, relative: string): { casesSource: string | undefined; cases: ParsedCases } {
  try {
    const casesSource = readTextIfPresent(file);
    return { casesSource, cases: parseCasesFile(relative, casesSource) };
  } catch (error) {
    if (!(error instanceof WorkbenchError)) throw error;
    return { casesSource: undefined, cases: { cases: [], problems: [{ file: relative, message: error.message }] } };
  }
}

/** A prompt whose file cannot be opened: listed with the reason, so the list itself always loads. */
function unopenedSummary(name: string, error: unknown): PromptSummary {
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

function toSummary(detail: PromptDetail): PromptSummary {
  const { name, description, model, dirty, caseCount, problems } = detail;
  return { name, description, model, dirty, caseCount, problems };
}

async function changedFiles(workspace: Workspace): Promise<Set<string> | null> {
  try {
    return await workspace.git.changedPaths(PROMPTS_FOLDER);
  } catch {
    return null;
  }
}
