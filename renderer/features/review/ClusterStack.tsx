import type { MouseEvent } from 'react';
import type { SampleRating } from '../../../shared/ratings';
import type { Sample } from '../../../shared/runs';
import type { OutputCluster } from '../../../shared/variance/outputClusters';
import { clampedText, fullText } from './formatFigures';
import './clusterStack.css';

/** The clusters shown per cell; the rest are summed up in one line (and reached with j/k). */
const MAX_CLUSTERS = 3;
/** Rating marks per cluster before "+N": a cell of 1,000 identical answers stays one line or two. */
const MAX_MARKS = 40;

interface ClusterStackProps {
  clusters: readonly OutputCluster[];
  /** Whether a sample fails a check of the prompt (marked ✕); always false without checks. */
  failsCheck(sampleId: string): boolean;
  samples: ReadonlyMap<string, Sample>;
  ratings: ReadonlyMap<string, SampleRating>;
  /** The focused sample, when it is in this cell. */
  focusedId: string | null;
  /** Each cluster's whole answer rather than its first few lines. */
  full: boolean;
  onFocus(sampleId: string): void;
}

/**
 * A cell's answers as a stack: per cluster its most common answer in a few lines (or whole), ×N, and a mark per
 * sample showing its rating. Clicks are read from data attributes (one handler per stack, not one
 * per mark), since a visible screen can hold thousands of marks.
 */
export function ClusterStack({ clusters, failsCheck, samples, ratings, focusedId, full, onFocus }: ClusterStackProps) {
  const focusedCluster = focusedId === null ? -1 : clusters.findIndex((cluster) => cluster.sampleIds.includes(focusedId));
  const shown = clusters.filter((_, index) => index < MAX_CLUSTERS || index === focusedCluster);
  const hidden = clusters.filter((_, index) => index >= MAX_CLUSTERS && index !== focusedCluster);

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const id = (event.target as HTMLElement).closest<HTMLElement>('[data-sample-id]')?.dataset.sampleId;
    if (id) onFocus(id);
  }

  return (
    <div className="cluster-stack" onClick={onClick}>
      {shown.map((cluster) => {
        const focused = focusedId !== null && cluster.sampleIds.includes(focusedId);
        const first = firstUnrated(cluster, ratings);
        const similar = cluster.size - cluster.exactCount;
        const failing = cluster.sampleIds.reduce((count, id) => count + (failsCheck(id) ? 1 : 0), 0);
        const output = samples.get(cluster.representativeId)?.output ?? null;
        return (
          <div key={cluster.representativeId} className={`cluster${focused ? ' is-focused' : ''}`}>
            {/* Text only: a model's answer is never read as markup. */}
            <button type="button" className={`cluster__text${full ? ' is-full' : ''}`} data-sample-id={first}>
              <span className="cluster__lines">{full ? fullText(output) : clampedText(output)}</span>
            </button>
            <span className="cluster__end">
              <NotesMarker count={countNotes(cluster.sampleIds, ratings)} />
              {failing > 0 && <CheckFailsMarker failing={failing} size={cluster.size} />}
              <span className="cluster__count" title={similar > 0 ? `${cluster.exactCount} identical, ${similar} similar` : `${cluster.size} identical`}>
                {similar > 0 && <span className="cluster__similar">≈</span>}×{cluster.size}
              </span>
            </span>
            <ClusterMarks sampleIds={cluster.sampleIds} ratings={ratings} focusedId={focused ? focusedId : null} failsCheck={failsCheck} />
          </div>
        );
      })}
      {hidden.length > 0 && (
        <button type="button" className="cluster-stack__more" data-sample-id={hidden[0]?.representativeId}>
          {moreLabel(hidden)}
        </button>
      )}
    </div>
  );
}

