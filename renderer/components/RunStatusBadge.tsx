import type { RunStatus } from '../../shared/runs';
import { STATUS_LABELS } from '../lib/runFormat';
import { Badge } from './Badge';

const TONES = { running: 'accent', done: 'success', cancelled: 'neutral', interrupted: 'warning' } as const;

const TITLES: Record<RunStatus, string> = {
  running: 'Samples are being taken now.',
  done: 'Every sample has finished (some may have errors).',
  cancelled: 'Stopped by you; resume to run what is left.',
  interrupted: 'Stopped early (the app quit, or a provider refused); resume to run what is left.',
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return (
    <Badge tone={TONES[status]} title={TITLES[status]} pulse={status === 'running'}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
