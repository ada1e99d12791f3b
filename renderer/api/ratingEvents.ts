// Ratings changed somewhere (this window's own writes echo back too, another window, the CLI):
// the cached run takes the new values, except for samples this window is still writing.
import type { QueryClient } from '@tanstack/react-query';
import type { WorkbenchClient } from '../../shared/api';
import { queryKeys } from './queryKeys';
import { applyChange } from './ratingWrites';

export function subscribeToRatingEvents(queryClient: QueryClient, on: WorkbenchClient['on']): Array<() => void> {
  return [
    on('ratingsChanged', (change) => {
      applyChange(queryClient, change);
      // Rating coverage and mean rating on the Runs page; refetched only while it is on screen.
      void queryClient.invalidateQueries({ queryKey: queryKeys.runsOverview });
    }),
  ];
}
