import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ensureAuthor } from '../api/versionQueries';
import { AuthorDialog } from './AuthorDialog';

interface AuthorGate {
  /** Runs the action once a commit author is known, asking for one first if needed. */
  run(action: () => void): void;
  /** Render this where the gate is used. */
  dialog: ReactNode;
}

/** Commits need a name and email. They are asked once, then kept in the workspace settings. */
export function useAuthorGate(): AuthorGate {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<{ action: () => void } | null>(null);

  return {
    run(action) {
      void ensureAuthor(queryClient).then(
        (author) => (author ? action() : setPending({ action })),
        () => setPending({ action }),
      );
    },
    dialog: (
      <AuthorDialog
        open={pending !== null}
        onClose={() => setPending(null)}
        onSaved={() => {
          const next = pending?.action;
          setPending(null);
          next?.();
        }}
      />
    ),
  };
}
