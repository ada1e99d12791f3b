// Runs: listing, one run with its samples, one sample in full, the estimate, and the actions.
import { keepPreviousData, skipToken, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { RunDetail, RunEstimate, RunProgress, RunRequest, RunSummary, Sample, SampleDetail } from '../../shared/runs';
import { client } from './client';
import { queryKeys } from './queryKeys';

export function useRuns(prompt: string) {
  return useQuery<RunSummary[]>({ queryKey: queryKeys.runs(prompt), queryFn: () => client.listRuns({ prompt, limit: 200 }) });
}

/** The run and all its samples, once; events keep it current from then on (see runEvents.ts). */
export function useRun(runId: string) {
  return useQuery<RunDetail>({
    queryKey: queryKeys.run(runId),
    queryFn: () => client.getRun({ runId }),
    // Events are the source of freshness here; a refetch on focus would only redo 5,000 samples.
    staleTime: Infinity,
  });
}

/** Only the run's samples: re-renders when a sample changes, not with every rating. */
export function useRunSamples(runId: string) {
  return useQuery<RunDetail, Error, Sample[]>({
    queryKey: queryKeys.run(runId),
    queryFn: () => client.getRun({ runId }),
    staleTime: Infinity,
    select: (detail) => detail.samples,
  });
}

/** Only the run's prompt name (e.g. for the sidebar): re-renders when that changes, not with every sample or rating. */
export function useRunPrompt(runId: string | null) {
  return useQuery<RunDetail, Error, string>({
    queryKey: queryKeys.run(runId ?? ''),
    queryFn: runId ? () => client.getRun({ runId }) : skipToken,
    staleTime: Infinity,
    select: (detail) => detail.summary.prompt,
  });
}

/** The latest progress tick (rate, ETA), or undefined before the first one arrives. */
export function useRunProgress(runId: string) {
  return useQuery<RunProgress>({ queryKey: queryKeys.runProgress(runId), queryFn: skipToken, staleTime: Infinity });
}

/** What exactly was sent and received for one sample; finished samples never change. */
export function useSample(sampleId: string, finished: boolean) {
  return useQuery<SampleDetail>({
    queryKey: [...queryKeys.sample(sampleId), finished],
    queryFn: () => client.getSample({ sampleId }),
    staleTime: finished ? Infinity : 0,
  });
}

/** The estimate for a request (null: nothing to estimate yet); the last answer stays while the next loads. */
export function useRunEstimate(request: RunRequest | null) {
  return useQuery<RunEstimate>({
    queryKey: queryKeys.estimate(request),
    queryFn: request ? () => client.estimateRun(request) : skipToken,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 10_000,
  });
}

function remember(queryClient: QueryClient, summary: RunSummary): void {
  queryClient.setQueryData<RunDetail>(queryKeys.run(summary.runId), (detail) => (detail ? { ...detail, summary } : detail));
  void queryClient.invalidateQueries({ queryKey: ['runs'] });
}

export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: RunRequest & { confirmed: boolean }) => client.startRun(request),
    onSuccess: (summary) => remember(queryClient, summary),
  });
}

export type RunAction = 'cancel' | 'resume' | 'retry';

/** Cancel, resume or retry the failed samples. Resume and retry set samples back to pending, so the run is read again. */
export function useRunAction(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: RunAction) => {
      if (action === 'cancel') return client.cancelRun({ runId });
      if (action === 'resume') return client.resumeRun({ runId });
      return client.retryFailedSamples({ runId });
    },
    onSuccess: (summary) => {
      remember(queryClient, summary);
      void queryClient.invalidateQueries({ queryKey: queryKeys.run(runId), exact: true });
    },
  });
}
