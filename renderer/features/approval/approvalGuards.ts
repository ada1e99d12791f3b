// What stands between a run and its approval, known before anyone clicks. Two kinds:
// - blocks: the prompt or its cases changed since the run. An approval commits the files as they
//   are now with the run's evidence, so the evidence would describe text that is not in the commit;
//   no acknowledgement can make that true, and the core refuses it too.
// - warnings: the run did not finish, some samples failed, few (or no) answers are rated, or the
//   run's pass rate under its prompt's checks is below the workspace's gate (Settings, gate.minPassRate).
//   The evidence is true but thin or short of the bar; the person may approve once they have said they know.
import type { ApprovalPassRate } from '../../../shared/approvals';
import type { RunSummary } from '../../../shared/runs';

/** A fifth of the answers: below it, the rating in the evidence rests on a small share of them. */
export const LOW_COVERAGE_SHARE = 0.2;

export type GuardKind = 'promptChanged' | 'casesChanged' | 'incomplete' | 'failed' | 'unrated' | 'lowCoverage' | 'lowPassRate';

export interface ApprovalGuard {
  kind: GuardKind;
  severity: 'block' | 'warning';
  title: string;
  detail: string;
}

/** The prompt's files as they are now; `missing` when the prompt file is gone; null when they cannot be read; undefined while loading. */
export type CurrentFiles = { sourceHash: string; casesHash: string } | 'missing' | null | undefined;

export interface GuardInput {
  summary: Pick<RunSummary, 'prompt' | 'commit' | 'contentHash' | 'status' | 'total' | 'ok' | 'errors' | 'pending' | 'cancelled'>;
  /** The cases file's hash as run; null or absent for runs from before runs kept it (not checked). */
  runCasesHash: string | null | undefined;
  /** Rated samples (with an output). */
  rated: number;
  current: CurrentFiles;
  /** The run's overall pass rate under its prompt's checks; absent when the prompt has none. */
  passRate?: ApprovalPassRate | undefined;
  /** The workspace's gate (settings `gate.minPassRate`, 0–1); absent while the settings load. */
  minPassRate?: number | undefined;
}

export function approvalGuards({ summary, runCasesHash, rated, current, passRate, minPassRate }: GuardInput): ApprovalGuard[] {
  const guards: ApprovalGuard[] = [];
  const ran = summary.commit ? `the text of commit ${summary.commit.slice(0, 7)}` : 'a draft';
  const file = `prompts/${summary.prompt}.prompt`;
  if (current === 'missing' || (current && current.sourceHash !== summary.contentHash)) {
    guards.push({
      kind: 'promptChanged',
      severity: 'block',
      title: 'The prompt changed since this run',
      detail:
        `This run sampled ${ran}; ${file} ${current === 'missing' ? 'no longer exists' : 'holds different text now'}. ` +
        'Approving commits the file as it is, so the evidence would describe text that is not in the commit. ' +
        'Run the current prompt and approve that run, or restore the version that was run.',
    });
  }
  if (current && current !== 'missing' && runCasesHash && current.casesHash !== runCasesHash) {
    guards.push({
      kind: 'casesChanged',
      severity: 'block',
      title: 'The test cases changed since this run',
      detail:
        `prompts/${summary.prompt}.cases.yaml is not what this run used. The commit would carry cases the evidence was not measured on. ` +
        'Run the current prompt and approve that run, or put the cases back as they were.',
    });
  }
  const unfinished = summary.pending + summary.cancelled;
  if (summary.status !== 'done' || unfinished > 0) {
    const finished = summary.total - unfinished;
    guards.push({
      kind: 'incomplete',
      severity: 'warning',
      title: `This run stopped at ${finished} of ${summary.total} samples`,
      detail: `It was ${summary.status === 'done' ? 'ended early' : summary.status}, so the evidence covers only the samples that finished. Resume the run to finish it, or approve what it has.`,
    });
  }
  if (summary.errors > 0) {
    guards.push({
      kind: 'failed',
      severity: 'warning',
      title: `${summary.errors} of ${summary.total} samples failed`,
      detail: 'The evidence counts only the answers that came back. Retry the failed samples, or approve without them.',
    });
  }
  if (summary.ok > 0 && rated === 0) {
    guards.push({
      kind: 'unrated',
      severity: 'warning',
      title: 'No answer is rated',
      detail: 'The version’s evidence will have no rating, only consistency. Rate some answers first (1–5 in the review), or approve without ratings.',
    });
  } else if (summary.ok > 0 && rated / summary.ok < LOW_COVERAGE_SHARE) {
    guards.push({
      kind: 'lowCoverage',
      severity: 'warning',
      title: `Only ${rated} of ${summary.ok} answers are rated (${percent(rated / summary.ok)})`,
      detail: `The rating in the evidence rests on those few. Rate more (c then a digit rates a whole cluster), or approve with what there is.`,
    });
  }
  if (passRate && passRate.rate !== null && passRate.n > 0 && minPassRate !== undefined && passRate.rate < minPassRate) {
    guards.push({
      kind: 'lowPassRate',
      severity: 'warning',
      // Rounded down: a rate just under the gate must not read as the gate itself.
      title: `Passes its checks ${Math.floor(passRate.rate * 100)}% of the time, below the ${percentOf(minPassRate)} gate`,
      detail:
        `${Math.round(passRate.rate * passRate.n)} of ${passRate.n} decided samples passed every check (95% interval ${percentOf(passRate.low)}–${percentOf(passRate.high)}). ` +
        'Look at the failing answers in the review and fix the prompt, or approve with this pass rate; the gate is in Settings.',
    });
  }
  // A run that cannot be approved needs no advice on approving it.
  const blocks = guards.filter((guard) => guard.severity === 'block');
  return blocks.length > 0 ? blocks : guards;
}

function percentOf(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

function percent(share: number): string {
  return share < 0.01 ? 'under 1%' : `${Math.round(share * 100)}%`;
}