interface ClusterMarksProps {
  sampleIds: readonly string[];
  ratings: ReadonlyMap<string, SampleRating>;
  focusedId: string | null;
  /** Marks of failed samples (FailureStack): drawn as failures, never with a rating. */
  failed?: boolean;
  /** Answers that fail a check get a ✕ on their mark. */
  failsCheck?: (sampleId: string) => boolean;
}

/**
 * A mark per member, at most MAX_MARKS at a time: the page of marks that holds the focused sample
 * (j/k walk through a 1,000-strong cluster page by page), with what is left out counted either side.
 */
export function ClusterMarks({ sampleIds, ratings, focusedId, failed = false, failsCheck }: ClusterMarksProps) {
  const at = focusedId === null ? 0 : Math.max(0, sampleIds.indexOf(focusedId));
  const start = Math.floor(at / MAX_MARKS) * MAX_MARKS;
  const end = Math.min(sampleIds.length, start + MAX_MARKS);
  return (
    <span className="cluster__marks" aria-hidden="true">
      {start > 0 && <span className="cluster__more">{start}+</span>}
      {sampleIds.slice(start, end).map((id) => {
        const entry = ratings.get(id);
        return (
          <span
            key={id}
            className={`mark${failed ? ' mark--failed' : ''}${id === focusedId ? ' is-focused' : ''}`}
            title={markTitle(failed, entry)}
            data-sample-id={id}
            data-rating={failed ? undefined : (entry?.rating ?? undefined)}
            data-note={entry?.note ? 'true' : undefined}
            data-check={!failed && failsCheck?.(id) ? 'failed' : undefined}
          />
        );
      })}
      {end < sampleIds.length && <span className="cluster__more">+{sampleIds.length - end}</span>}
    </span>
  );
}

/** What a mark stands for, on hover: its digit and corner say the same to the eye. */
function markTitle(failed: boolean, entry: SampleRating | undefined): string {
  const what = failed ? 'Failed' : entry?.rating ? `Rated ${entry.rating}` : 'Not rated';
  return entry?.note ? `${what} · has a note` : what;
}

/** How many of these samples have a note. */
export function countNotes(sampleIds: readonly string[], ratings: ReadonlyMap<string, SampleRating>): number {
  let count = 0;
  for (const id of sampleIds) if (ratings.get(id)?.note) count++;
  return count;
}

/** "✎ 2": notes written on a cluster's answers (their marks carry a dot), said in full to a screen reader. */
export function NotesMarker({ count }: { count: number }) {
  if (count === 0) return null;
  const words = count === 1 ? '1 note' : `${count} notes`;
  return (
    <span className="notes-marker" role="img" aria-label={words} title={`${words}: focus a sample whose mark has a dot to read it`}>
      ✎{count > 1 ? ` ${count}` : ''}
    </span>
  );
}

/** "✕ 2": how many of a cluster's answers fail a check, said in full to a screen reader and on hover. */
function CheckFailsMarker({ failing, size }: { failing: number; size: number }) {
  const words = failing === size ? (size === 1 ? 'Fails a check' : `All ${size} fail a check`) : `${failing} of ${size} fail a check`;
  return (
    <span className="check-fails" role="img" aria-label={words} title={`${words}: focus one to see which and why`}>
      ✕{failing === size ? '' : ` ${failing}`}
    </span>
  );
}

/** "+2 more clusters · 5 samples" (plain digits: a screen of cells renders this many times). */
function moreLabel(hidden: readonly OutputCluster[]): string {
  const samples = hidden.reduce((sum, cluster) => sum + cluster.size, 0);
  return `+${hidden.length} more ${hidden.length === 1 ? 'cluster' : 'clusters'} · ${samples} ${samples === 1 ? 'sample' : 'samples'}`;
}

/** Clicking a cluster goes to its first sample still to rate, else to its representative. */
function firstUnrated(cluster: OutputCluster, ratings: ReadonlyMap<string, SampleRating>): string {
  return cluster.sampleIds.find((id) => (ratings.get(id)?.rating ?? null) === null) ?? cluster.representativeId;
}
