import { useEffect, useState } from 'react';
import type { RunDetail } from '../../../shared/runs';
import { changedFirst, compareCell, sharedCells, type SideBySideCell } from './sideBySide';

/**
 * Clustering and matching two 20,000-sample runs takes seconds: the cells are compared a slice at a
 * time between frames, so the page keeps scrolling and answering keys while they are, and the view
 * shows how far it has got.
 */
const SLICE_MS = 12;

export interface SideBySideProgress {
  /** null until every cell is compared (they are sorted by how much changed, which needs all). */
  cells: SideBySideCell[] | null;
  done: number;
  total: number;
}

export function useSideBySideCells(a: RunDetail, b: RunDetail, threshold: number): SideBySideProgress {
  const [progress, setProgress] = useState<SideBySideProgress>({ cells: null, done: 0, total: 0 });
  useEffect(() => {
    const shared = sharedCells(a.samples, b.samples, b.summary);
    const compared: SideBySideCell[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      const until = performance.now() + SLICE_MS;
      while (compared.length < shared.length && performance.now() < until) compared.push(compareCell(shared[compared.length] as (typeof shared)[number], threshold));
      if (compared.length < shared.length) {
        setProgress({ cells: null, done: compared.length, total: shared.length });
        timer = setTimeout(step, 0);
      } else {
        setProgress({ cells: changedFirst(compared), done: shared.length, total: shared.length });
      }
    };
    step();
    return () => clearTimeout(timer);
  }, [a.samples, b.samples, b.summary, threshold]);
  return progress;
}
