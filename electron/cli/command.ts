// The shape every `workbench` subcommand shares: its own options, help text and a run function.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Resolves when the user asks a long-running command to stop (Ctrl+C, SIGTERM). */
  stopSignal: Promise<void>;
  /** Raw stderr (no newline added), for a progress line redrawn in place. */
  writeStderr: (text: string) => void;
  /** Whether stdin and stderr are terminals: questions and redrawn progress need one. */
  terminal: { stdin: boolean; stderr: boolean; columns?: number };
  /** Asks a question on the terminal and resolves with the answer line. */
  ask: (question: string) => Promise<string>;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: OptionSpec;
  run(args: ParsedArgs, context: CommandContext): Promise<number>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** A mistake in how the command was called: exit code 2 and a one-line reason. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const workspaceOption: OptionSpec = {
  workspace: { type: 'string', short: 'w' },
};

export const helpOption: OptionSpec = {
  help: { type: 'boolean', short: 'h' },
};

export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...command.options, ...workspaceOption, ...helpOption },
      allowPositionals: true,
      strict: true,
    });
    const empty = Object.entries(values).find(([, value]) => value === '' || (Array.isArray(value) && value.includes('')));
    // An empty value is a slip (an unset shell variable, `-o ""`): refused, rather than read as
    // "not given" or as a file named "".
    if (empty) throw new UsageError(`--${empty[0]} needs a value`);
    return { values, positionals };
  } catch (error) {
    throw new UsageError(`${describeParseError(error)} (see \`workbench ${command.name} --help\`)`);
  }
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

export function integerOption(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const raw = stringOption(args, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

/** node:util's messages are long and multi-line; a usage error should be one short line. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'(-{1,2}[^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument: ${message.split("'")[1] ?? message}`;
  return message.split('\n')[0] ?? message;
}
