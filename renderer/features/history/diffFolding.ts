// Long stretches of unchanged lines fold away, leaving a few lines of context around each change,
// the way code review tools show a diff.
import type { DiffRow } from '../../../shared/versions';

export type DiffItem = { kind: 'row'; row: DiffRow; index: number } | { kind: 'fold'; start: number; count: number };

/**
 * Keeps `context` unchanged rows next to every change; a longer unchanged run becomes one fold
 * (unless folding would hide fewer than `minFold` rows, which is not worth a click).
 */
export function foldRows(rows: readonly DiffRow[], expanded: ReadonlySet<number>, context = 3, minFold = 4): DiffItem[] {
  const items: DiffItem[] = [];
  let index = 0;
  while (index < rows.length) {
    if (rows[index]?.kind !== 'context') {
      items.push({ kind: 'row', row: rows[index] as DiffRow, index });
      index += 1;
      continue;
    }
    let end = index;
    while (end < rows.length && rows[end]?.kind === 'context') end += 1;
    const keepBefore = index === 0 ? 0 : context;
    const keepAfter = end === rows.length ? 0 : context;
    const foldStart = index + keepBefore;
    const foldEnd = end - keepAfter;
    const hidden = foldEnd - foldStart;
    for (let i = index; i < end; i += 1) {
      const inFold = hidden >= minFold && !expanded.has(foldStart) && i >= foldStart && i < foldEnd;
      if (inFold && i === foldStart) items.push({ kind: 'fold', start: foldStart, count: hidden });
      if (!inFold) items.push({ kind: 'row', row: rows[i] as DiffRow, index: i });
    }
    index = end;
  }
  return items;
}

export function changeCounts(rows: readonly DiffRow[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const row of rows) {
    if (row.kind === 'added' || row.kind === 'changed') added += 1;
    if (row.kind === 'removed' || row.kind === 'changed') removed += 1;
  }
  return { added, removed };
}
