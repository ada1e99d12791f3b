import type { RunRequest } from '../../../shared/runs';
import { uiActions } from '../../app/uiStore';
import { Button } from '../../components/Button';
import { PlayIcon } from '../../components/icons';

/** "Run again…" on a run's review: the run dialog, filled in with that run's settings. */
export function RunAgainButton({ prompt, request }: { prompt: string; request: RunRequest }) {
  return (
    <Button variant="ghost" onClick={() => uiActions.openRunDialog(prompt, request)} title="Open the run dialog with these settings">
      <PlayIcon size={13} />
      Run again…
    </Button>
  );
}
