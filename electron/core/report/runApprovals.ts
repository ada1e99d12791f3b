// Which approvals rest on a run, for its report: read from the history of the run's prompt, so both
// forms count (a tag whose message carries the evidence, and an approval commit's trailers).
import type { RunStore } from '../store/runStore';
import { promptHistory } from '../workspace/promptHistory';
import type { Workspace } from '../workspace/workspace';

/** run id → `approved/<name>/v<k> (commit 1a2b3c4)` for each approval whose evidence is that run, newest first. */
export async function runApprovals(workspace: Workspace, runs: Pick<RunStore, 'summary'>, runIds: readonly string[]): Promise<Map<string, string[]>> {
  const prompts = new Set(runIds.flatMap((runId) => runs.summary(runId)?.prompt ?? []));
  const found = new Map<string, string[]>();
  for (const prompt of prompts) {
    for (const version of await promptHistory(workspace, prompt, undefined, true)) {
      for (const approval of version.approvals ?? []) {
        if (!runIds.includes(approval.runId)) continue;
        const label = `${approval.tag ?? 'approved (its tag was removed)'} (commit ${version.shortOid})`;
        found.set(approval.runId, [...(found.get(approval.runId) ?? []), label]);
      }
    }
  }
  return found;
}
