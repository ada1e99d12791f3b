import { ModelChip } from '../ModelChip';
import { changeLine } from './cellChanges';
import { OutputCard, type DiffSlot } from './OutputCard';
import type { SideBySideCell } from './sideBySide';
import type { SideCluster } from '../../../shared/variance/clusterChanges';

interface CellOutputsProps {
  cell: SideBySideCell;
  /** The two runs in a few words: "Other run", "This run". */
  names: { a: string; b: string };
  /** The representative sample ids in the A and B slots of the diff. */
  picked: { a: string | null; b: string | null };
  onPick(slot: DiffSlot, side: 'a' | 'b', cluster: SideCluster, cell: SideBySideCell): void;
}

function answers(count: number, failed: number): string {
  const ok = `${count} ${count === 1 ? 'answer' : 'answers'}`;
  return failed > 0 ? `${ok} · ${failed} failed` : ok;
}

/** One cell of both runs: what changed in a line, then each run's clusters, matched answers side by side. */
export function CellOutputs({ cell, names, picked, onPick }: CellOutputsProps) {
  const { items, more } = changeLine(cell.changes);
  const place = `${cell.model}, T ${cell.temperature}, ${cell.case}`;
  const card = (side: 'a' | 'b', cluster: SideCluster | null, mark: 'new' | 'gone' | null) =>
    cluster ? (
      <OutputCard
        cluster={cluster}
        sideName={names[side]}
        mark={mark}
        picked={{ a: picked.a === cluster.representativeId, b: picked.b === cluster.representativeId }}
        onPick={(slot) => onPick(slot, side, cluster, cell)}
      />
    ) : (
      <div className="output-card output-card--absent" aria-hidden="true" />
    );
  return (
    <section className="outputs-cell" aria-label={place} data-changed={cell.changed}>
      <header className="outputs-cell__head">
        <ModelChip model={cell.model} size="sm" />
        <span className="outputs-cell__temperature">T {cell.temperature}</span>
        <span className="outputs-cell__case" title={cell.case}>
          {cell.case}
        </span>
        {cell.changed && (
          <span className="outputs-cell__moved" title="How much of the cell’s answers moved between the runs: half the sum of every answer’s change in share">
            {Math.round(cell.changes.shift * 100)}% moved
          </span>
        )}
      </header>
      <p className="outputs-cell__changes" data-testid="cell-changes">
        <span className="outputs-cell__changes-label">What changed:</span>{' '}
        {items.length === 0 ? (
          <span className="outputs-cell__same">same answers in about the same shares</span>
        ) : (
          items.map((item, index) => (
            <span key={index}>
              {index > 0 && <span className="outputs-cell__dot"> · </span>}
              <span className={`outputs-cell__change outputs-cell__change--${item.kind}`}>{item.text}</span>
            </span>
          ))
        )}
        {more > 0 && <span className="outputs-cell__dot"> · {more} more</span>}
      </p>
      <div className="outputs-cell__pairs">
        <p className="outputs-cell__count">{answers(cell.a.ok, cell.a.failed)}</p>
        <p className="outputs-cell__count">{answers(cell.b.ok, cell.b.failed)}</p>
        {cell.changes.pairs.map((pair) => (
          <div className="outputs-cell__pair" key={`${pair.a?.representativeId ?? ''}/${pair.b?.representativeId ?? ''}`}>
            {card('a', pair.a, pair.b ? null : 'gone')}
            {card('b', pair.b, pair.a ? null : 'new')}
          </div>
        ))}
      </div>
    </section>
  );
}
