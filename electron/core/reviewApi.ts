// The review part of the contract: rating and noting samples, undoing that, and clustering a run's
// outputs by an embedding model. Every rating change is published as `ratingsChanged`, so every open
// window (and a browser tab next to the app) shows the same ratings without reloading the run.
import type { Api, WorkbenchApi } from '../../shared/api';
import type { RatingChange } from '../../shared/ratings';
import type { EventBus } from './eventBus';
import type { ProviderAccess } from './providers/providerAccess';
import { embeddingSimilarity } from './similarity/embeddingSimilarity';
import type { WorkbenchDatabase } from './store/database';

type ReviewMethods = Pick<WorkbenchApi, 'rateSamples' | 'setSampleNote' | 'undoRating' | 'embeddingSimilarity'>;

export interface ReviewApiDeps {
  database: WorkbenchDatabase;
  events: EventBus<Api>;
  providers: ProviderAccess;
}

export function createReviewApi({ database, events, providers }: ReviewApiDeps): ReviewMethods {
  // Saved (committed) by the store before the event goes out, so a listener that reloads sees it.
  const publish = (change: RatingChange): RatingChange => {
    events.emit('ratingsChanged', change);
    return change;
  };

  return {
    // Each is one transaction: while another process holds the lock it is retried as a whole (lockWait.ts).
    rateSamples: async ({ runId, sampleIds, rating, onlyUnrated }) =>
      publish(await database.write(() => database.ratings.rate(runId, sampleIds, rating, { onlyUnrated: onlyUnrated ?? false }))),
    setSampleNote: async ({ runId, sampleId, note }) => publish(await database.write(() => database.ratings.setNote(runId, sampleId, note))),
    async undoRating({ runId }) {
      const change = await database.write(() => database.ratings.undo(runId));
      return change === null ? null : publish(change);
    },
    embeddingSimilarity: (request) =>
      embeddingSimilarity(request, {
        database,
        provider: (id) => providers.registry().get(id),
        timeoutMs: database.settings.read().providers.timeoutSeconds * 1000,
      }),
  };
}
