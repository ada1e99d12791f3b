// The `workbench` command line: the same services as the app, one subcommand per file in cli/.
import { WorkbenchError } from '../../shared/errors';
import { callCommand } from './callCommand';
import { cancelCommand } from './cancelCommand';
import { UsageError, parseCommandArgs, type Command, type CommandContext } from './command';
import { commitCommand } from './commitCommand';
import { diffCommand } from './diffCommand';
import { exportCommand } from './exportCommand';
import { historyCommand } from './historyCommand';
import { initCommand } from './initCommand';
import { promptsCommand } from './promptsCommand';
import { renderCommand } from './renderCommand';
import { reportCommand } from './reportCommand';
import { restoreCommand } from './restoreCommand';
import { resumeCommand } from './resumeCommand';
import { rollbackCommand } from './rollbackCommand';
import { runCommand } from './runCommand';
import { runsCommand } from './runsCommand';
import { serveCommand } from './serveCommand';
import { testCommand } from './testCommand';
import { typesCommand } from './typesCommand';
import { guardOutputStreams, reportCrashes } from './processGuards';
import { askOnTerminal } from './terminalQuestion';
import { describeUnexpectedFailure } from './unexpectedFailure';
import { explainDatabaseError } from '../core/store/database';

export const commands: readonly Command[] = [
  initCommand,
  promptsCommand,
  renderCommand,
  commitCommand,
  historyCommand,
  diffCommand,
  restoreCommand,
  runCommand,
  testCommand,
  callCommand,
  rollbackCommand,
  typesCommand,
  runsCommand,
  resumeCommand,
  cancelCommand,
  exportCommand,
  reportCommand,
  serveCommand,
];

export function overallHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Prompt Workbench: sample prompts many times, compare, rate, and commit the approved version.',
    '',
    'Usage: workbench <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --workspace DIR (default: $WORKBENCH_HOME, else ~/PromptWorkbench) and --help.',
  ].join('\n');
}

function commandHelp(command: Command): string {
  return [`${command.summary}.`, '', `Usage: ${command.usage}`].join('\n');
}

/** Runs one command line and returns the exit code: 0 ok, 1 failed, 2 usage error. */
export async function runCli(argv: string[], context: CommandContext, available: readonly Command[] = commands): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    context.stdout(overallHelp());
    return name === undefined ? 2 : 0;
  }
  const command = available.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`unknown command "${name}" (see \`workbench --help\`)`);
    const args = parseCommandArgs(command, rest);
    if (args.values.help === true) {
      context.stdout(commandHelp(command));
      return 0;
    }
    return await command.run(args, context);
  } catch (thrown) {
    if (thrown instanceof UsageError) {
      context.stderr(`workbench: ${thrown.message}`);
      return 2;
    }
    // A database failure met outside the contract's methods (a run's end, a read) is as clear as one met inside.
    const error = explainDatabaseError(null, thrown);
    if (error instanceof WorkbenchError) {
      context.stderr(`workbench: ${error.message}`);
      return 1;
    }
    for (const line of describeUnexpectedFailure(error, context.env)) context.stderr(line);
    return 1;
  }
}

function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

export async function main(): Promise<void> {
  const { stdout, stderr } = guardOutputStreams(process);
  reportCrashes(process, stderr);
  const code = await runCli(process.argv.slice(2), {
    stdout: (text) => stdout(`${text}\n`),
    stderr: (text) => stderr(`${text}\n`),
    env: process.env,
    stopSignal: stopSignal(),
    writeStderr: stderr,
    terminal: { stdin: process.stdin.isTTY === true, stderr: process.stderr.isTTY === true, columns: process.stderr.columns },
    ask: (question) => askOnTerminal(question),
  });
  process.exitCode = code;
}
