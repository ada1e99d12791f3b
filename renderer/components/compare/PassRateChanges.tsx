import { useMemo } from 'react';
import { runPassRateChanges } from '../../../shared/checks/runPassRateChanges';
import type { RunSummary } from '../../../shared/runs';
import { useRunChecks } from '../../api/checkQueries';
import { ModelChip } from '../ModelChip';
import { passRateRows } from './passRateRows';

/** Tables beyond this many rows get slow to scan and to draw. */
const MAX_ROWS = 300;

interface PassRateChangesProps {
  /** The baseline: changes read as "b minus a". */
  a: RunSummary;
  b: RunSummary;
  /** Only the whole-run line (the History tab's compact comparison). */
  overallOnly?: boolean;
}

/**
 * How the pass rate under the prompt's checks changed, overall and per cell, with a verdict from
 * the intervals. Nothing is shown unless both runs are measured by the same checks (same prompt,
 * checks as its files hold them now): pass rates under different yardsticks do not compare.
 */
export function PassRateChanges({ a, b, overallOnly = false }: PassRateChangesProps) {
  const checksA = useRunChecks(a).data;
  const checksB = useRunChecks(b).data;
  const rows = useMemo(() => {
    if (!checksA || !checksB || checksA.checks.length === 0 || checksA.checksHash !== checksB.checksHash) return null;
    return passRateRows(runPassRateChanges(checksA, checksB));
  }, [checksA, checksB]);
  if (!rows) return null;
  const shown = overallOnly ? rows.slice(0, 1) : rows.slice(0, MAX_ROWS + 1);
  return (
    <section aria-label="Pass rate under the checks" className="compare__section">
      <h3 className="compare__subtitle">Pass rate under the checks</h3>
      <div className="compare-table compare-cells">
        <table className="data-table" aria-label="Pass rate changes">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Temp.</th>
              <th scope="col">Case</th>
              <th scope="col" className="compare-table__number">
                Passed
              </th>
              <th scope="col" className="compare-table__number">
                Change (95% interval)
              </th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.key} data-verdict={row.tone}>
                {row.cell ? (
                  <>
                    <td>
                      <ModelChip model={row.cell.model} size="sm" />
                    </td>
                    <td className="compare-cells__temperature">{row.cell.temperature}</td>
                    <td className="compare-cells__case" title={row.cell.case}>
                      {row.cell.case}
                    </td>
                  </>
                ) : (
                  <th scope="row" colSpan={3}>
                    Whole run
                  </th>
                )}
                <td className="compare-table__number">
                  <span className="compare-cells__values">{row.values}</span>
                </td>
                <td className="compare-table__number">{row.change ?? '—'}</td>
                <td>
                  <span className={`delta delta--${row.tone}`} data-tone={row.tone}>
                    {row.verdict}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="compare-cells__note">
          Better or worse when the 95% interval of the change leaves out 0. Otherwise, the samples per side that would tell at these rates (80% power).
        </p>
      </div>
    </section>
  );
}
