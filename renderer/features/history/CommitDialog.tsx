import { useState } from 'react';
import { WorkbenchError } from '../../../shared/errors';
import type { PromptDetail } from '../../../shared/prompts';
import { useCommitPrompt } from '../../api/versionQueries';
import { Button } from '../../components/Button';
import { Dialog, DialogError } from '../../components/Dialog';
import { errorMessage } from '../../components/ErrorState';
import { Kbd } from '../../components/Kbd';
import { MOD_KEY } from '../../components/platform';
import { settleDrafts, usePromptDraftsContext } from '../../lib/drafts/usePromptDrafts';

interface CommitDialogProps {
  open: boolean;
  prompt: PromptDetail;
  onClose(): void;
}

/** Commits the prompt's two files together, with a message; Ctrl+Enter commits from the text box. */
export function CommitDialog({ open, prompt, onClose }: CommitDialogProps) {
  const drafts = usePromptDraftsContext();
  const commit = useCommitPrompt(prompt.name);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const nothing = commit.error instanceof WorkbenchError && commit.error.code === 'NOTHING_TO_COMMIT';

  async function submit() {
    if (commit.isPending) return;
    if (!message.trim()) {
      setProblem('Write a commit message: say what changed and why.');
      return;
    }
    setProblem(await settleDrafts(drafts));
    if (drafts.source.getSnapshot().state === 'conflict' || drafts.cases.getSnapshot().state === 'conflict') return;
    commit.mutate(message.trim(), { onSuccess: onClose });
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="md"
      title={`Commit “${prompt.name}”`}
      description={
        <p>
          Records <code>prompts/{prompt.name}.prompt</code> and its cases file as a new version in the history.
        </p>
      }
      onSubmit={() => void submit()}
      footer={
        <>
          <span className="dialog__footer-hint">
            <Kbd>{MOD_KEY}</Kbd>
            <Kbd>Enter</Kbd> to commit
          </span>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={commit.isPending}>
            {commit.isPending ? 'Committing…' : 'Commit'}
          </Button>
        </>
      }
    >
      <label className="field">
        <span className="field__label">Commit message</span>
        <textarea
          className="textarea"
          value={message}
          autoFocus
          rows={4}
          placeholder="Say what changed and why, e.g. “Ask for one short sentence”"
          aria-invalid={problem !== null && !message.trim()}
          onChange={(event) => setMessage(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void submit();
            }
          }}
        />
      </label>
      {problem && <DialogError>{problem}</DialogError>}
      {nothing && (
        <DialogError>Nothing to commit: the prompt’s files are the same as in its last commit.</DialogError>
      )}
      {commit.isError && !nothing && <DialogError>{errorMessage(commit.error)}</DialogError>}
    </Dialog>
  );
}
