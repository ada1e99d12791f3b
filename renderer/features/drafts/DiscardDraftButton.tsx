import { useState } from 'react';
import type { PromptDetail } from '../../../shared/prompts';
import { useDiscardDraft } from '../../api/promptMutations';
import { Button } from '../../components/Button';
import { errorMessage } from '../../components/ErrorState';
import { RestoreIcon } from '../../components/icons';
import { settleDrafts, usePromptDraftsContext } from '../../lib/drafts/usePromptDrafts';
import { discardActions } from './discardStore';
import './drafts.css';

/**
 * "Discard" in the prompt header while the prompt has uncommitted changes: its files go back to the
 * last commit at once, and the notice that follows can put the draft back (DiscardedNotice).
 */
export function DiscardDraftButton({ prompt }: { prompt: PromptDetail }) {
  const drafts = usePromptDraftsContext();
  const discard = useDiscardDraft(prompt.name);
  const [problem, setProblem] = useState<string | null>(null);

  async function run() {
    setProblem(null);
    // What is on screen is what gets discarded, and what the undo brings back.
    const reason = await settleDrafts(drafts);
    if (reason) {
      setProblem(reason);
      return;
    }
    discard.mutate(undefined, {
      onSuccess: (result) => discardActions.discarded(prompt.name, result),
      onError: (error) => setProblem(errorMessage(error)),
    });
  }

  return (
    <span className="discard-draft">
      <Button variant="ghost" disabled={discard.isPending} onClick={() => void run()} title="Put this prompt’s files back as in the last commit (you can undo it)">
        <RestoreIcon size={14} />
        {discard.isPending ? 'Discarding…' : 'Discard'}
      </Button>
      {problem && (
        <span className="discard-draft__error" role="alert" title={problem}>
          Couldn’t discard: {problem}
        </span>
      )}
    </span>
  );
}
