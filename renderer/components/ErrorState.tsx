import { Button } from './Button';
import { EmptyState } from './EmptyState';
import { AlertCircleIcon, RefreshIcon } from './icons';
import { TextWithCode } from './TextWithCode';

interface ErrorStateProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  compact?: boolean;
}

/** Shows the core's own message (it is written for people) and a way to try again. */
export function ErrorState({ title, error, onRetry, retrying = false, compact = false }: ErrorStateProps) {
  return (
    <div role="alert">
      <EmptyState
        compact={compact}
        icon={<AlertCircleIcon size={compact ? 18 : 22} className="error-state__icon" />}
        title={title}
        actions={
          onRetry && (
            <Button onClick={onRetry} disabled={retrying}>
              <RefreshIcon size={14} />
              {retrying ? 'Retrying…' : 'Retry'}
            </Button>
          )
        }
      >
        <p className="error-state__message selectable">
          <TextWithCode text={errorMessage(error)} />
        </p>
      </EmptyState>
    </div>
  );
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return typeof error === 'string' && error ? error : 'Something went wrong, and no reason was given.';
}
