import { useState } from 'react';
import { WorkbenchError } from '../../../shared/errors';
import { Button } from '../../components/Button';
import { Dialog, DialogError } from '../../components/Dialog';
import { errorMessage } from '../../components/ErrorState';
import { PromptNameField } from './PromptNameField';
import { promptNameError } from './promptNameError';

interface PromptNameDialogProps {
  open: boolean;
  title: string;
  description: string;
  submitLabel: string;
  initialName: string;
  /** The current name, which a rename must change. */
  currentName?: string;
  pending: boolean;
  error: unknown;
  onSubmit(name: string): void;
  onClose(): void;
}

/**
 * Asks for a prompt name (rename, duplicate), checked as the core checks it. Give it a new `key`
 * each time it opens, so the field starts from `initialName`.
 */
export function PromptNameDialog(props: PromptNameDialogProps) {
  const { open, title, description, submitLabel, initialName, currentName, pending, error, onSubmit, onClose } = props;
  const [name, setName] = useState(initialName);
  const [touched, setTouched] = useState(false);
  const problem = promptNameError(name) ?? (currentName !== undefined && name === currentName ? 'Choose a different name.' : null);
  const exists = error instanceof WorkbenchError && error.code === 'ALREADY_EXISTS';
  const shown = touched ? problem : null;

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      description={description}
      onSubmit={() => {
        setTouched(true);
        if (!problem && !pending) onSubmit(name);
      }}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? 'Working…' : submitLabel}
          </Button>
        </>
      }
    >
      <PromptNameField
        name={name}
        problem={shown}
        existsError={exists ? error : null}
        selectOnFocus
        onChange={(next) => {
          setName(next);
          setTouched(true);
        }}
      />
      {error !== null && !exists && <DialogError>{errorMessage(error)}</DialogError>}
    </Dialog>
  );
}
