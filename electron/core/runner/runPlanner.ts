// Turns a run request into a plan: reads the prompt as it will be run (the draft, or the files at
// a commit), renders every chosen case once, decides which cells are left out because their provider
// cannot take the parameters (skippedCells.ts), and collects every reason the run cannot start, so
// nothing is written and no call is made for a run that would fail on every sample.
import path from 'node:path';
import { WorkbenchError } from '../../../shared/errors';
import { splitModelId } from '../../../shared/models';
import type { RunRequest } from '../../../shared/runs';
import { skippedCells, skipReasons } from '../../../shared/skippedCells';
import type { ModelProvider } from '../providers/provider';
import { parseCasesFile } from '../workspace/casesFile';
import { outputJsonSchema } from '../workspace/outputJsonSchema';
import { contentHash } from '../workspace/contentHash';
import { splitFrontMatter } from '../workspace/frontMatter';
import { parsePromptFile } from '../workspace/promptFile';
import { promptFilePaths } from '../workspace/promptLibrary';
import { renderPromptSource } from '../workspace/promptRenderer';
import { promptAtVersion } from '../workspace/promptVersions';
import { readTextIfPresent } from '../workspace/workingFile';
import type { Workspace } from '../workspace/workspace';
import type { PlannedCase, RunPlan } from '../store/runPlan';

/** The case name used when a prompt has no cases file: its input defaults. */
export const DEFAULT_CASE = 'default';

export interface PlanOutcome {
  /** null when the prompt could not be read or rendered at all. */
  plan: RunPlan | null;
  problems: string[];
}

export async function planRun(workspace: Workspace, request: RunRequest, provider: (id: string) => ModelProvider | null): Promise<PlanOutcome> {
  const files = await readFiles(workspace, request);
  const paths = promptFilePaths(request.prompt);
  const parsed = parsePromptFile(paths.prompt, files.source);
  const problems = [...providerProblems(request, provider)];
  const { cases, problems: caseProblems } = parseCasesFile(paths.cases, files.casesSource ?? undefined);
  problems.push(...caseProblems.map((problem) => `${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`));

  const chosen = chooseCases(request, cases, problems);
  const planned: PlannedCase[] = [];
  for (const entry of chosen) {
    try {
      const rendered = await renderPromptSource(paths.prompt, files.source, entry.input);
      if (rendered.messages.length === 0) {
        // Every API refuses a request without messages; say so once instead of failing each sample.
        const nothing = `${paths.prompt} renders no message for this input, so there is nothing to send. Write the prompt's text${splitFrontMatter(files.source) ? ' below the front matter' : ''}.`;
        problems.push(chosen.length > 1 || entry.name !== DEFAULT_CASE ? `Case "${entry.name}": ${nothing}` : nothing);
        continue;
      }
      planned.push({ name: entry.name, input: entry.input, messages: rendered.messages });
    } catch (error) {
      if (!(error instanceof WorkbenchError)) throw error;
      problems.push(chosen.length > 1 || entry.name !== DEFAULT_CASE ? `Case "${entry.name}": ${error.message}` : error.message);
      if (error.code === 'PROMPT_INVALID') break; // the same for every case; say it once
    }
  }
  if (planned.length === 0 && problems.length === 0) problems.push(`"${request.prompt}" has nothing to run.`);

  const config = parsed.config;
  const completed: RunRequest = {
    ...request,
    maxTokens: request.maxTokens ?? numberOrUndefined(config.maxOutputTokens),
    topP: request.topP ?? numberOrUndefined(config.topP),
  };
  // Decided on the parameters as sent, the prompt's own config included.
  const skipped = skippedCells(completed, (model) => provider(splitModelId(model)?.provider ?? ''));
  if (skipped.length > 0 && skipped.length === new Set(request.models).size * new Set(request.temperatures).size) {
    problems.push(`Nothing left to sample: ${skipReasons(skipped).join('; ')}. Change the temperatures or the models.`);
  }
  const plan: RunPlan = {
    request: completed,
    prompt: request.prompt,
    commit: files.commit,
    contentHash: contentHash(files.source),
    casesHash: contentHash(files.casesSource ?? undefined),
    source: files.source,
    cases: planned,
    skipped,
    output: await outputSpec(parsed.outputFormat, parsed.outputSchema, problems),
  };
  return { plan: planned.length > 0 ? plan : null, problems };
}

async function readFiles(workspace: Workspace, request: RunRequest): Promise<{ source: string; casesSource: string | null; commit: string | null }> {
  if (request.ref !== undefined) {
    const version = await promptAtVersion(workspace, request.prompt, request.ref);
    return { source: version.source, casesSource: version.casesSource, commit: version.oid };
  }
  const paths = promptFilePaths(request.prompt);
  const source = readTextIfPresent(path.join(workspace.path, paths.prompt));
  if (source === undefined) throw new WorkbenchError('NOT_FOUND', `There is no prompt named "${request.prompt}" in ${workspace.promptsDir}.`);
  return { source, casesSource: readTextIfPresent(path.join(workspace.path, paths.cases)) ?? null, commit: null };
}

function chooseCases(request: RunRequest, cases: { name: string; input: Record<string, unknown> }[], problems: string[]) {
  if (request.cases === undefined) return cases.length > 0 ? cases : [{ name: DEFAULT_CASE, input: {} }];
  const byName = new Map(cases.map((entry) => [entry.name, entry]));
  const unknown = request.cases.filter((name) => !byName.has(name) && !(name === DEFAULT_CASE && cases.length === 0));
  if (unknown.length > 0) {
    const known = cases.map((entry) => `"${entry.name}"`).join(', ') || `none (use "${DEFAULT_CASE}" for the input defaults)`;
    problems.push(`"${request.prompt}" has no case ${unknown.map((name) => `"${name}"`).join(', ')}. Its cases: ${known}.`);
  }
  return [...new Set(request.cases)].map((name) => byName.get(name) ?? { name, input: {} }).filter((entry) => !unknown.includes(entry.name));
}

function providerProblems(request: RunRequest, provider: (id: string) => ModelProvider | null): string[] {
  const problems: string[] = [];
  for (const modelId of new Set(request.models)) {
    const parts = splitModelId(modelId);
    if (!parts) {
      problems.push(`"${modelId}" is not a model id; write it as provider/model, e.g. ollama/llama3.2 or openai/gpt-4o-mini.`);
      continue;
    }
    const found = provider(parts.provider);
    if (!found) {
      problems.push(`"${modelId}": there is no provider "${parts.provider}". Use ollama, openai, anthropic, or add an OpenAI-compatible endpoint named "${parts.provider}" in Settings.`);
    }
  }
  return problems;
}

async function outputSpec(format: string | undefined, schema: unknown, problems: string[]): Promise<RunPlan['output']> {
  if (format !== 'json') return undefined;
  const converted = await outputJsonSchema(schema);
  if (!converted.ok) problems.push(converted.message);
  return converted.ok && converted.schema ? { format: 'json', schema: converted.schema } : { format: 'json' };
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
