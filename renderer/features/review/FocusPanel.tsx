import { lazy, Suspense, useDeferredValue, useMemo, useState } from 'react';
import type { SampleRating } from '../../../shared/ratings';
import type { Sample } from '../../../shared/runs';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ArrowDownIcon, ArrowUpIcon, ListIcon, WarningIcon } from '../../components/icons';
import { Kbd } from '../../components/Kbd';
import { ModelChip } from '../../components/ModelChip';
import { Skeleton } from '../../components/Skeleton';
import { formatCount } from '../../lib/runFormat';
import { SampleChecks } from './checks/SampleChecks';
import { NoteField } from './NoteField';
import { RatingBar } from './RatingBar';
import type { ReviewCommand } from './reviewReducer';
import { diffChoices } from './sample/diffChoices';
import type { SamplePlace } from './sampleOrder';
import { UnsavedRatingMark } from './UnsavedRatings';
import './focusPanel.css';

/** The sample view brings markdown and diffing; the grid need not wait for them (ReviewPage asks for it early). */
export const loadSampleView = () => import('./sample/SampleView');
const SampleView = lazy(() => loadSampleView().then((module) => ({ default: module.SampleView })));

interface FocusPanelProps {
  runId: string;
  /** The run's prompt, whose checks the sample is measured by. */
  prompt: string;
  /** The prompt has checks: the sample's verdicts are listed. */
  hasChecks: boolean;
  sample: Sample | undefined;
  /** The run's samples by id: the cell's other answers, to diff the sample with. */
  samples: ReadonlyMap<string, Sample>;
  rating: SampleRating | null;
  place: SamplePlace | undefined;
  /** Where the sample is in the review order (0-based), and how many there are. */
  position: number;
  total: number;
  blind: boolean;
  running: boolean;
  onCommand(command: ReviewCommand): void;
}

/** The focused sample in full, with its rating and note: the place where reading turns into judging. */
export function FocusPanel({ runId, prompt, hasChecks, sample, samples, rating, place, position, total, blind, running, onCommand }: FocusPanelProps) {
  // The full sample (markdown, word diff) follows a moment behind the keys: a rating or a move
  // paints its mark and this header first, then the sample catches up. Blind, a sample is judged
  // alone: nothing compares it with the others (no diff against the most common answer).
  const reference = blind ? null : (place?.cell.mostCommonOutput ?? null);
  const cellSampleIds = blind ? null : (place?.cell.sampleIds ?? null);
  const others = useMemo(() => (sample && cellSampleIds ? diffChoices(cellSampleIds, samples, sample) : []), [sample, cellSampleIds, samples]);
  // The answer chosen to diff with stays chosen while j/k walk its cell: each sample in turn is
  // read against it. Elsewhere (or for that answer itself) the diff falls back to the most common.
  const [against, setAgainst] = useState<string | null>(null);
  // One object per change (not per render): a new object every render would defer forever.
  const current = useMemo(() => (sample ? { sample, rating, reference, others } : null), [sample, rating, reference, others]);
  const shown = useDeferredValue(current);
  if (!sample) {
    return (
      <aside className="focus-panel focus-panel--empty" aria-label="Focused sample">
        <EmptyState compact icon={<ListIcon size={18} />} title={running ? 'No answers yet' : 'Nothing to rate'}>
          <p>{running ? 'Samples appear here as they finish.' : 'None of this run’s samples returned an answer.'}</p>
        </EmptyState>
      </aside>
    );
  }
  const clusterSize = place?.cluster?.size ?? 1;
  const failed = sample.status === 'error';
  return (
    <aside className="focus-panel" aria-label="Focused sample">
      <header className="focus-panel__head">
        <div className="focus-panel__where">
          <span className="focus-panel__position">
            Sample <strong>{formatCount(position + 1)}</strong> of {formatCount(total)}
          </span>
          {!blind && (
            <span className="focus-panel__cell">
              <ModelChip model={sample.model} size="sm" />
              <span>T {sample.temperature}</span>
              <span className="focus-panel__case" title={sample.case}>
                {sample.case}
              </span>
            </span>
          )}
        </div>
        <div className="focus-panel__nav">
          <Button variant="ghost" className="button--icon" aria-label="Previous sample" title="Previous sample (k or ↑)" onClick={() => onCommand({ type: 'move', delta: -1 })}>
            <ArrowUpIcon size={14} />
          </Button>
          <Button variant="ghost" className="button--icon" aria-label="Next sample" title="Next sample (j or ↓)" onClick={() => onCommand({ type: 'move', delta: 1 })}>
            <ArrowDownIcon size={14} />
          </Button>
        </div>
      </header>
      <div className="focus-panel__judge">
        {failed ? (
          <p className="focus-panel__failed">
            <WarningIcon size={14} />
            <span>
              Failed: no answer to rate. Why is below; <Kbd>n</Kbd> adds a note.
            </span>
          </p>
        ) : (
          <>
            <RatingBar value={rating?.rating ?? null} onRate={(value) => onCommand({ type: 'rate', rating: value })} />
            <UnsavedRatingMark runId={runId} sampleId={sample.sampleId} />
          </>
        )}
        {/* Blind, nothing hints at the other samples: a cluster's size would nudge the rating. */}
        {!blind && !failed && clusterSize > 1 && (
          <p className="focus-panel__cluster">
            In a cluster of {clusterSize}: <Kbd>c</Kbd> then a digit rates them all
          </p>
        )}
        <NoteField runId={runId} sampleId={sample.sampleId} note={rating?.note ?? null} />
      </div>
      {/* Blind, a verdict would nudge the rating as much as the cluster's size would. */}
      {hasChecks && !blind && (
        <div className="focus-panel__checks">
          <SampleChecks prompt={prompt} sample={sample} />
        </div>
      )}
      <div className="focus-panel__sample">
        {shown && (
          <Suspense fallback={<Skeleton width="100%" height={160} />}>
            <SampleView
              key={shown.sample.sampleId}
              sample={shown.sample}
              rating={shown.rating}
              reference={shown.reference}
              others={shown.others}
              against={against}
              onAgainst={setAgainst}
              blind={blind}
            />
          </Suspense>
        )}
      </div>
    </aside>
  );
}
