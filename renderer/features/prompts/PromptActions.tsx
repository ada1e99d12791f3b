import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PromptDetail } from '../../../shared/prompts';
import { useDeletePrompt, useDuplicatePrompt, useRenamePrompt } from '../../api/promptMutations';
import { doneLeaving } from '../../api/queries';
import { navigate, promptRoute, type PromptTab } from '../../app/router';
import { uiActions } from '../../app/uiStore';
import { CopyIcon, MoreIcon, PencilIcon, TrashIcon } from '../../components/icons';
import { Menu } from '../../components/Menu';
import { useAuthorGate } from '../../components/useAuthorGate';
import { settleDrafts, usePromptDraftsContext } from '../../lib/drafts/usePromptDrafts';
import { DeletePromptDialog } from './DeletePromptDialog';
import { PromptNameDialog } from './PromptNameDialog';

type Open = { kind: 'rename' | 'duplicate' | 'delete'; key: number } | null;

/** The "…" menu of a prompt: rename, duplicate, delete. */
export function PromptActions({ prompt, tab }: { prompt: PromptDetail; tab: PromptTab }) {
  const drafts = usePromptDraftsContext();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Open>(null);
  const [blocked, setBlocked] = useState<string | null>(null);
  const rename = useRenamePrompt(prompt.name);
  const duplicate = useDuplicatePrompt(prompt.name);
  const remove = useDeletePrompt(prompt.name);
  const authorGate = useAuthorGate();

  const show = (kind: 'rename' | 'duplicate' | 'delete') => {
    rename.reset();
    duplicate.reset();
    remove.reset();
    setBlocked(null);
    setOpen({ kind, key: Date.now() });
  };
  const close = () => setOpen(null);

  /** Writes pending edits first, so a rename or copy carries exactly what is on screen. */
  async function withSettledDrafts(run: () => void) {
    const reason = await settleDrafts(drafts);
    if (reason) setBlocked(reason);
    else run();
  }

  return (
    <>
      <Menu
        label="Prompt actions"
        trigger={<MoreIcon size={16} />}
        items={[
          // Renaming and deleting commit (so history follows the prompt); that needs an author.
          { label: 'Rename…', icon: <PencilIcon size={14} />, onSelect: () => authorGate.run(() => show('rename')) },
          { label: 'Duplicate…', icon: <CopyIcon size={14} />, onSelect: () => show('duplicate') },
          { label: 'Delete…', icon: <TrashIcon size={14} />, danger: true, onSelect: () => authorGate.run(() => show('delete')) },
        ]}
      />
      <PromptNameDialog
        key={open?.kind === 'rename' ? open.key : 'rename'}
        open={open?.kind === 'rename'}
        title={`Rename “${prompt.name}”`}
        description="Both files are renamed and the rename is committed, so the prompt’s history follows it to the new name."
        submitLabel="Rename"
        initialName={prompt.name}
        currentName={prompt.name}
        pending={rename.isPending}
        error={blocked ?? rename.error}
        onClose={close}
        onSubmit={(newName) =>
          void withSettledDrafts(() =>
            rename.mutate(newName, {
              onSuccess: (renamed) => {
                close();
                uiActions.movePromptState(prompt.name, renamed.name);
                navigate(promptRoute(renamed.name, tab));
              },
              onSettled: (renamed) => doneLeaving(queryClient, prompt.name, renamed !== undefined),
            }),
          )
        }
      />
      <PromptNameDialog
        key={open?.kind === 'duplicate' ? open.key : 'duplicate'}
        open={open?.kind === 'duplicate'}
        title={`Duplicate “${prompt.name}”`}
        description="Copies the prompt and its cases to a new name, as a draft to change independently."
        submitLabel="Duplicate"
        initialName={`${prompt.name}-copy`}
        pending={duplicate.isPending}
        error={blocked ?? duplicate.error}
        onClose={close}
        onSubmit={(newName) =>
          void withSettledDrafts(() =>
            duplicate.mutate(newName, {
              onSuccess: (copy) => {
                close();
                navigate(promptRoute(copy.name, 'edit'));
              },
            }),
          )
        }
      />
      <DeletePromptDialog
        open={open?.kind === 'delete'}
        prompt={prompt}
        pending={remove.isPending}
        error={remove.error}
        onClose={close}
        onConfirm={() => {
          // Nothing may write these files again once they are gone.
          drafts.source.detach();
          drafts.cases.detach();
          remove.mutate(undefined, {
            onSuccess: () => {
              close();
              uiActions.movePromptState(prompt.name, null);
              navigate({ page: 'home' });
            },
            onError: () => {
              drafts.source.attach();
              drafts.cases.attach();
            },
            onSettled: (deleted) => doneLeaving(queryClient, prompt.name, deleted !== undefined),
          });
        }}
      />
      {authorGate.dialog}
    </>
  );
}
