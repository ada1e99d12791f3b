import { useEffect, useState } from 'react';
import { Button } from '../../components/Button';
import { CloseIcon } from '../../components/icons';
import { ModelChip } from '../../components/ModelChip';
import { SampleItem } from './SampleItem';
import type { RunCell } from './runGridModel';
import './cellPanel.css';

/** Outputs are long; a cell of 1,000 samples shows them a page at a time. */
const PAGE = 50;

/** The chosen cell's samples: each output as text, with its latency, tokens, cost or error. */
export function CellPanel({ cell, onClose }: { cell: RunCell; onClose(): void }) {
  const [shown, setShown] = useState(PAGE);
  const [openSample, setOpenSample] = useState<string | null>(null);
  const { stats } = cell;

  // Esc closes the panel, unless a dialog or a field has the key.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      onClose();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  return (
    <aside className="cell-panel card" aria-label="Cell samples">
      <header className="cell-panel__header">
        <div className="cell-panel__title">
          <ModelChip model={cell.model} />
          <span className="cell-panel__axis">temperature {cell.temperature}</span>
          <span className="cell-panel__axis cell-panel__case" title={cell.caseName}>
            {cell.caseName}
          </span>
        </div>
        <Button variant="ghost" className="button--icon" aria-label="Close the samples" title="Close (Esc)" onClick={onClose}>
          <CloseIcon size={14} />
        </Button>
      </header>
      <p className="cell-panel__stats">
        <span className="run-cell__ok">{stats.ok} ok</span>
        <span className={stats.errors > 0 ? 'run-cell__errors' : undefined}>{stats.errors} errors</span>
        {stats.pending > 0 && <span>{stats.pending} pending</span>}
        {stats.cancelled > 0 && <span>{stats.cancelled} cancelled</span>}
        <span>{stats.distinct} distinct outputs</span>
      </p>
      <ol className="cell-panel__samples">
        {cell.samples.slice(0, shown).map((sample) => (
          <SampleItem
            key={sample.sampleId}
            sample={sample}
            open={openSample === sample.sampleId}
            onToggle={() => setOpenSample((current) => (current === sample.sampleId ? null : sample.sampleId))}
          />
        ))}
      </ol>
      {cell.samples.length > shown && (
        <Button className="cell-panel__more" onClick={() => setShown((count) => count + PAGE)}>
          Show {Math.min(PAGE, cell.samples.length - shown)} more of {cell.samples.length - shown}
        </Button>
      )}
    </aside>
  );
}
