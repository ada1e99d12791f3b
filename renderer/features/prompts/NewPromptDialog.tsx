import { useState } from 'react';
import { WorkbenchError } from '../../../shared/errors';
import { useCreatePrompt } from '../../api/promptMutations';
import { useStarters } from '../../api/queries';
import { navigate, promptRoute } from '../../app/router';
import { uiActions, useUiState } from '../../app/uiStore';
import { Button } from '../../components/Button';
import { Dialog, DialogError } from '../../components/Dialog';
import { errorMessage } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { PromptNameField } from './PromptNameField';
import { promptNameError } from './promptNameError';
import './newPrompt.css';

const BLANK = '';

/** Ctrl/Cmd+N or the sidebar's "+": a new prompt, blank or from a starter, opened in the editor. */
export function NewPromptDialog() {
  const open = useUiState((state) => state.newPromptOpen);
  const [openCount, setOpenCount] = useState(0);
  const [wasOpen, setWasOpen] = useState(open);
  // Each opening starts from an empty form.
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setOpenCount((count) => count + 1);
  }
  return <NewPromptForm key={openCount} open={open} />;
}

function NewPromptForm({ open }: { open: boolean }) {
  const [name, setName] = useState('');
  const [starter, setStarter] = useState(BLANK);
  const [touched, setTouched] = useState(false);
  const starters = useStarters();
  const create = useCreatePrompt();
  const problem = promptNameError(name);
  const exists = create.error instanceof WorkbenchError && create.error.code === 'ALREADY_EXISTS';
  const shownProblem = touched ? problem : null;

  function submit() {
    setTouched(true);
    if (problem || create.isPending) return;
    create.mutate(
      { name, ...(starter ? { starter } : {}) },
      {
        onSuccess: (detail) => {
          uiActions.closeNewPrompt();
          navigate(promptRoute(detail.name, 'edit'));
        },
      },
    );
  }

  return (
    <Dialog
      open={open}
      onClose={uiActions.closeNewPrompt}
      size="md"
      title="New prompt"
      description="A Dotprompt file in the workspace’s prompts/ folder, uncommitted until you commit it."
      onSubmit={submit}
      footer={
        <>
          <Button onClick={uiActions.closeNewPrompt}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create prompt'}
          </Button>
        </>
      }
    >
      <PromptNameField
        name={name}
        placeholder="e.g. support-reply"
        problem={shownProblem}
        existsError={exists ? create.error : null}
        onChange={(next) => {
          setName(next);
          setTouched(true);
          create.reset();
        }}
      />
      <fieldset className="starter-picker">
        <legend className="field__label">Start from</legend>
        <StarterOption value={BLANK} label="Blank" description="Front matter and a system and user message to fill in." checked={starter === BLANK} onChange={setStarter} />
        {starters.isPending && <Skeleton width="100%" height={44} />}
        {starters.isError && <p className="field__error">Couldn’t list the starters: {errorMessage(starters.error)}</p>}
        {starters.data?.map((entry) => (
          <StarterOption
            key={entry.name}
            value={entry.name}
            label={entry.name}
            description={entry.description}
            checked={starter === entry.name}
            onChange={setStarter}
          />
        ))}
      </fieldset>
      {create.isError && !exists && <DialogError>{errorMessage(create.error)}</DialogError>}
    </Dialog>
  );
}

interface StarterOptionProps {
  value: string;
  label: string;
  description: string;
  checked: boolean;
  onChange(value: string): void;
}

function StarterOption({ value, label, description, checked, onChange }: StarterOptionProps) {
  return (
    <label className={`starter-option${checked ? ' is-checked' : ''}`}>
      <input type="radio" name="starter" value={value} checked={checked} onChange={() => onChange(value)} />
      <span className="starter-option__text">
        <span className="starter-option__name">{label}</span>
        <span className="starter-option__description">{description || 'No description'}</span>
      </span>
    </label>
  );
}
