// What an approval writes and how it reads back, for people: the run's evidence as the trailers
// the commit will carry (previewed before approving), the version number in its tag, and a commit
// message body without the trailers (the evidence is shown laid out instead).
import { approvalPassRate, TRAILER_KEYS, type Approval, type ApprovalPassRate } from '../../shared/approvals';
import type { RunChecks } from '../../shared/checks/runChecks';
import { runOverview, type RunMetricsInput } from '../../shared/variance/runOverview';
import type { Version } from '../../shared/versions';

/** The evidence of a run, in the shape an approval carries it (without the tag, which approving makes). */
export type Evidence = Omit<Approval, 'tag'>;

/** The figures of a run as its approval will record them (the run comparison's overall figures, and its pass rate when the prompt has checks). */
export function evidenceOf(input: RunMetricsInput, checks: Pick<RunChecks, 'checks' | 'overall'> | null = null): Evidence {
  const overview = runOverview(input);
  const passRate = approvalPassRate(checks);
  return {
    runId: input.summary.runId,
    models: input.summary.models,
    temperatures: input.summary.temperatures,
    samples: input.summary.total,
    rating: overview.ratingMean,
    rated: overview.rated,
    consistency: overview.consistency,
    ...(passRate ? { passRate } : {}),
  };
}

export const formatRating = (rating: number | null) => (rating === null ? 'not rated' : rating.toFixed(2));
export const formatConsistency = (consistency: number | null) => (consistency === null ? 'n/a' : consistency.toFixed(2));

/** A figure as the trailers write it: two decimals, or `none`. */
const trailerNumber = (value: number | null) => (value === null || !Number.isFinite(value) ? 'none' : value.toFixed(2));

/** `0.93 [0.88, 0.96] (n=200)`, as the pass rate trailer writes it; `none (n=0)` with nothing decided. */
export function formatPassRateEvidence(passRate: ApprovalPassRate): string {
  if (passRate.rate === null || passRate.n === 0) return `none (n=${passRate.n})`;
  return `${trailerNumber(passRate.rate)} [${trailerNumber(passRate.low)}, ${trailerNumber(passRate.high)}] (n=${passRate.n})`;
}

/**
 * The trailers in the order they are written, as `git log` will show them: six, and the pass rate
 * when the prompt has checks. The format is the core's (electron/core/workspace/approvalTrailers.ts);
 * this is only its preview.
 */
export function trailerLines(evidence: Evidence): Array<[key: string, value: string]> {
  return [
    [TRAILER_KEYS.run, evidence.runId],
    [TRAILER_KEYS.models, evidence.models.join(', ')],
    [TRAILER_KEYS.temperatures, evidence.temperatures.join(', ')],
    [TRAILER_KEYS.samples, String(evidence.samples)],
    [TRAILER_KEYS.rating, `${evidence.rated > 0 ? trailerNumber(evidence.rating) : 'none'} (n=${evidence.rated})`],
    [TRAILER_KEYS.consistency, trailerNumber(evidence.consistency)],
    ...(evidence.passRate ? [[TRAILER_KEYS.passRate, formatPassRateEvidence(evidence.passRate)] as [string, string]] : []),
  ];
}

/** "Approve capital-city: 4.20 over 12 rated": a message that says what the approval rests on. */
export function defaultApprovalMessage(name: string, evidence: Pick<Evidence, 'rating' | 'rated'>): string {
  if (evidence.rating === null) return `Approve ${name} (no ratings)`;
  return `Approve ${name}: ${evidence.rating.toFixed(2)} over ${evidence.rated} rated`;
}

/** k of `approved/<name>/v<k>`; null when there is no tag (it was moved or deleted with git). */
export function approvalNumber(tag: string | null): number | null {
  const match = tag ? /\/v(\d+)$/.exec(tag) : null;
  return match ? Number(match[1]) : null;
}

/** "Approved v3", or "Approved" when the version's tag is gone. */
export function approvalLabel(approval: Pick<Approval, 'tag'>): string {
  const number = approvalNumber(approval.tag);
  return number === null ? 'Approved' : `Approved v${number}`;
}

type Approved<A> = { approval: A | null; approvals?: A[] | undefined };

/** Every approval in a history, newest version first: a version approved again from another run has several. */
export function allApprovals<A>(history: ReadonlyArray<Approved<A>>): A[] {
  return history.flatMap((version) => version.approvals ?? (version.approval ? [version.approval] : []));
}

/** The tag the next approval of this prompt gets: one past the highest so far (under any name it had). */
export function nextApprovalTag(name: string, history: ReadonlyArray<Approved<Pick<Approval, 'tag'>>>): string {
  const highest = Math.max(0, ...allApprovals(history).map((approval) => approvalNumber(approval.tag) ?? 0));
  return `approved/${name}/v${highest + 1}`;
}

const TRAILER_LINE = /^Workbench-[A-Za-z-]+:/;

/** The message after its first line, without the evidence trailers (shown laid out instead). */
export function messageBody(version: Pick<Version, 'message' | 'summary'>): string {
  const body = version.message.slice(version.summary.length).trim();
  return body
    .split('\n')
    .filter((line) => !TRAILER_LINE.test(line))
    .join('\n')
    .trim();
}

/** How a version is named beside another: "v2 (3f9a2c1)" when approved, else its short id. */
export function versionName(version: Pick<Version, 'shortOid'> & { approval: Pick<Approval, 'tag'> | null }): string {
  const number = approvalNumber(version.approval?.tag ?? null);
  return number === null ? version.shortOid : `v${number} (${version.shortOid})`;
}
