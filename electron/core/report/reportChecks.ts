// The checks of the runs a report shows, measured by their prompts' checks as they are now (so two
// runs compared are measured alike). Runs whose prompt has no checks are left out: their report
// has no pass-rate sections.
import type { RunChecks } from '../../../shared/checks/runChecks';
import { checkRun, type RunCheckerDeps } from '../checks/runChecker';

export async function reportChecks(deps: RunCheckerDeps, runIds: readonly string[]): Promise<Map<string, RunChecks>> {
  const found = new Map<string, RunChecks>();
  for (const runId of new Set(runIds)) {
    // A run that does not exist is the report's to refuse, with its own message.
    if (!deps.database.runs.summary(runId)) continue;
    const checked = await checkRun(deps, runId);
    if (checked.checks.length > 0) found.set(runId, checked);
  }
  return found;
}
