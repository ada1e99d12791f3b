import { WarningIcon } from '../../components/icons';

interface RunStartStatusProps {
  /** Why Start is disabled; null when it is not. */
  blocked: string | null;
  /** How many more reasons the estimate lists above. */
  more: number;
  /** "72 calls · $0.01" once there is an estimate. */
  summary: string | null;
  /** The first warning, shortened; the estimate has them in full. */
  warning: string | null;
}

/**
 * Beside the Start button, where it is seen without scrolling: why Start is disabled, else what
 * the run will make, and anything worth a look first.
 */
export function RunStartStatus({ blocked, more, summary, warning }: RunStartStatusProps) {
  if (blocked !== null) {
    return (
      <span className="dialog__footer-hint run-start-status run-start-status--blocked" role="status" aria-label="Why Start is disabled">
        <WarningIcon size={13} className="run-start-status__icon" />
        <span className="run-start-status__text">
          {blocked}
          {more > 0 && <span className="run-start-status__more"> (+{more} more above)</span>}
        </span>
      </span>
    );
  }
  return (
    <span className="dialog__footer-hint run-start-status" role="status">
      {summary && <span className="run-dialog__summary">{summary}</span>}
      {warning && (
        <span className="run-start-status__warning">
          <WarningIcon size={13} className="run-start-status__icon" />
          {warning}
        </span>
      )}
    </span>
  );
}
