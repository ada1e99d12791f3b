import { useJudgeProgress, useJudgeRun } from '../../../api/judgeQueries';
import { Button } from '../../../components/Button';
import { plural } from '../../../lib/labels';
import { judgeProgressText, judgeResultText } from './calibrationText';

/**
 * Asks the judge models about the run's undecided rubric verdicts now (a run judges itself when it
 * ends; this is for one whose rubric came later, or whose judge failed), with its progress and what
 * it cost. Hidden when nothing is undecided, except to keep saying what the last judging did.
 */
export function JudgeNow({ runId, undecided }: { runId: string; undecided: number }) {
  const judge = useJudgeRun(runId);
  const progress = useJudgeProgress(runId);
  let status: string | null = null;
  if (judge.isPending) status = progress && !progress.finished ? judgeProgressText(progress) : 'Judging…';
  else if (judge.isError) status = `Judging failed: ${judge.error.message}`;
  else if (judge.data) status = judgeResultText(judge.data);
  // What judging did stays in view after the verdicts it decided make the button go.
  if (undecided === 0 && status === null) return null;
  return (
    <span className="judge-now">
      {undecided > 0 && (
        <Button variant="ghost" disabled={judge.isPending} onClick={() => judge.mutate()} title={`Ask the judge models for the ${plural(undecided, 'undecided rubric verdict')} of finished outputs`}>
          Judge now ({undecided})
        </Button>
      )}
      {status && (
        <span className="judge-now__status" role="status">
          {status}
        </span>
      )}
    </span>
  );
}
