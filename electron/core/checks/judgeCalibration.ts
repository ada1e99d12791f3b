// How far a rubric's judge can be trusted, measured against people: on the samples of a run that a
// person rated and the judge decided, a rating at or above the good threshold counts as good, at or
// below the bad one as bad (Settings → checks; 4 and 2 unless changed), and one in between is left
// out. Agreement and Cohen's kappa over that 2×2 table are in shared/checks/agreement.ts.
import { agreementOf, type AgreementTable } from '../../../shared/checks/agreement';
import type { JudgeCalibration, RubricCalibration } from '../../../shared/checks/judging';
import { evaluateRun, type RunCheckerDeps } from './runChecker';

export async function judgeCalibration(deps: RunCheckerDeps, runId: string): Promise<JudgeCalibration> {
  const { checks } = deps.database.settings.read();
  const thresholds = { good: checks.goodRating, bad: checks.badRating };
  const { prompt, samples } = await evaluateRun(deps, runId);
  const ratings = new Map(deps.database.ratings.forRun(runId).filter((entry) => entry.rating !== null).map((entry) => [entry.sampleId, entry.rating as number]));
  const rubrics = prompt.checks
    .filter((check) => check.kind === 'rubric')
    .map((check): RubricCalibration => {
      const table: AgreementTable = { passGood: 0, passBad: 0, failGood: 0, failBad: 0 };
      const disagreements: RubricCalibration['disagreements'] = [];
      let leftOut = 0;
      for (const { sample, verdicts } of samples) {
        const rating = ratings.get(sample.sampleId);
        const passed = verdicts.find((verdict) => verdict.check === check.id)?.passed;
        if (sample.status !== 'ok' || rating === undefined || passed === null || passed === undefined) continue;
        const good = rating >= thresholds.good;
        if (!good && rating > thresholds.bad) {
          leftOut++;
          continue;
        }
        if (passed && good) table.passGood++;
        else if (passed) table.passBad++;
        else if (good) table.failGood++;
        else table.failBad++;
        if (passed !== good) disagreements.push({ sampleId: sample.sampleId, judgePassed: passed, rating });
      }
      return { check: check.id, label: check.label, ...agreementOf(table), table, leftOut, disagreements };
    });
  return { runId, thresholds, rubrics };
}
