import { Fragment } from 'react';
import { ModelChip } from '../../components/ModelChip';
import { RunGridCell } from './RunGridCell';
import { cellKey, type RunGrid as Grid } from './runGridModel';
import './runGrid.css';

interface RunGridProps {
  grid: Grid;
  selected: string | null;
  onSelect(key: string): void;
  samplesPerCell: number;
}

/** Rows are case × temperature, columns are models; each cell shows its samples as they finish. */
export function RunGrid({ grid, selected, onSelect, samplesPerCell }: RunGridProps) {
  return (
    <div className="run-grid card">
      <table className="data-table run-grid__table" aria-label="Samples by case, temperature and model">
        <thead>
          <tr>
            <th scope="col" className="run-grid__case-col">
              Case
            </th>
            <th scope="col" className="run-grid__temp-col">
              Temp
            </th>
            {grid.models.map((model) => (
              <th scope="col" key={model} className="run-grid__model-col">
                <ModelChip model={model} size="sm" />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => (
            <tr key={`${row.caseName}\u0000${row.temperature}`} className={row.firstOfCase ? 'run-grid__row run-grid__row--first' : 'run-grid__row'}>
              {row.firstOfCase && (
                <th scope="rowgroup" rowSpan={grid.temperaturesPerCase} className="run-grid__case" title={row.caseName}>
                  {row.caseName}
                </th>
              )}
              <th scope="row" className="run-grid__temp">
                {row.temperature}
              </th>
              {grid.models.map((model) => {
                const key = cellKey(model, row.temperature, row.caseName);
                const cell = grid.cells.get(key);
                return (
                  <Fragment key={model}>
                    {cell ? (
                      <td className="run-grid__cell-slot">
                        <RunGridCell cell={cell} selected={selected === key} onSelect={onSelect} samplesPerCell={samplesPerCell} />
                      </td>
                    ) : (
                      <td className="run-grid__cell-slot run-grid__cell-slot--empty">—</td>
                    )}
                  </Fragment>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
