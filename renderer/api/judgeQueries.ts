// Rubric judging in the review: how far each rubric's judge agrees with people's ratings, judging
// a run's undecided outputs now, and that judging's progress (judgeEvents.ts keeps them current).
import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JudgeCalibration, JudgeProgress } from '../../shared/checks/judging';
import { client } from './client';
import { invalidateCalibration } from './judgeEvents';
import { queryKeys } from './queryKeys';

/** The run's calibration; asked only while `enabled` (the prompt has rubric checks). */
export function useJudgeCalibration(prompt: string, runId: string, enabled: boolean) {
  return useQuery<JudgeCalibration>({
    queryKey: queryKeys.judgeCalibration(prompt, runId),
    queryFn: enabled ? () => client.judgeCalibration({ runId }) : skipToken,
    staleTime: Infinity,
    retry: false,
  });
}

/** The latest judgeProgress of the run, or undefined when none came in this window. */
export function useJudgeProgress(runId: string) {
  return useQuery<JudgeProgress | null>({ queryKey: queryKeys.judgeProgress(runId), queryFn: skipToken, staleTime: Infinity }).data ?? undefined;
}

/** Judges the run's undecided rubric verdicts now; its answer says how many outputs, calls and what cost. */
export function useJudgeRun(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.judgeRun({ runId }),
    // The finished judgeProgress event refreshes these too; a run with nothing left to judge may send none.
    onSettled: () => {
      invalidateCalibration(queryClient, runId);
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[2] === 'runChecks' && query.queryKey[3] === runId });
    },
  });
}
