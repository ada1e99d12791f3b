import { dismissCoreStatus, useCoreStatus } from '../api/coreStatus';
import { WarningIcon } from '../components/icons';

const LABELS = {
  restarting: 'Core restarting…',
  restarted: 'Core restarted',
  stopped: 'Core stopped',
} as const;

/**
 * Says when the core's process stopped unexpectedly: while it restarts, once it is back (until
 * dismissed), and for good when it could not be kept running. The full story is in the tooltip.
 */
export function CoreStatusIndicator() {
  const status = useCoreStatus();
  if (!status) return null;
  const label = LABELS[status.state];
  const className = `status-bar__item core-status core-status--${status.state}`;
  if (status.state === 'restarted') {
    return (
      <button type="button" className={className} title={`${status.message}\n\nClick to dismiss.`} onClick={dismissCoreStatus} role="status">
        <WarningIcon size={12} />
        {label}
      </button>
    );
  }
  return (
    <span className={className} title={status.message} role={status.state === 'stopped' ? 'alert' : 'status'}>
      <WarningIcon size={12} />
      {label}
    </span>
  );
}
