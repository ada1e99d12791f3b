import type { RunSummary } from '../../../shared/runs';
import { AlertCircleIcon } from '../../components/icons';
import { TextWithCode } from '../../components/TextWithCode';
import './runView.css';

/** Why the run stopped early (a rejected key, a crash) and what to do next. */
export function StopReasonBanner({ summary }: { summary: RunSummary }) {
  if (!summary.stopReason) return null;
  const title = summary.status === 'cancelled' ? 'Cancelled' : summary.status === 'running' ? 'Note' : 'Stopped early';
  return (
    <div className={`stop-reason stop-reason--${summary.status}`} role="alert">
      <AlertCircleIcon size={16} className="stop-reason__icon" />
      <div>
        <div className="stop-reason__title">{title}</div>
        <p className="stop-reason__text selectable">
          <TextWithCode text={summary.stopReason} />
        </p>
      </div>
    </div>
  );
}
