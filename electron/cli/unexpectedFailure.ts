// The command line's last resort, for an error no command turned into a message. What the disk or
// the system refused is said plainly (it is not a bug); anything else is one line saying it is one
// and how to report it. The stack is for the report, and only printed when asked for with
// WORKBENCH_DEBUG=1, never at a person by default.
import { systemErrorMessage } from '../../shared/systemErrors';

export const DEBUG_VARIABLE = 'WORKBENCH_DEBUG';

export function describeUnexpectedFailure(error: unknown, env: NodeJS.ProcessEnv): string[] {
  const system = systemErrorMessage(error);
  const debug = isDebug(env) && error instanceof Error && error.stack ? [error.stack] : [];
  if (system !== null) return [`workbench: ${system}`, ...debug];
  const detail = oneLine(error instanceof Error ? error.message || error.name : String(error));
  const how = isDebug(env)
    ? 'Please report it to the Prompt Workbench maintainers with the command you ran and the details below.'
    : `Please report it to the Prompt Workbench maintainers with the command you ran; run it again with ${DEBUG_VARIABLE}=1 for the details to include.`;
  return [`workbench: unexpected failure (a bug in Prompt Workbench): ${detail}. ${how}`, ...debug];
}

function isDebug(env: NodeJS.ProcessEnv): boolean {
  const value = env[DEBUG_VARIABLE];
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  return line.length > 300 ? `${line.slice(0, 300)}…` : line || 'no message';
}
