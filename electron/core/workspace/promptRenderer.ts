// Renders a prompt exactly as other Dotprompt runtimes do, by using the `dotprompt` package itself
// (in a worker with limits: templateSandbox). What this adds: the input's defaults, and a clear
// list of required variables that are missing (Handlebars would silently render them as nothing).
import { picoschema } from 'dotprompt';
import { WorkbenchError } from '../../../shared/errors';
import type { RenderedPrompt } from '../../../shared/prompts';
import { RenderedMessage } from '../../../shared/prompts';
import { MAX_TEMPLATE_TAGS, countTags, tooManyTags } from './fileLimits';
import { parsePromptFile } from './promptFile';
import { renderInSandbox } from './templateSandbox';

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
  const rendered = await renderInSandbox(file, source, variables);
  return {
    messages: rendered.messages.map((message) => RenderedMessage.parse({ role: message.role, content: message.content })),
    config: rendered.config,
  };
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
