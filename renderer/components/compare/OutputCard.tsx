import { useState } from 'react';
import type { SideCluster } from '../../../shared/variance/clusterChanges';

export type DiffSlot = 'a' | 'b';

interface OutputCardProps {
  cluster: SideCluster;
  /** Which run it is from, in a few words ("This run"), for a screen reader. */
  sideName: string;
  /** "new" in the newer run, "gone" from it, or null for an answer both runs gave. */
  mark: 'new' | 'gone' | null;
  /** Which diff slots hold this output, to show its A and B buttons pressed. */
  picked: { a: boolean; b: boolean };
  onPick(slot: DiffSlot): void;
}

/** Longer than this, the text is clamped to three lines until a person asks for all of it. */
const CLAMP_CHARS = 180;

/** One cluster of answers: its representative output (as text), how many gave it, and the diff pickers. */
export function OutputCard({ cluster, sideName, mark, picked, onPick }: OutputCardProps) {
  const [full, setFull] = useState(false);
  const long = cluster.text.length > CLAMP_CHARS || cluster.text.split('\n').length > 3;
  const share = `${Math.round(cluster.share * 100)}%`;
  return (
    <div
      className={`output-card${mark ? ` output-card--${mark}` : ''}`}
      role="group"
      aria-label={`${sideName}: ${cluster.size} × (${share})${mark ? `, ${mark}` : ''}`}
      data-sample-id={cluster.representativeId}
    >
      <div className="output-card__meta">
        <span className="output-card__count" title={`${cluster.size} of the cell’s answers (${share}) read like this one`}>
          ×{cluster.size} · {share}
        </span>
        {mark && <span className={`output-card__mark output-card__mark--${mark}`}>{mark}</span>}
        <span className="output-card__pick">
          {(['a', 'b'] as const).map((slot) => (
            <button
              key={slot}
              type="button"
              className="output-card__slot"
              aria-pressed={picked[slot]}
              aria-label={slot === 'a' ? 'Diff from this output (A)' : 'Diff to this output (B)'}
              title={slot === 'a' ? 'Use as A: the text the diff starts from' : 'Use as B: the text read against A'}
              onClick={() => onPick(slot)}
            >
              {slot.toUpperCase()}
            </button>
          ))}
        </span>
      </div>
      <p className={`output-card__text selectable${long && !full ? ' output-card__text--clamped' : ''}`} data-testid="compare-output">
        {cluster.text}
      </p>
      {long && (
        <button type="button" className="output-card__more text-link" aria-expanded={full} onClick={() => setFull(!full)}>
          {full ? 'Show less' : 'Show all'}
        </button>
      )}
    </div>
  );
}
