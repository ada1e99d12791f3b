// The approval part of the contract: approve a run (commit with its evidence, tag, link its draft
// runs), roll a prompt back to an older version, and export a run (or two compared) as a report.
import type { Api, WorkbenchApi } from '../../shared/api';
import type { Author } from '../../shared/settings';
import { approveRun } from './approval/approveRun';
import { checkRun } from './checks/runChecker';
import { rollbackPrompt } from './approval/rollback';
import { rollbackApproval } from './approval/rollbackApproval';
import type { EventBus } from './eventBus';
import type { RunManager } from './runner/runManager';
import { reportChecks } from './report/reportChecks';
import { runApprovals } from './report/runApprovals';
import { buildRunReport } from './report/runReport';
import type { WorkbenchDatabase } from './store/database';
import type { Workspace } from './workspace/workspace';

const LINK_PATIENCE_MS = 60_000;

type ApprovalMethods = Pick<WorkbenchApi, 'approveRun' | 'rollbackPrompt' | 'rollbackApproval' | 'taskUsage' | 'runReport'>;

export interface ApprovalApiDeps {
  workspace: Workspace;
  database: WorkbenchDatabase;
  events: EventBus<Api>;
  /** The author for commits and tags; throws, saying how to set one, when there is none. */
  author: () => Author;
  runs: Pick<RunManager, 'recoverInterrupted'>;
}

export function createApprovalApi({ workspace, database, events, author, runs }: ApprovalApiDeps): ApprovalMethods {
  // The repository watcher sees the commit too, but not the tag (and it is off in the CLI); saying
  // it here means history reloads with the tag and the linked runs already in place.
  // The commit is made by the time its runs are linked: giving up on the lock would leave it unlinked, so this waits longer than a request does.
  const link = <T>(write: () => T) => database.write(write, LINK_PATIENCE_MS);
  const changed = <T>(result: T): T => {
    events.emit('repositoryChanged', {});
    return result;
  };
  return {
    approveRun: async (request) => {
      // A run whose process died still reads 'running' until someone notices; it can be approved on what it finished.
      runs.recoverInterrupted();
      const approved = changed(await approveRun({ workspace, runs: database.runs, write: link, author, checks: (runId) => checkRun({ workspace, database }, runId) }, request));
      // The linked runs now belong to the commit: every window's run lists and headers say so at once.
      const linked = approved.linkedRuns.map((runId) => database.runs.summary(runId)).filter((summary) => summary !== null);
      if (linked.length > 0) events.emit('runsChanged', { runs: linked, deleted: [] });
      return approved;
    },
    rollbackPrompt: async ({ name, ref }) => changed(await rollbackPrompt(workspace, name, ref, author())),
    rollbackApproval: async (request) => changed(await rollbackApproval(workspace, request, author())),
    taskUsage: async ({ name }) => ({ name, versions: database.taskCalls.usage(name) }),
    runReport: async (request) => {
      const runIds = [request.runId, ...(request.compareRunId ? [request.compareRunId] : [])];
      const approvals = await runApprovals(workspace, database.runs, runIds);
      return buildRunReport({ runs: database.runs, approvals, checks: await reportChecks({ workspace, database }, runIds) }, request);
    },
  };
}
