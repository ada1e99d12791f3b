import { useMemo, useState } from 'react';
import type { RunDetail } from '../../../shared/runs';
import { createGridBuilder, type RunGrid } from './runGridModel';

/** The run's grid, rebuilt when samples change, reusing every cell that did not. */
export function useRunGrid(run: RunDetail): RunGrid {
  // One builder per mounted view: it remembers the previous grid (not React state, just a cache).
  const [build] = useState(createGridBuilder);
  const { models, temperatures, cases } = run.summary;
  return useMemo(() => build({ models, temperatures, cases }, run.samples), [build, models, temperatures, cases, run.samples]);
}
