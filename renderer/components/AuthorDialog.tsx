import { useState } from 'react';
import { formatZodError } from '../../shared/errors';
import { Author } from '../../shared/settings';
import { useSetAuthor } from '../api/versionQueries';
import { Button } from './Button';
import { Dialog, DialogError } from './Dialog';
import { errorMessage } from './ErrorState';

interface AuthorDialogProps {
  open: boolean;
  onClose(): void;
  onSaved(): void;
}

/** Asked once, before the first commit, when neither the settings nor git know who commits. */
export function AuthorDialog({ open, onClose, onSaved }: AuthorDialogProps) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const save = useSetAuthor();

  function submit() {
    const parsed = Author.safeParse({ name, email });
    if (!parsed.success) {
      setInvalid(formatZodError(parsed.error).replace(/^\w+: /, ''));
      return;
    }
    setInvalid(null);
    save.mutate(parsed.data, { onSuccess: onSaved });
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Who is committing?"
      description="Every version in the history says who made it. Give the name and email to sign commits with; they are kept in this workspace’s settings and asked only once."
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save and continue'}
          </Button>
        </>
      }
    >
      <label className="field">
        <span className="field__label">Name</span>
        <input className="input" value={name} autoFocus autoComplete="name" onChange={(event) => setName(event.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">Email</span>
        <input
          className="input"
          type="email"
          value={email}
          autoComplete="email"
          onChange={(event) => setEmail(event.target.value)}
        />
      </label>
      {invalid && <DialogError>{invalid}</DialogError>}
      {save.isError && <DialogError>{errorMessage(save.error)}</DialogError>}
    </Dialog>
  );
}
