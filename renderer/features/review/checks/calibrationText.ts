// The words and numbers of "Judge vs people" and of "Judge now": one place, so the block, its
// tooltips and the tests read the same thing.
import { percent } from '../../../../shared/checks/passRate';
import type { JudgeCalibration, JudgeProgress, JudgeRunResult, RubricCalibration } from '../../../../shared/checks/judging';
import { formatCost } from '../../../lib/runFormat';
import { plural } from '../../../lib/labels';

/** Kappa runs from −1 to 1; two decimals, with a true minus sign. */
const signed = (value: number) => value.toFixed(2).replace('-', '−');

/** "κ 0.62 [0.21, 1.00]", or null when kappa is undefined (the rubric's note says why). */
export function kappaText(rubric: Pick<RubricCalibration, 'kappa' | 'low' | 'high'>): string | null {
  if (rubric.kappa === null) return null;
  const interval = rubric.low !== null && rubric.high !== null ? ` [${signed(rubric.low)}, ${signed(rubric.high)}]` : '';
  return `κ ${signed(rubric.kappa)}${interval}`;
}

/** "good = rated ≥ 4, bad = rated ≤ 2": how a rating becomes good or bad (Settings → checks). */
export function thresholdsText(thresholds: JudgeCalibration['thresholds']): string {
  return `good = rated ≥ ${thresholds.good}, bad = rated ≤ ${thresholds.bad}`;
}

/** "agree 83% of 12": the share where judge and person agree, with how many samples it rests on. */
export function agreementText(rubric: Pick<RubricCalibration, 'n' | 'agreement'>): string {
  return rubric.agreement === null ? 'no overlap yet' : `agree ${percent(rubric.agreement)} of ${rubric.n}`;
}

/** "2 rated between 2 and 4 left out", or null when none were. */
export function leftOutText(rubric: Pick<RubricCalibration, 'leftOut'>, thresholds: JudgeCalibration['thresholds']): string | null {
  if (rubric.leftOut === 0) return null;
  return `${plural(rubric.leftOut, 'judged sample')} rated between ${thresholds.bad} and ${thresholds.good} left out`;
}

/** Whether any rubric has a sample both judged and rated good or bad. */
export function hasOverlap(calibration: JudgeCalibration): boolean {
  return calibration.rubrics.some((rubric) => rubric.n > 0);
}

/** "Judging 3 of 12…" while the judge models answer. */
export function judgeProgressText(progress: Pick<JudgeProgress, 'done' | 'total'>): string {
  return `Judging ${progress.done} of ${progress.total}…`;
}

/** "Judged 12 outputs · 12 calls · $0.0031", with what failed. */
export function judgeResultText(result: JudgeRunResult): string {
  // Undecided verdicts can also be answers the judge gave that could not be read: asking again would not change them.
  if (result.wanted === 0) return 'Nothing left to judge: what is still undecided has answers that could not be read (see the sample’s checks)';
  const parts = [`Judged ${result.judged} of ${plural(result.wanted, 'output')}`, plural(result.calls, 'call')];
  if (result.calls > 0) parts.push(formatCost(result.costUsd));
  const text = parts.join(' · ');
  return result.failures.length > 0 ? `${text}. Not judged: ${result.failures.join('; ')}` : text;
}
