import type { JudgeCalibration, RubricCalibration } from '../../../../shared/checks/judging';
import { agreementText, hasOverlap, kappaText, leftOutText, thresholdsText } from './calibrationText';
import { JudgeNow } from './JudgeNow';
import './judgeAgreement.css';

interface JudgeAgreementProps {
  runId: string;
  /** undefined while the first answer loads. */
  calibration: JudgeCalibration | undefined;
  /** Finished outputs whose rubric verdicts are still undecided (over every rubric). */
  undecided: number;
  running: boolean;
}

/**
 * "Judge vs people", under the toolbar when the prompt has rubric checks: per rubric, how often its
 * judge agrees with people's ratings, Cohen's kappa with its 95% interval and the 2×2 table, so a
 * person can tell whether the judge's pass rate means anything. "Judge now" decides what is
 * undecided; the filter "Judge disagrees with a person" walks the disagreements.
 */
export function JudgeAgreement({ runId, calibration, undecided, running }: JudgeAgreementProps) {
  if (!calibration || calibration.rubrics.length === 0) return null;
  return (
    <section className="judge-agreement" aria-label="Judge vs people">
      <div className="judge-agreement__head">
        <h3 className="judge-agreement__title">Judge vs people</h3>
        <span className="judge-agreement__thresholds" title="Ratings in between count as neither (Settings → Checks)">
          {thresholdsText(calibration.thresholds)}
        </span>
        {!running && <JudgeNow runId={runId} undecided={undecided} />}
      </div>
      {hasOverlap(calibration) ? (
        calibration.rubrics.map((rubric) => <RubricAgreement key={rubric.check} rubric={rubric} thresholds={calibration.thresholds} />)
      ) : (
        <p className="judge-agreement__empty">Rate some judged samples to see how far the judge agrees with you.</p>
      )}
    </section>
  );
}

function RubricAgreement({ rubric, thresholds }: { rubric: RubricCalibration; thresholds: JudgeCalibration['thresholds'] }) {
  const kappa = kappaText(rubric);
  const leftOut = leftOutText(rubric, thresholds);
  const { table } = rubric;
  return (
    <div className="judge-agreement__rubric" aria-label={`Judge vs people: ${rubric.label}`} role="group">
      <div className="judge-agreement__figures">
        <span className="judge-agreement__label" title={rubric.label}>
          {rubric.label}
        </span>
        <span>
          <strong>{agreementText(rubric)}</strong>
          {kappa !== null && (
            <span className="judge-agreement__kappa" title="Cohen’s kappa: agreement beyond what chance gives from how often each says good or pass (1 = always agree, 0 = chance), with its 95% interval">
              {' · '}
              {kappa}
            </span>
          )}
        </span>
        {rubric.n > 0 && kappa === null && rubric.note && <span className="judge-agreement__note">{rubric.note}</span>}
        {leftOut && <span className="judge-agreement__note">{leftOut}</span>}
      </div>
      {rubric.n > 0 && (
        <table className="judge-agreement__table">
          <thead>
            <tr>
              <td />
              <th scope="col">person good</th>
              <th scope="col">person bad</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">judge pass</th>
              <td>{table.passGood}</td>
              <td className={table.passBad > 0 ? 'judge-agreement__off' : undefined}>{table.passBad}</td>
            </tr>
            <tr>
              <th scope="row">judge fail</th>
              <td className={table.failGood > 0 ? 'judge-agreement__off' : undefined}>{table.failGood}</td>
              <td>{table.failBad}</td>
            </tr>
          </tbody>
        </table>
      )}
    </div>
  );
}
