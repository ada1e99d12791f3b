import type { CellPassRate } from '../../../../shared/checks/runChecks';
import { intervalText, passLabelText, passRateTitle } from './passRateText';
import './checks.css';

/** A glyph per label, so the label reads without its colour too. */
const GLYPH: Record<CellPassRate['label'], string> = { 'stable pass': '✓', 'stable fail': '✕', flaky: '◐', 'no samples': '…' };

/** A cell's pass rate under the prompt's checks: k/n, its 95% interval and its label, with a tooltip on how to read them. */
export function PassRateBadge({ rate }: { rate: CellPassRate }) {
  const tone = rate.label.replace(' ', '-');
  return (
    <p className={`pass-rate pass-rate--${tone}`} title={passRateTitle(rate)} data-label={rate.label}>
      <span className="pass-rate__label">
        <span className="pass-rate__glyph" aria-hidden="true">
          {GLYPH[rate.label]}
        </span>
        {rate.total > 0 ? passLabelText(rate) : rate.undecided > 0 ? 'judging' : 'no samples'}
      </span>{' '}
      {rate.total > 0 && (
        <span className="pass-rate__figures">
          <strong>
            {rate.passed}/{rate.total}
          </strong>{' '}
          <span className="pass-rate__interval">{intervalText(rate)}</span>
        </span>
      )}
      {rate.callFailures > 0 && (
        <span className="pass-rate__calls">
          {rate.callFailures} call{rate.callFailures === 1 ? '' : 's'} failed
        </span>
      )}
      {rate.undecided > 0 && rate.total > 0 && (
        <span className="pass-rate__judging">
          {rate.undecided} judging
        </span>
      )}
    </p>
  );
}
