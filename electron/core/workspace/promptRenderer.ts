// Renders a prompt exactly as other Dotprompt runtimes do, by using the `dotprompt` package itself
// (in a worker with limits: templateSandbox). What this adds: the input's defaults, and a clear
// list of required variables that are missing (Handlebars would silently render them as nothing).
import { picoschema } from 'dotprompt';
import { WorkbenchError } from '../../../shared/errors';
import type { RenderedPrompt } from '../../../shared/prompts';
import { RenderedMessage } from '../../../shared/prompts';
import { MAX_TEMPLATE_TAGS, countTags, tooManyTags } from './fileLimits';
import { parsePromptFile } from './promptFile';
import { analyzeTemplate, roleProblem } from './templateAnalysis';
import { renderInSandbox, type SandboxRender } from './templateSandbox';

export async function renderPromptSource(file: string, source: string, input: Record<string, unknown>): Promise<RenderedPrompt> {
  const parsed = parsePromptFile(file, source);
  // Dotprompt would render an unreadable file as one big template; say what is wrong instead.
  const [first] = parsed.problems;
  if (!parsed.readable && first) {
    const where = first.line ? `${first.file}:${first.line}:${first.column ?? 1}` : first.file;
    throw new WorkbenchError('PROMPT_INVALID', `${where}: ${first.message}`, { problems: parsed.problems });
  }
  const variables = { ...parsed.inputDefaults, ...input };
  const missing = (await requiredVariables(file, parsed.inputSchema)).filter((name) => variables[name] === undefined || variables[name] === null);
  if (missing.length > 0) {
    throw new WorkbenchError(
      'MISSING_VARIABLES',
      `The input is missing ${missing.map((name) => `"${name}"`).join(', ')}, required by the input schema of ${file}.`,
      { missing },
    );
  }
  const tags = countTags(parsed.template);
  if (tags > MAX_TEMPLATE_TAGS) throw tooManyTags(file, tags);
  // The library would drop a message with such a role, or send an API a role it refuses.
  const [badRole] = analyzeTemplate(parsed.template).badRoles;
  if (badRole) throw new WorkbenchError('PROMPT_INVALID', `${file}: ${badRole.message}`);
  const rendered = await renderInSandbox(file, source, variables).catch((error: unknown) => {
    throw error instanceof WorkbenchError && /partial .* could not be found/i.test(error.message)
      ? new WorkbenchError('PROMPT_INVALID', `${error.message}. Prompt Workbench loads no partials ({{> name}}): write that text into the prompt itself.`)
      : error;
  });
  return { messages: rendered.messages.map((message) => sendable(file, message)), config: rendered.config };
}

/** Dotprompt's message as it rendered it, if a model API can take its role (one given by a variable); else why not. */
function sendable(file: string, message: SandboxRender['messages'][number]): RenderedMessage {
  const problem = roleProblem(message.role);
  if (problem) throw new WorkbenchError('PROMPT_INVALID', `${file}: ${problem}`);
  return RenderedMessage.parse(message);
}

/** Names the input schema requires, from Picoschema (`name?:` is optional) or JSON Schema. */
async function requiredVariables(file: string, schema: unknown): Promise<string[]> {
  if (schema === undefined || schema === null) return [];
  try {
    const jsonSchema = (await picoschema(schema)) as { required?: unknown } | null;
    return Array.isArray(jsonSchema?.required) ? jsonSchema.required.filter((name): name is string => typeof name === 'string') : [];
  } catch (error) {
    throw new WorkbenchError('PROMPT_INVALID', `${file}: input.schema is not valid Picoschema: ${error instanceof Error ? error.message : String(error)}`);
  }
}
