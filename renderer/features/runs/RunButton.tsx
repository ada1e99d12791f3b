import { uiActions } from '../../app/uiStore';
import { Button } from '../../components/Button';
import { PlayIcon } from '../../components/icons';

/** "Run…" in the prompt header; `r` does the same. */
export function RunButton({ prompt }: { prompt: string }) {
  return (
    <Button className="run-button" onClick={() => uiActions.openRunDialog(prompt)} title="Sample this prompt across models and temperatures (r)">
      <PlayIcon size={13} className="run-button__icon" />
      Run…
    </Button>
  );
}
