import { useEffect, useState } from 'react';
import type { RunDetail } from '../../../shared/runs';
import type { SideCluster } from '../../../shared/variance/clusterChanges';
import { snippet } from '../../lib/snippet';
import { Button } from '../Button';
import { CellOutputs } from './CellOutputs';
import { OutputDiffPanel, type PickedOutput } from './OutputDiffPanel';
import type { DiffSlot } from './OutputCard';
import type { SideBySideCell } from './sideBySide';
import { useSideBySideCells } from './useSideBySideCells';
import { Skeleton } from '../Skeleton';
import './outputs.css';

interface OutputsSideBySideProps {
  /** The baseline: the other run, or the older version's. */
  a: RunDetail;
  b: RunDetail;
  /** The runs as the column headings name them: "Other: Dec 7 · v3 · 80 samples". */
  aLabel: string;
  bLabel: string;
  /** The runs in a few words, for the picked outputs: "Other run". */
  aName: string;
  bName: string;
  /** The review's cluster threshold, so a cluster here is the one the grid shows. */
  threshold: number;
}

/** Cells are drawn a page at a time: a 200-cell run would otherwise draw thousands of outputs at once. */
const PAGE = 20;

/** Both runs' answers, cell by cell, side by side, with what changed and a word diff of any two. */
export function OutputsSideBySide({ a, b, aLabel, bLabel, aName, bName, threshold }: OutputsSideBySideProps) {
  const progress = useSideBySideCells(a, b, threshold);
  const cells = progress.cells ?? [];
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [picks, setPicks] = useState<{ a: PickedOutput | null; b: PickedOutput | null }>({ a: null, b: null });
  const changedCount = cells.filter((cell) => cell.changed).length;
  const listed = onlyChanged ? cells.filter((cell) => cell.changed) : cells;
  const shown = listed.slice(0, limit);
  const picking = picks.a !== null || picks.b !== null;

  useEffect(() => {
    if (!picking) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) setPicks({ a: null, b: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [picking]);

  const pick = (slot: DiffSlot, side: 'a' | 'b', cluster: SideCluster, cell: SideBySideCell) => {
    const where = `${side === 'a' ? aName : bName} · ${cell.model} · T ${cell.temperature} · ${cell.case} · “${snippet(cluster.text, 32)}”`;
    setPicks((current) => ({ ...current, [slot]: current[slot]?.sampleId === cluster.representativeId ? null : { sampleId: cluster.representativeId, text: cluster.text, where } }));
  };

  if (progress.total === 0) return null;
  return (
    <section aria-label="Outputs side by side" className="compare__section outputs">
      <div className="outputs__top">
        <h3 className="compare__subtitle">
          Outputs side by side <span className="compare__against">clusters of near-identical answers, the cells that changed most first</span>
        </h3>
        {progress.cells !== null && (
          <label className="outputs__toggle">
            <input type="checkbox" checked={onlyChanged} onChange={(event) => setOnlyChanged(event.target.checked)} />
            Only changed cells ({changedCount} of {cells.length})
          </label>
        )}
      </div>
      <div className="outputs__columns" aria-hidden="true">
        <span className="outputs__column outputs__column--a" title={aLabel}>
          {aLabel}
        </span>
        <span className="outputs__column outputs__column--b" title={bLabel}>
          {bLabel}
        </span>
      </div>
      {progress.cells === null ? (
        <div className="outputs__progress" role="status">
          <p>
            Matching answers: {progress.done.toLocaleString('en-US')} of {progress.total.toLocaleString('en-US')} cells
          </p>
          <Skeleton width="100%" height={120} />
        </div>
      ) : shown.length === 0 ? (
        <p className="compare-cells__note">No cell changed: both runs gave the same answers in about the same shares.</p>
      ) : (
        shown.map((cell) => <CellOutputs key={cell.key} cell={cell} names={{ a: aName, b: bName }} picked={{ a: picks.a?.sampleId ?? null, b: picks.b?.sampleId ?? null }} onPick={pick} />)
      )}
      {listed.length > shown.length && (
        <div className="outputs__more">
          <Button onClick={() => setLimit(limit + PAGE)}>
            Show {Math.min(PAGE, listed.length - shown.length)} more of {listed.length - shown.length} cells
          </Button>
        </div>
      )}
      <OutputDiffPanel a={picks.a} b={picks.b} onSwap={() => setPicks({ a: picks.b, b: picks.a })} onClear={() => setPicks({ a: null, b: null })} />
    </section>
  );
}
