// The editor's live check of unsaved text: every problem with its line and column, and the
// rendered messages for the chosen case (or why they cannot be rendered).
import path from 'node:path';
import { toErrorData } from '../../../shared/errors';
import { readPromptChecks } from '../checks/promptChecks';
import type { PromptCheck } from '../../../shared/promptFiles';
import type { Problem } from '../../../shared/prompts';
import { parseCasesFile } from './casesFile';
import { MAX_TEMPLATE_TAGS, countTags, tooManyTags } from './fileLimits';
import { frontMatterProblems } from './frontMatterCheck';
import { splitFrontMatter } from './frontMatter';
import { parsePromptFile } from './promptFile';
import { promptFilePaths } from './promptLibrary';
import { renderPromptSource } from './promptRenderer';
import { analyzeTemplate } from './templateAnalysis';
import { readTextIfPresent } from './workingFile';
import type { Workspace } from './workspace';

export interface CheckRequest {
  name: string;
  source: string;
  case?: string;
}

export async function checkPrompt(workspace: Workspace, request: CheckRequest): Promise<PromptCheck> {
  const files = promptFilePaths(request.name);
  const problems = checkSource(files.prompt, request.source);
  // Problems that stop Dotprompt from rendering at all; the rest (typos in keys, undeclared
  // variables) still let the preview show what would be sent.
  const blocking = problems.filter((p) => p.blocking);
  const plain: Problem[] = problems.map(({ blocking: _blocking, ...problem }) => problem);
  if (blocking.length > 0) {
    const [first] = blocking;
    const where = first?.line ? `${first.file}:${first.line}:${first.column ?? 1}` : files.prompt;
    return { problems: plain, rendered: null, renderError: { code: 'PROMPT_INVALID', message: `${where}: ${first?.message ?? 'invalid'}` } };
  }
  const cases = readableCases(path.join(workspace.path, files.cases), files.cases);
  const chosen = cases.find((c) => c.name === request.case) ?? cases[0];
  try {
    return { problems: plain, rendered: await renderPromptSource(files.prompt, request.source, chosen?.input ?? {}), renderError: null };
  } catch (error) {
    return { problems: plain, rendered: null, renderError: toErrorData(error) };
  }
}

/** The cases to preview with; none when the cases file cannot be opened (the prompt shows that problem). */
function readableCases(file: string, relative: string) {
  try {
    return parseCasesFile(relative, readTextIfPresent(file)).cases;
  } catch {
    return [];
  }
}

type CheckedProblem = Problem & { blocking: boolean };

/** All problems of a prompt's text, in file order. */
export function checkSource(file: string, source: string): CheckedProblem[] {
  const parsed = parsePromptFile(file, source);
  if (!parsed.readable) return parsed.problems.map((p) => ({ ...p, blocking: true }));
  const split = splitFrontMatter(source);
  const body = split ? split.body : source;
  const frontMatterChecks = split ? frontMatterProblems(file, split.yaml, split.yamlLine) : [];
  // Prompt-wide checks (`metadata.workbench.checks`) that cannot be read, at their line; the cases
  // file's own checks are the Cases tab's to show.
  const checkDefinitions = readPromptChecks({ promptFile: file, source, casesFile: '', casesSource: undefined, outputSchema: undefined }).problems;
  const problems: CheckedProblem[] = [...parsed.problems, ...frontMatterChecks, ...checkDefinitions].map((p) => ({ ...p, blocking: false }));

  const inBody = (line: number) => line + (split ? split.bodyLine - 1 : 0);
  const tags = countTags(body);
  if (tags > MAX_TEMPLATE_TAGS) {
    // Reading that many tags would keep the core busy on every keystroke; one problem says why.
    problems.push({ file, line: inBody(1), column: 1, message: tooManyTags(file, tags).message, blocking: true });
    return problems;
  }
  const facts = analyzeTemplate(body);
  if (facts.syntaxError) {
    problems.push({ file, line: inBody(facts.syntaxError.line), column: facts.syntaxError.column, message: facts.syntaxError.message, blocking: true });
  }
  for (const helper of facts.unknownHelpers) {
    problems.push({
      file,
      line: inBody(helper.line),
      column: helper.column,
      message: `${helper.message}. Dotprompt knows role, json, history, section, media, ifEquals, unlessEquals and Handlebars' if, unless, each, with.`,
      blocking: true,
    });
  }
  for (const role of facts.badRoles) problems.push({ file, line: inBody(role.line), column: role.column, message: role.message, blocking: true });
  const declared = declaredInputs(parsed.inputSchema);
  if (declared) {
    for (const [name, where] of facts.variables) {
      if (declared.has(name)) continue;
      problems.push({ file, line: inBody(where.line), column: where.column, message: `The template uses "${name}", which input.schema does not declare. Add it to the schema or fix the name.`, blocking: false });
    }
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** Field names of a Picoschema (`name?: type`, `name(array): type`) or JSON Schema object; null when unknowable. */
export function declaredInputs(schema: unknown): Set<string> | null {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return null;
  const record = schema as Record<string, unknown>;
  if (record.type === 'object' && typeof record.properties === 'object' && record.properties !== null) {
    return new Set(Object.keys(record.properties));
  }
  return new Set(Object.keys(record).map((key) => key.replace(/\?.*$|\(.*$/, '').trim()));
}
