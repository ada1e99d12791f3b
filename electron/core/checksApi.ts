// The checks part of the contract: a run's verdicts and pass rates under its prompt's current
// checks, every verdict on one sample for the focused sample's panel, judging a run's rubric
// checks, and how each rubric's judge agrees with people's ratings.
import type { WorkbenchApi } from '../../shared/api';
import { judgeCalibration } from './checks/judgeCalibration';
import { checkRun, checkSample } from './checks/runChecker';
import type { RunJudge } from './checks/runJudge';
import type { WorkbenchDatabase } from './store/database';
import type { Workspace } from './workspace/workspace';

type ChecksMethods = Pick<WorkbenchApi, 'runChecks' | 'sampleChecks' | 'judgeRun' | 'judgeCalibration'>;

export function createChecksApi(deps: { workspace: Workspace; database: WorkbenchDatabase; judge: RunJudge }): ChecksMethods {
  return {
    runChecks: ({ runId, passN }) => checkRun(deps, runId, passN),
    sampleChecks: ({ sampleId }) => checkSample(deps, sampleId),
    judgeRun: ({ runId }) => deps.judge.judge(runId),
    judgeCalibration: ({ runId }) => judgeCalibration(deps, runId),
  };
}
