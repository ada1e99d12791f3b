import { memo } from 'react';
import type { RunSummary } from '../../../shared/runs';
import { useRunProgress } from '../../api/runQueries';
import { formatCount, formatRate, formatTimeLeft } from '../../lib/runFormat';
import './runView.css';

/**
 * done / total as a bar split by outcome, with errors, rate and time left while it runs. Memoised:
 * the review redraws on every rating, the progress only with the run's own ticks.
 */
export const RunProgressBar = memo(function RunProgressBar({ summary }: { summary: RunSummary }) {
  const progress = useRunProgress(summary.runId).data;
  const running = summary.status === 'running';
  const total = Math.max(summary.total, 1);
  const done = summary.ok + summary.errors;
  const percent = (count: number) => `${(count / total) * 100}%`;
  const live = running && progress?.status === 'running' ? progress : undefined;

  return (
    <div className="run-progress">
      <div
        className={`run-progress__bar${running ? ' run-progress__bar--running' : ''}`}
        role="progressbar"
        aria-label="Samples done"
        aria-valuemin={0}
        aria-valuemax={summary.total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${summary.total} done`}
      >
        <span className="run-progress__segment run-progress__segment--ok" style={{ width: percent(summary.ok) }} />
        <span className="run-progress__segment run-progress__segment--error" style={{ width: percent(summary.errors) }} />
        <span className="run-progress__segment run-progress__segment--cancelled" style={{ width: percent(summary.cancelled) }} />
      </div>
      <div className="run-progress__facts">
        <span className="run-progress__done">
          <strong>{formatCount(done)}</strong> of {formatCount(summary.total)} done
        </span>
        <span className="run-progress__ok">{formatCount(summary.ok)} ok</span>
        <span className={summary.errors > 0 ? 'run-progress__errors' : undefined}>
          {formatCount(summary.errors)} {summary.errors === 1 ? 'error' : 'errors'}
        </span>
        {summary.cancelled > 0 && <span>{formatCount(summary.cancelled)} cancelled</span>}
        {live && <span>{formatRate(live.rate)}</span>}
        {live && <span>{live.etaMs === null ? 'estimating time left…' : `${formatTimeLeft(live.etaMs)} left`}</span>}
      </div>
    </div>
  );
});
