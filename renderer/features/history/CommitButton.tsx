import { useState } from 'react';
import type { PromptDetail } from '../../../shared/prompts';
import { Button } from '../../components/Button';
import { GitCommitIcon } from '../../components/icons';
import { useAuthorGate } from '../../components/useAuthorGate';
import { CommitDialog } from './CommitDialog';

/** "Commit…" in the prompt header while the prompt has uncommitted changes. */
export function CommitButton({ prompt }: { prompt: PromptDetail }) {
  const [openKey, setOpenKey] = useState<number | null>(null);
  const authorGate = useAuthorGate();
  return (
    <>
      <Button variant="primary" onClick={() => authorGate.run(() => setOpenKey(Date.now()))} title="Commit this prompt’s changes">
        <GitCommitIcon size={14} />
        Commit…
      </Button>
      <CommitDialog key={openKey ?? 'closed'} open={openKey !== null} prompt={prompt} onClose={() => setOpenKey(null)} />
      {authorGate.dialog}
    </>
  );
}
