import type { RunSummary } from '../../../shared/runs';
import { useRunSamples } from '../../api/runQueries';
import { Button } from '../../components/Button';
import { CheckIcon, CloseIcon, RefreshIcon, WarningIcon } from '../../components/icons';
import { TextWithCode } from '../../components/TextWithCode';
import { plural } from '../../lib/labels';
import { retryHeard, retryOutcome, retryOutcomeText } from './retryOutcome';
import { dismissRetry, useRetried } from './retryTracker';
import './retryStatus.css';

/**
 * What "Retry failed" is doing, then what it did: "Retried 3 samples: 0 ok, 3 still failing —
 * Unknown model …". Blind, the reason is left out: a failure's message names its model.
 */
export function RetryStatus({ summary, blind }: { summary: RunSummary; blind: boolean }) {
  const retried = useRetried(summary.runId);
  const samples = useRunSamples(summary.runId).data;
  if (!retried || !samples) return null;
  if (summary.status === 'running' || !retryHeard(retried.sampleIds, samples, retried.since)) {
    return (
      <div className="retry-status retry-status--busy" role="status">
        <RefreshIcon size={14} className="retry-status__icon" />
        <span>Retrying {plural(retried.sampleIds.length, 'failed sample')}…</span>
      </div>
    );
  }
  const outcome = retryOutcome(retried.sampleIds, samples);
  const settled = outcome.failing === 0 && outcome.unfinished === 0;
  return (
    <div className={`retry-status retry-status--${settled ? 'ok' : 'failing'}`} role="status">
      {settled ? <CheckIcon size={14} className="retry-status__icon" /> : <WarningIcon size={14} className="retry-status__icon" />}
      <span className="retry-status__text selectable">
        <TextWithCode text={retryOutcomeText(outcome, !blind)} />
      </span>
      <Button variant="ghost" className="button--icon retry-status__close" aria-label="Dismiss" title="Dismiss" onClick={() => dismissRetry(summary.runId)}>
        <CloseIcon size={12} />
      </Button>
    </div>
  );
}
