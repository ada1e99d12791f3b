// The checks part of the contract: a run's verdicts and pass rates under its prompt's current
// checks, and every verdict on one sample for the focused sample's panel.
import type { WorkbenchApi } from '../../shared/api';
import { checkRun, checkSample } from './checks/runChecker';
import type { WorkbenchDatabase } from './store/database';
import type { Workspace } from './workspace/workspace';

type ChecksMethods = Pick<WorkbenchApi, 'runChecks' | 'sampleChecks'>;

export function createChecksApi(deps: { workspace: Workspace; database: WorkbenchDatabase }): ChecksMethods {
  return {
    runChecks: ({ runId, passN }) => checkRun(deps, runId, passN),
    sampleChecks: ({ sampleId }) => checkSample(deps, sampleId),
  };
}
