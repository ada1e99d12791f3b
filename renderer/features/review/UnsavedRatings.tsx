import { useUnsavedRatings } from '../../api/ratingQueries';
import { RefreshIcon } from '../../components/icons';
import './unsavedRatings.css';

const WHY = 'Another program is writing to the workspace database. Your ratings stay as you gave them and are saved as soon as it lets go.';

/** How many of the run's rating changes are not saved yet, while the core retries them; nothing otherwise. */
export function UnsavedRatingsStatus({ runId }: { runId: string }) {
  const { count } = useUnsavedRatings(runId);
  if (count === 0) return null;
  return (
    <span className="unsaved-ratings" role="status" title={WHY}>
      <RefreshIcon size={12} className="unsaved-ratings__icon" />
      {count === 1 ? '1 change unsaved — retrying' : `${count} changes unsaved — retrying`}
    </span>
  );
}

/** Beside a sample's rating: its last change is not saved yet. */
export function UnsavedRatingMark({ runId, sampleId }: { runId: string; sampleId: string }) {
  const { sampleIds } = useUnsavedRatings(runId);
  if (!sampleIds.has(sampleId)) return null;
  return (
    <p className="unsaved-ratings unsaved-ratings--sample" title={WHY}>
      <RefreshIcon size={12} className="unsaved-ratings__icon" />
      Unsaved — retrying
    </p>
  );
}
