// Renders a prompt exactly as other Dotprompt runtimes do, by using the `dotprompt` package itself.
// What this adds: the input's defaults, and a clear list of required variables that are missing
// (Handlebars would silently render them as nothing).
import { Dotprompt, picoschema } from 'dotprompt';
import { WorkbenchError } from '../../../shared/errors';
import type { Problem, RenderedPrompt } from '../../../shared/prompts';
import { RenderedMessage } from '../../../shared/prompts';

const dotprompt = new Dotprompt();

export async function renderPromptSource(file: string, source: string, input: Record<string, unknown>, problems: Problem[] = []): Promise<RenderedPrompt> {
  if (problems.length > 0) {
    const first = problems[0] as Problem;
    const where = first.line ? `${first.file}:${first.line}:${first.column ?? 1}` : first.file;
    throw new WorkbenchError('PROMPT_INVALID', `${where}: ${first.message}`, { problems });
  }
  const parsed = dotprompt.parse(source);
  const defaults: Record<string, unknown> = parsed.input?.default ?? {};
  const variables = { ...defaults, ...input };
  const missing = (await requiredVariables(file, parsed.input?.schema)).filter((name) => variables[name] === undefined || variables[name] === null);
  if (missing.length > 0) {
    throw new WorkbenchError(
      'MISSING_VARIABLES',
      `The input is missing ${missing.map((name) => `"${name}"`).join(', ')}, required by the input schema of ${file}.`,
      { missing },
    );
  }
  let rendered: Awaited<ReturnType<typeof dotprompt.render>>;
  try {
    rendered = await dotprompt.render(source, { input: variables });
  } catch (error) {
    throw new WorkbenchError('PROMPT_INVALID', `${file}: the template could not be rendered: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    messages: rendered.messages.map((message) => RenderedMessage.parse({ role: message.role, content: message.content })),
    config: (rendered.config ?? {}) as Record<string, unknown>,
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
