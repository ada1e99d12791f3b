// Matches a regex check's pattern against outputs in a sandbox worker with a time limit. The
// pattern comes from the workspace; safeRegex.ts refuses the patterns known to backtrack without
// end, but some that take polynomial time on a long output (three overlapping repetitions in a row)
// pass it, and a match cannot be interrupted from inside. Here such a pattern is stopped, and its
// verdicts say so, instead of freezing the process that serves everything else.
import { SandboxWorker, type WorkerLimits } from '../sandbox/sandboxWorker';

const LIMITS: WorkerLimits = { timeoutMs: 3_000, memoryMb: 128 };

const worker = new SandboxWorker<{ pattern: string; flags: string; texts: string[] }, { id: number; matches: boolean[] }>(new URL('./regexWorker.js', import.meta.url));

/** Whether each text matches; null for every text when matching took too long and was stopped. */
export async function matchInSandbox(pattern: string, flags: string, texts: readonly string[], limits: WorkerLimits = LIMITS): Promise<boolean[] | null> {
  if (texts.length === 0) return [];
  const outcome = await worker.run({ pattern, flags, texts: [...texts] }, limits);
  return outcome.kind === 'reply' ? outcome.reply.matches : null;
}

export const REGEX_TIME_LIMIT_S = LIMITS.timeoutMs / 1000;
