// Follows a run from the command line: progress on stderr, Ctrl+C cancels (the samples done so
// far stay, and `workbench resume` finishes the rest), and the final summary once it stops.
import type { RunProgress, RunSummary } from '../../shared/runs';
import type { WorkbenchCore } from '../core/core';
import type { CommandContext } from './command';
import { progressReporter } from './progressLine';

export async function followRun(core: WorkbenchCore, runId: string, context: CommandContext): Promise<RunSummary> {
  const reporter = progressReporter({ write: context.writeStderr, isTerminal: context.terminal.stderr, columns: context.terminal.columns });
  let last: RunProgress | null = null;
  // Progress only: with no one taking the finished samples, the runner does not gather them.
  const stop = core.events.on('runProgress', (progress) => {
    if (progress.runId !== runId) return;
    last = progress;
    reporter.update(progress);
  });
  let settled = false;
  void context.stopSignal.then(async () => {
    if (settled) return;
    reporter.finish(null);
    context.stderr('Cancelling… (finished samples are kept)');
    await core.api.cancelRun({ runId }).catch(() => undefined);
  });
  try {
    return await core.runs.finished(runId);
  } finally {
    settled = true;
    stop();
    reporter.finish(last);
  }
}

/** 0 when every sample came back; 1 when some failed or the run stopped before the end. */
export function exitCodeFor(summary: RunSummary): number {
  return summary.status === 'done' && summary.errors === 0 ? 0 : 1;
}

/** What to do next, for a run that did not finish cleanly. */
export function nextStep(summary: RunSummary): string | null {
  if (summary.status === 'cancelled' || summary.status === 'interrupted') {
    const reason = summary.stopReason ? `${summary.stopReason}\n` : '';
    return `${reason}Run ${summary.runId} ${summary.status}: ${summary.ok + summary.errors} of ${summary.total} samples done. Finish it with \`workbench resume ${summary.runId}\`.`;
  }
  if (summary.errors > 0) return `${summary.errors} of ${summary.total} samples failed. See them with \`workbench export ${summary.runId} --format jsonl\`.`;
  return null;
}
