import { WorkbenchError } from '../../shared/errors';
import type { RenderedPrompt } from '../../shared/prompts';
import { openCommandCore } from './commandCore';
import { UsageError, flag, stringOption, type Command } from './command';

export const renderCommand: Command = {
  name: 'render',
  summary: 'Show exactly what a prompt sends: its rendered messages and model config',
  usage: 'workbench render <name> [--case NAME] [--input JSON] [--json] [--workspace DIR]\n\n' +
    '--case takes its variables from <name>.cases.yaml; --input gives them as a JSON object and wins over the case.',
  options: { case: { type: 'string', short: 'c' }, input: { type: 'string', short: 'i' }, json: { type: 'boolean' } },
  async run(args, { stdout, stderr, env }) {
    const [name, ...extra] = args.positionals;
    if (!name) throw new UsageError('render needs the name of a prompt, e.g. `workbench render ticket-triage`');
    if (extra.length > 0) throw new UsageError(`render takes one prompt name, got also "${extra[0]}"`);
    const input = parseInputOption(stringOption(args, 'input'));
    const core = await openCommandCore(args, { env, stderr });
    try {
      const rendered = await core.api.renderPrompt({ name, case: stringOption(args, 'case'), input }).catch((error: unknown) => {
        throw withCliHint(error);
      });
      stdout(flag(args, 'json') ? JSON.stringify(rendered, null, 2) : formatMessages(rendered));
      return 0;
    } finally {
      await core.close();
    }
  },
};

function parseInputOption(raw: string | undefined): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new UsageError(`--input must be a JSON object such as '{"question": "Why is the sky blue?"}'`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError('--input must be a JSON object, not a list or a single value');
  return value as Record<string, unknown>;
}

function withCliHint(error: unknown): unknown {
  if (!(error instanceof WorkbenchError) || error.code !== 'MISSING_VARIABLES') return error;
  const missing = (error.details as { missing?: string[] } | undefined)?.missing ?? [];
  const example = `{${missing.map((name) => `"${name}": "…"`).join(', ')}}`;
  return new WorkbenchError(error.code, `${error.message} Give them with --input '${example}' or choose a case with --case NAME.`, error.details);
}

function formatMessages(rendered: RenderedPrompt): string {
  return rendered.messages
    .map((message) => {
      const text = message.content.map((part) => part.text ?? (part.media ? `[media: ${part.media.url}]` : '')).join('');
      // As sent: trailing spaces and blank lines are part of the prompt.
      return `── ${message.role} ──\n${text}`;
    })
    .join('\n\n');
}
