// The Runs page's part of the contract: every run with its rating figures, and naming, pinning,
// deleting and restoring a run. Each change is published as runsChanged, so every open view (this
// window, another one, the review) follows it.
import type { Api, WorkbenchApi } from '../../shared/api';
import { WorkbenchError } from '../../shared/errors';
import type { RunSummary } from '../../shared/runs';
import type { EventBus } from './eventBus';
import type { WorkbenchDatabase } from './store/database';
import { PURGE_AFTER_MS, type CurationResult } from './store/runCuration';

type CurationMethods = Pick<WorkbenchApi, 'listRunsOverview' | 'labelRun' | 'pinRun' | 'deleteRun' | 'restoreRun'>;

export function createRunCurationApi({ database, events }: { database: WorkbenchDatabase; events: EventBus<Api> }): CurationMethods {
  const summary = (runId: string): RunSummary => {
    const found = database.runs.summary(runId);
    if (!found) throw notFound(runId);
    return found;
  };
  const changed = (runId: string): RunSummary => {
    const run = summary(runId);
    events.emit('runsChanged', { runs: [run], deleted: [] });
    return run;
  };

  return {
    listRunsOverview: async ({ prompt, limit }) => database.runs.overview({ prompt, limit }),
    async labelRun({ runId, label }) {
      settle(runId, await database.write(() => database.curation.label(runId, label)));
      return changed(runId);
    },
    async pinRun({ runId, pinned }) {
      settle(runId, await database.write(() => database.curation.pin(runId, pinned, new Date().toISOString())));
      return changed(runId);
    },
    async deleteRun({ runId }) {
      const before = summary(runId);
      const now = Date.now();
      settle(runId, await database.write(() => database.curation.delete(runId, new Date(now).toISOString())));
      events.emit('runsChanged', { runs: [], deleted: [runId] });
      // Runs deleted a while ago, here or elsewhere, go for good now; a clean-up, so skipped while another process writes.
      database.writeIfFree(() => database.curation.purge(new Date(now - PURGE_AFTER_MS).toISOString()));
      return before;
    },
    async restoreRun({ runId }) {
      const result = await database.write(() => database.curation.restore(runId));
      if (result !== 'done') {
        throw new WorkbenchError('NOT_FOUND', `The run "${runId}" is not deleted, or was removed for good (a deleted run is kept for a minute); it cannot be restored.`);
      }
      return changed(runId);
    },
  };
}

function settle(runId: string, result: CurationResult): void {
  if (result === 'missing') throw notFound(runId);
  if (result === 'running') throw new WorkbenchError('CONFLICT', 'This run is still running; cancel it first, then delete it.');
}

function notFound(runId: string): WorkbenchError {
  return new WorkbenchError('NOT_FOUND', `There is no run "${runId}"; it may have been deleted. Reload the list of runs.`);
}
