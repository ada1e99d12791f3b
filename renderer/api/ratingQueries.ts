// Ratings, notes and undo for one run, plus similarity by an embedding model. Writes are
// optimistic (the cached run changes in the same keypress) and run one at a time per run (a
// mutation scope), so the core sees them in the order they were made and `undo` undoes the last.
// A write the core could not save yet (another program is writing to the database) is retried
// until it is saved, and shows as unsaved meanwhile (ratingRetry.ts).
import { skipToken, useMutation, useMutationState, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { EmbeddingSimilarity, RatingChange, RatingValue, SampleRating } from '../../shared/ratings';
import type { RunDetail } from '../../shared/runs';
import { client } from './client';
import { useProviderChecks, useProviders } from './providerQueries';
import { queryKeys } from './queryKeys';
import { entriesBefore, notedEntry, ratedEntries } from './ratingCache';
import { retryPause, sampleIdsOf, shouldRetryWrite, unsavedOf, type Unsaved, type WaitingWrite } from './ratingRetry';
import { applyChange, beginWrite, settleWrite, settledEntries, writeEntries } from './ratingWrites';

interface Written {
  /** What the samples held before, to put back if the core refuses. */
  before: SampleRating[];
}

function optimistic(queryClient: QueryClient, runId: string, sampleIds: readonly string[], next: (before: SampleRating[], at: string) => SampleRating[]): Written {
  beginWrite(sampleIds);
  const detail = queryClient.getQueryData<RunDetail>(queryKeys.run(runId));
  if (!detail) return { before: [] };
  const before = entriesBefore(detail, sampleIds);
  writeEntries(queryClient, runId, next(before, new Date().toISOString()));
  return { before };
}

function settle(queryClient: QueryClient, sampleIds: readonly string[], change: RatingChange): void {
  settleWrite(sampleIds);
  applyChange(queryClient, change);
}

function rollBack(queryClient: QueryClient, runId: string, sampleIds: readonly string[], written: Written | undefined): void {
  settleWrite(sampleIds);
  if (written) writeEntries(queryClient, runId, settledEntries(written.before));
}

export interface RatingWriters {
  /**
   * Rates one sample or a whole cluster (null clears); with `onlyUnrated` samples that have a
   * rating keep it. Resolves with what the core kept.
   */
  rate(sampleIds: string[], rating: RatingValue | null, onlyUnrated?: boolean): Promise<RatingChange>;
  setNote(sampleId: string, note: string | null): Promise<RatingChange>;
  /** Puts back what the last change replaced; null when there was nothing to undo. */
  undo(): Promise<RatingChange | null>;
}

export function useRatingWriters(runId: string): RatingWriters {
  const queryClient = useQueryClient();
  // One queue per run: a rating, a note and an undo reach the core in the order they were made.
  const scope = { id: `ratings:${runId}` };
  const queue = { scope, mutationKey: queryKeys.ratingWrites(runId), retry: shouldRetryWrite, retryDelay: retryPause };
  const rate = useMutation({
    ...queue,
    mutationFn: ({ sampleIds, rating, onlyUnrated }: { sampleIds: string[]; rating: RatingValue | null; onlyUnrated: boolean }) =>
      client.rateSamples({ runId, sampleIds, rating, onlyUnrated }),
    onMutate: ({ sampleIds, rating, onlyUnrated }): Written =>
      optimistic(queryClient, runId, sampleIds, (before, at) => ratedEntries(before, rating, at, onlyUnrated)),
    onSuccess: (change, { sampleIds }) => settle(queryClient, sampleIds, change),
    onError: (_error, { sampleIds }, written) => rollBack(queryClient, runId, sampleIds, written),
  });
  const note = useMutation({
    ...queue,
    mutationFn: ({ sampleId, note }: { sampleId: string; note: string | null }) => client.setSampleNote({ runId, sampleId, note }),
    onMutate: ({ sampleId, note }): Written => optimistic(queryClient, runId, [sampleId], (before, at) => before.map((entry) => notedEntry(entry, note, at))),
    onSuccess: (change, { sampleId }) => settle(queryClient, [sampleId], change),
    onError: (_error, { sampleId }, written) => rollBack(queryClient, runId, [sampleId], written),
  });
  // Not optimistic: only the core knows what the last change replaced.
  const undo = useMutation({
    ...queue,
    mutationFn: () => client.undoRating({ runId }),
    onSuccess: (change) => {
      if (change) applyChange(queryClient, change);
    },
  });
  return {
    rate: (sampleIds, rating, onlyUnrated = false) => rate.mutateAsync({ sampleIds, rating, onlyUnrated }),
    setNote: (sampleId, text) => note.mutateAsync({ sampleId, note: text }),
    undo: () => undo.mutateAsync(),
  };
}

/** The run's rating writes that are not saved yet because the core is retrying them (see ratingRetry.ts). */
export function useUnsavedRatings(runId: string): Unsaved {
  const writes = useMutationState<WaitingWrite>({
    filters: { mutationKey: queryKeys.ratingWrites(runId), status: 'pending' },
    select: (mutation) => ({ sampleIds: sampleIdsOf(mutation.state.variables), failures: mutation.state.failureCount }),
  });
  return unsavedOf(writes);
}

/**
 * Clusters and mean similarity by an embedding model (null: none chosen). Keyed by how many samples
 * are done, so a live run asks again as it fills; the last answer stays while the next is on its way.
 */
export function useEmbeddingSimilarity(runId: string, model: string | null, threshold: number, done: number) {
  return useQuery<EmbeddingSimilarity>({
    queryKey: queryKeys.embedding(runId, model ?? '', threshold, done),
    queryFn: model ? () => client.embeddingSimilarity({ runId, model, threshold }) : skipToken,
    placeholderData: (previous) => (previous?.model === model ? previous : undefined),
    staleTime: Infinity,
    retry: false,
  });
}

/** Models that look like embedding models (their id says "embed"), from every provider that may answer. */
export function useEmbeddingModels(enabled = true): { models: string[]; checking: boolean } {
  const providers = useProviders(enabled);
  // Anthropic offers no embeddings, and a provider without its key would only refuse.
  const candidates = (providers.data ?? []).filter((provider) => provider.kind !== 'anthropic' && !(provider.keyRequired && provider.keySource === 'none'));
  const checks = useProviderChecks(candidates.map((provider) => provider.id));
  const models = checks.flatMap((check) => check.data?.models ?? []).map((model) => model.id).filter((id) => /embed/i.test(id));
  return { models: [...new Set(models)].sort(), checking: providers.isPending || checks.some((check) => check.isPending) };
}
