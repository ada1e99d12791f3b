// The per-cell part of a comparison, formatted: for each cell both runs sampled, what the grid
// shows in each run and the change, coloured by the same rules as the overall figures.
import { NOTABLE_CHANGE, type CellDelta } from '../../../shared/variance/runComparison';
import { toneOf, withSign, type Tone } from './overviewRows';

export interface CellFigure {
  /** "3.2 → 4.0"; a missing side reads "—". */
  values: string;
  /** null when either side is missing or nothing changed (a column of "±0" is only noise). */
  change: string | null;
  tone: Tone;
}

export interface CellRow {
  key: string;
  model: string;
  temperature: number;
  case: string;
  rating: CellFigure;
  consistency: CellFigure;
  distinct: CellFigure;
  length: CellFigure;
  errors: CellFigure;
}


function figure(a: number | null, b: number | null, format: (value: number) => string, tone: (delta: number | null) => Tone): CellFigure {
  const show = (value: number | null) => (value === null ? '—' : format(value));
  const delta = a === null || b === null ? null : b - a;
  return {
    values: `${show(a)} → ${show(b)}`,
    change: delta === null || delta === 0 ? null : withSign(delta, format(Math.abs(delta))),
    tone: tone(delta),
  };
}

export function cellRows(cells: readonly CellDelta[]): CellRow[] {
  return cells.map((cell) => ({
    key: `${cell.model}\u0000${cell.temperature}\u0000${cell.case}`,
    model: cell.model,
    temperature: cell.temperature,
    case: cell.case,
    rating: figure(cell.a.ratingMean, cell.b.ratingMean, (value) => value.toFixed(1), (delta) => toneOf(delta, true, NOTABLE_CHANGE.ratingMean)),
    consistency: figure(cell.a.consistency, cell.b.consistency, (value) => value.toFixed(2), (delta) => toneOf(delta, true, NOTABLE_CHANGE.consistency)),
    // A count of distinct answers only compares between cells of the same size; it is told, not judged.
    distinct: figure(cell.a.distinct, cell.b.distinct, String, () => 'neutral'),
    length: figure(cell.a.meanLength, cell.b.meanLength, (value) => Math.round(value).toLocaleString('en-US'), () => 'neutral'),
    errors: figure(cell.a.errors, cell.b.errors, String, (delta) => toneOf(delta, false, 1)),
  }));
}
