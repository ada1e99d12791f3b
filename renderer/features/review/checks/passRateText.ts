// The words and numbers a pass rate shows in the grid, its tooltip and the filter: one place, so
// the cell, the chart and the tests read the same thing.
import { percent, type PassRate } from '../../../../shared/checks/passRate';
import type { CellPassRate } from '../../../../shared/checks/runChecks';
import { plural } from '../../../lib/labels';

/** "stable pass", "stable fail", or "flaky 60%" (a flaky cell's rate is the point). */
export function passLabelText(rate: Pick<PassRate, 'label' | 'rate'>): string {
  if (rate.label === 'flaky' && rate.rate !== null) return `flaky ${percent(rate.rate)}`;
  return rate.label;
}

/** "[70%, 97%]": the 95% interval, as the CLI and the report write it. */
export function intervalText(rate: Pick<PassRate, 'low' | 'high'>): string {
  return `[${percent(rate.low)}, ${percent(rate.high)}]`;
}

/** The tooltip: what the interval and pass^N mean, and what is not counted. */
export function passRateTitle(rate: CellPassRate): string {
  const lines: string[] = [];
  if (rate.total > 0) {
    lines.push(`${rate.passed} of ${rate.total} finished samples passed every check.`);
    lines.push(`95% interval ${intervalText(rate)} (Wilson): where the pass rate over many more samples would lie, 95 times in 100.`);
    if (rate.passN.estimate !== null) {
      lines.push(`pass^${rate.passN.n} ${percent(rate.passN.estimate)} ${intervalText(rate.passN)}: the chance that ${rate.passN.n} fresh samples all pass.`);
    }
  }
  if (rate.callFailures > 0) lines.push(`${plural(rate.callFailures, 'failed call')} counted as failing (no answer), apart from wrong answers.`);
  if (rate.undecided > 0) lines.push(`${plural(rate.undecided, 'sample')} waiting for the judge, not counted yet.`);
  return lines.join('\n');
}
