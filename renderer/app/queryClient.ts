import { QueryClient } from '@tanstack/react-query';
import { WorkbenchError } from '../../shared/errors';

// Retrying cannot fix a wrong name or bad input; it can ride out a busy database or a restart.
const FINAL_CODES = new Set(['NOT_FOUND', 'BAD_INPUT', 'UNAUTHORIZED', 'FORBIDDEN', 'WORKSPACE_INVALID', 'PROMPT_INVALID']);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Change events keep the cache fresh, so there is no need to refetch on every focus.
        staleTime: 30_000,
        retry: (failureCount, error) =>
          failureCount < 2 && !(error instanceof WorkbenchError && FINAL_CODES.has(error.code)),
      },
      mutations: { retry: false },
    },
  });
}
