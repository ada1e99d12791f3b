// The live grid's shape: rows are case × temperature, columns are models, and each cell holds its
// samples in repeat order with their counts. A builder remembers the last grid, so a cell whose
// samples did not change keeps its identity and its memoised view does not re-render.
import type { RunSummary, Sample } from '../../../shared/runs';

export interface CellStats {
  ok: number;
  errors: number;
  pending: number;
  cancelled: number;
  /** Distinct outputs among the ok samples, after whitespace normalisation. */
  distinct: number;
}

export interface RunCell {
  key: string;
  model: string;
  temperature: number;
  caseName: string;
  samples: readonly Sample[];
  stats: CellStats;
}

export interface GridRow {
  caseName: string;
  temperature: number;
  /** The first row of its case (the case name spans the case's rows). */
  firstOfCase: boolean;
}

export interface RunGrid {
  models: string[];
  rows: GridRow[];
  /** Rows per case, for the spanning case column. */
  temperaturesPerCase: number;
  cells: ReadonlyMap<string, RunCell>;
}

export function cellKey(model: string, temperature: number, caseName: string): string {
  return JSON.stringify([model, temperature, caseName]);
}

/** The same text, with runs of whitespace made one space and the ends trimmed. */
export function normaliseOutput(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

export function cellStats(samples: readonly Sample[]): CellStats {
  const stats: CellStats = { ok: 0, errors: 0, pending: 0, cancelled: 0, distinct: 0 };
  const outputs = new Set<string>();
  for (const sample of samples) {
    if (sample.status === 'ok') {
      stats.ok += 1;
      outputs.add(normaliseOutput(sample.output ?? ''));
    } else if (sample.status === 'error') stats.errors += 1;
    else if (sample.status === 'pending') stats.pending += 1;
    else stats.cancelled += 1;
  }
  stats.distinct = outputs.size;
  return stats;
}

type GridAxes = Pick<RunSummary, 'models' | 'temperatures' | 'cases'>;

/** Builds grids, reusing each unchanged cell of the grid it built last. */
export function createGridBuilder(): (axes: GridAxes, samples: readonly Sample[]) => RunGrid {
  let previous: ReadonlyMap<string, RunCell> = new Map();
  return (axes, samples) => {
    const grid = buildRunGrid(axes, samples, previous);
    previous = grid.cells;
    return grid;
  };
}

export function buildRunGrid(axes: GridAxes, samples: readonly Sample[], previous: ReadonlyMap<string, RunCell> = new Map()): RunGrid {
  const models = ordered(axes.models, samples.map((sample) => sample.model));
  const temperatures = ordered(axes.temperatures, samples.map((sample) => sample.temperature)).sort((a, b) => a - b);
  const cases = ordered(axes.cases, samples.map((sample) => sample.case));

  const grouped = new Map<string, Sample[]>();
  for (const sample of samples) {
    const key = cellKey(sample.model, sample.temperature, sample.case);
    let list = grouped.get(key);
    if (!list) grouped.set(key, (list = []));
    list.push(sample);
  }

  const cells = new Map<string, RunCell>();
  for (const [key, list] of grouped) {
    list.sort((a, b) => a.index - b.index);
    const old = previous.get(key);
    if (old && sameItems(old.samples, list)) {
      cells.set(key, old);
      continue;
    }
    const first = list[0] as Sample;
    cells.set(key, { key, model: first.model, temperature: first.temperature, caseName: first.case, samples: list, stats: cellStats(list) });
  }

  const rows = cases.flatMap((caseName) => temperatures.map((temperature, index) => ({ caseName, temperature, firstOfCase: index === 0 })));
  return { models, rows, temperaturesPerCase: temperatures.length, cells };
}

/** The declared order first, then anything the samples add (defensive: a run's axes come from its request). */
function ordered<T>(declared: readonly T[], seen: readonly T[]): T[] {
  const result = [...new Set(declared)];
  const known = new Set(result);
  for (const value of seen) {
    if (!known.has(value)) {
      known.add(value);
      result.push(value);
    }
  }
  return result;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
