// The prompts of a workspace: one `<name>.prompt` file each, with optional `<name>.cases.yaml`.
import fs from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../../shared/errors';
import type { PromptDetail, PromptSummary, RenderRequest, RenderedPrompt } from '../../../shared/prompts';
import { parseCasesFile } from './casesFile';
import { contentHash } from './contentHash';
import { parsePromptFile } from './promptFile';
import { renderPromptSource } from './promptRenderer';
import { readTextIfPresent } from './workingFile';
import { PROMPTS_FOLDER, type Workspace } from './workspace';

export const PROMPT_EXTENSION = '.prompt';
export const CASES_EXTENSION = '.cases.yaml';

export function promptFilePaths(name: string): { prompt: string; cases: string } {
  return { prompt: `${PROMPTS_FOLDER}/${name}${PROMPT_EXTENSION}`, cases: `${PROMPTS_FOLDER}/${name}${CASES_EXTENSION}` };
}

export async function listPrompts(workspace: Workspace): Promise<PromptSummary[]> {
  const names = promptNames(workspace);
  const changed = await changedFiles(workspace);
  return names.map((name) => toSummary(readPrompt(workspace, name, changed)));
}

export async function getPrompt(workspace: Workspace, name: string): Promise<PromptDetail> {
  if (!fs.existsSync(path.join(workspace.path, promptFilePaths(name).prompt))) {
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
    .readdirSync(workspace.promptsDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(PROMPT_EXTENSION))
    .map((entry) => entry.name.slice(0, -PROMPT_EXTENSION.length))
    .sort((a, b) => a.localeCompare(b));
}

function readPrompt(workspace: Workspace, name: string, changed: Set<string> | null): PromptDetail {
  const files = promptFilePaths(name);
  const source = fs.readFileSync(path.join(workspace.path, files.prompt), 'utf8');
  const casesSource = readTextIfPresent(path.join(workspace.path, files.cases));
  const prompt = parsePromptFile(files.prompt, source);
  const cases = parseCasesFile(files.cases, casesSource);
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
