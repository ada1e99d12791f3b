// `workbench call <name>[@version] --input JSON`: one call of a prompt as a task, as an application
// makes it through prompt-workbench/tasks (core/tasks): the version read from git, the input checked
// before the call, the answer checked against the output schema. Exit 0 with the output, 1 when the
// call failed or no answer fit the schema, 2 for usage (including an input that does not fit).
import { WorkbenchError } from '../../shared/errors';
import type { TaskResult } from '../../types/tasks';
import { TaskInputError, TaskOutputError } from '../core/tasks/taskErrors';
import { openTaskRuntime } from '../core/tasks/taskRuntime';
import { splitTaskSpec } from '../core/tasks/taskVersion';
import { UsageError, flag, integerOption, stringOption, type Command } from './command';
import { workspaceDirFrom } from './paths';

export const callCommand: Command = {
  name: 'call',
  summary: 'Call a prompt as a task: its approved (or any) version, with the input and output checked',
  usage:
    'workbench call <name>[@version] --input JSON [-m MODEL] [-t TEMP] [--schema-retries N] [--record] [--json] [--workspace DIR]\n\n' +
    '@version: @approved (the latest approval, the default), @v3 (that approval), any git ref (@HEAD~1, a\n' +
    'commit id), or @draft (the working files). All but @draft are read from git, never the working files.\n' +
    'The model and temperature default to the version\'s front matter. An answer that does not fit the\n' +
    'output schema is asked for again up to --schema-retries times (default 2). --record writes the call\n' +
    'to the workspace database, shown in the app\'s History tab ("In use").\n' +
    'Prints the output (JSON for a JSON prompt); --json prints {output, version, model, usage, latencyMs}.\n' +
    'Exit codes: 0 ok, 1 the call or the output schema failed, 2 usage (an unknown prompt or version, an input that does not fit its schema).',
  options: {
    input: { type: 'string', short: 'i' },
    model: { type: 'string', short: 'm' },
    temperature: { type: 'string', short: 't' },
    'schema-retries': { type: 'string' },
    record: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(args, { stdout, stderr, env }) {
    const [spec, ...extra] = args.positionals;
    if (!spec) throw new UsageError("call needs a prompt, e.g. `workbench call ticket-triage@approved --input '{\"subject\": \"…\"}'`");
    if (extra.length > 0) throw new UsageError(`call takes one prompt, got also "${extra[0]}"`);
    const { name, version } = splitTaskSpec(spec);
    if (name === '') throw new UsageError(`"${spec}" names no prompt; write it as <name>[@version], e.g. ticket-triage@v2`);
    const input = inputOption(stringOption(args, 'input'));
    const temperature = temperatureOption(stringOption(args, 'temperature'));
    const schemaRetries = integerOption(args, 'schema-retries', 0, 10);
    const tasks = await openTaskRuntime({ workspace: workspaceDirFrom(args, env), record: flag(args, 'record'), env, caller: 'cli' });
    try {
      const result = await tasks.run(name, input, { version, model: stringOption(args, 'model'), temperature, schemaRetries });
      stdout(flag(args, 'json') ? JSON.stringify(result, null, 2) : formatOutput(result));
      return 0;
    } catch (error) {
      if (error instanceof TaskInputError) throw new UsageError(error.message);
      if (error instanceof TaskOutputError) {
        if (flag(args, 'json')) stdout(JSON.stringify({ error: error.toData() }, null, 2));
        stderr(`workbench: ${error.message}`);
        stderr(`Raw output:\n${error.rawOutput}`);
        return 1;
      }
      // An unknown prompt or version is a mistake in the command, as for `workbench test`.
      if (error instanceof WorkbenchError && (error.code === 'BAD_INPUT' || error.code === 'NOT_FOUND')) throw new UsageError(error.message);
      throw error;
    } finally {
      await tasks.close();
    }
  },
};

function inputOption(raw: string | undefined): Record<string, unknown> {
  if (raw === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new UsageError(`--input must be a JSON object such as '{"subject": "Refund", "body": "…"}'`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError('--input must be a JSON object, not a list or a single value');
  return value as Record<string, unknown>;
}

function temperatureOption(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 2) throw new UsageError(`-t must be a temperature from 0 to 2, not "${raw}"`);
  return value;
}

function formatOutput(result: TaskResult): string {
  return typeof result.output === 'string' ? result.output : JSON.stringify(result.output, null, 2);
}
