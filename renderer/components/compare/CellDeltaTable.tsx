import type { CellDelta } from '../../../shared/variance/runComparison';
import { ModelChip } from '../ModelChip';
import { cellRows, type CellFigure } from './cellRows';

/** Tables beyond this many rows get slow to scan and to draw; the rest is summarised in a line. */
const MAX_ROWS = 300;

function Figure({ figure }: { figure: CellFigure }) {
  return (
    <td className="compare-table__number">
      <span className="compare-cells__values">{figure.values}</span>
      {figure.change !== null && (
        <span className={`delta delta--${figure.tone}`} data-tone={figure.tone}>
          {figure.change}
        </span>
      )}
    </td>
  );
}

/** Every cell both runs sampled, with what changed in it. */
export function CellDeltaTable({ cells, onlyInOne }: { cells: readonly CellDelta[]; onlyInOne: number }) {
  const rows = cellRows(cells.slice(0, MAX_ROWS));
  return (
    <div className="compare-table compare-cells">
      <table className="data-table" aria-label="Cells in both runs">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Temp.</th>
            <th scope="col">Case</th>
            <th scope="col" className="compare-table__number">
              Mean rating
            </th>
            <th scope="col" className="compare-table__number">
              Consistency
            </th>
            <th scope="col" className="compare-table__number">
              Distinct
            </th>
            <th scope="col" className="compare-table__number">
              Mean length
            </th>
            <th scope="col" className="compare-table__number">
              Errors
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>
                <ModelChip model={row.model} size="sm" />
              </td>
              <td className="compare-cells__temperature">{row.temperature}</td>
              <td className="compare-cells__case" title={row.case}>
                {row.case}
              </td>
              <Figure figure={row.rating} />
              <Figure figure={row.consistency} />
              <Figure figure={row.distinct} />
              <Figure figure={row.length} />
              <Figure figure={row.errors} />
            </tr>
          ))}
        </tbody>
      </table>
      {(cells.length > MAX_ROWS || onlyInOne > 0) && (
        <p className="compare-cells__note">
          {cells.length > MAX_ROWS && `Showing the first ${MAX_ROWS} of ${cells.length} cells. `}
          {onlyInOne > 0 && `${onlyInOne} ${onlyInOne === 1 ? 'cell was' : 'cells were'} sampled by only one of the runs and ${onlyInOne === 1 ? 'is' : 'are'} left out.`}
        </p>
      )}
    </div>
  );
}
