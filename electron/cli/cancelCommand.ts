import type { RunSummary } from '../../shared/runs';
import { openCommandCore } from './commandCore';
import type { RunLocation } from '../core/runner/runOwnership';
import { UsageError, flag, type Command } from './command';

export const cancelCommand: Command = {
  name: 'cancel',
  summary: 'Cancel a running run, wherever it runs (the app, `serve`, another command)',
  usage:
    'workbench cancel <runId> [--json] [--workspace DIR]\n\n' +
    'Finished samples are kept; the rest are marked cancelled and `workbench resume <runId>` samples them later.\n' +
    'A run executing in another process stops its calls within a few seconds; a run whose process is gone is marked at once.\n' +
    '--json prints {"runId", "status", "done", "cancelled", "wasRunning"}.\n' +
    'Exit 0 when the run is cancelled or was not running, 1 when it could not be cancelled.',
  options: { json: { type: 'boolean' } },
  async run(args, context) {
    const [runId, ...extra] = args.positionals;
    if (!runId) throw new UsageError('cancel needs a run id; list them with `workbench runs`');
    if (extra.length > 0) throw new UsageError(`cancel takes one run id, got also "${extra[0]}"`);
    const core = await openCommandCore(args, context);
    try {
      const location = core.runs.location(runId);
      const summary = await core.api.cancelRun({ runId });
      if (flag(args, 'json')) {
        const done = summary.ok + summary.errors;
        context.stdout(JSON.stringify({ runId, status: summary.status, done, cancelled: summary.cancelled, wasRunning: location !== null }));
      } else {
        context.stdout(describeCancel(summary, location));
      }
      return location === null || summary.status === 'cancelled' ? 0 : 1;
    } finally {
      await core.close();
    }
  },
};

function describeCancel(summary: RunSummary, location: RunLocation | null): string {
  const { runId } = summary;
  if (location === null) return `Run ${runId} is not running (it is ${summary.status}); nothing to cancel.`;
  if (summary.status !== 'cancelled') return `Run ${runId} ended as ${summary.status} before it could be cancelled.`;
  const counts = `${summary.ok + summary.errors} samples done, ${summary.cancelled} cancelled`;
  const where = location.orphaned
    ? `\nThe process that ran it${location.pid === null ? '' : ` (pid ${location.pid})`} was gone; nothing was executing it.`
    : location.here
      ? ''
      : `\nThe process running it${location.pid === null ? '' : ` (pid ${location.pid})`} stops its calls within a few seconds.`;
  return `Cancelled run ${runId}: ${counts}; resume it with \`workbench resume ${runId}\`.${where}`;
}
