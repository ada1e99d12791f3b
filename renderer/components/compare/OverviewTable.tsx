import type { RunComparison } from '../../../shared/variance/runComparison';
import { overviewRows } from './overviewRows';

interface OverviewTableProps {
  comparison: RunComparison;
  otherLabel: string;
  /** Column headings for run a and run b, when "Other run" and "This run" do not fit (e.g. two versions). */
  columns?: { a: string; b: string };
}

/** Each run's overall figures side by side, with the change coloured when it is big enough to matter. */
export function OverviewTable({ comparison, otherLabel, columns }: OverviewTableProps) {
  const rows = overviewRows(comparison);
  return (
    <div className="compare-table">
      <table className="data-table" aria-label="Overall figures">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col" className="compare-table__number" title={otherLabel}>
              {columns?.a ?? 'Other run'}
            </th>
            <th scope="col" className="compare-table__number">
              {columns?.b ?? 'This run'}
            </th>
            <th scope="col" className="compare-table__number">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">
                <span className="compare-table__label">{row.label}</span>
                <span className="compare-table__hint">{row.hint}</span>
              </th>
              <td className="compare-table__number">{row.a}</td>
              <td className="compare-table__number compare-table__number--strong">{row.b}</td>
              <td className="compare-table__number">
                <span className={`delta delta--${row.tone}`} data-tone={row.tone}>
                  {row.change ?? '—'}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
