// Approving a version: the prompt committed from a run's review together with the run's evidence,
// written as git trailers (readable with plain `git log` and `git interpret-trailers --parse`) and
// marked with a tag `approved/<name>/v<k>`.
import { z } from 'zod';
import { PromptName } from './prompts';
import { Version } from './versions';

/** The trailer keys, in the order they are written. */
export const TRAILER_KEYS = {
  run: 'Workbench-Run',
  models: 'Workbench-Models',
  temperatures: 'Workbench-Temperatures',
  samples: 'Workbench-Samples',
  rating: 'Workbench-Rating',
  consistency: 'Workbench-Consistency',
  /** Only when the prompt has checks: `0.93 [0.88, 0.96] (n=200)`, the overall pass rate with its Wilson 95% bounds. */
  passRate: 'Workbench-Pass-Rate',
} as const;

/** The run's overall pass rate under the prompt's checks, as an approval records it (two decimals). */
export const ApprovalPassRate = z.object({
  /** null when no sample was decided (n = 0). */
  rate: z.number().nullable(),
  low: z.number(),
  high: z.number(),
  n: z.number().int(),
});
export type ApprovalPassRate = z.infer<typeof ApprovalPassRate>;

/** The pass rate an approval records from a run's checks; undefined when the prompt has none. */
export function approvalPassRate(checks: { checks: readonly unknown[]; overall: { rate: number | null; low: number; high: number; total: number } } | null): ApprovalPassRate | undefined {
  if (!checks || checks.checks.length === 0) return undefined;
  const { rate, low, high, total } = checks.overall;
  return { rate, low, high, n: total };
}

/** The evidence an approved version carries, as read back from its commit message. */
export const Approval = z.object({
  runId: z.string(),
  models: z.array(z.string()),
  temperatures: z.array(z.number()),
  samples: z.number().int(),
  /** Mean rating over the rated samples; null when none were rated. */
  rating: z.number().nullable(),
  rated: z.number().int(),
  /** Mean consistency (0–1) over the run's cells; null with no ok samples. */
  consistency: z.number().nullable(),
  /** Absent when the prompt had no checks (and for approvals made before checks existed). */
  passRate: ApprovalPassRate.optional(),
  /** `approved/<name>/v<k>`, when the tag still points at this commit. */
  tag: z.string().nullable(),
  /**
   * What the approver wrote, without the trailers: the tag's message when the approval is a tag on
   * a version committed before, else the approval commit's message.
   */
  message: z.string().optional(),
});
export type Approval = z.infer<typeof Approval>;

export const ApproveRequest = z.object({
  runId: z.string().min(1),
  message: z.string().trim().min(1, 'Write a commit message'),
  /** Approving a run with no ratings needs this (the UI asks; the CLI's `--yes`). */
  confirmed: z.boolean().default(false),
});
export type ApproveRequest = z.infer<typeof ApproveRequest>;

/** A version with its approval, when it is one. */
export const VersionWithApproval = Version.extend({
  /** The newest approval of this version, or null. */
  approval: Approval.nullable(),
  /** Every approval of this version, newest first (a version approved again from another run has several). */
  approvals: z.array(Approval).optional(),
  /** The prompt's name at this version, when it differs from today's (before a rename). */
  promptName: PromptName.optional(),
  /** The name the prompt had before this version, when this version renamed it. */
  renamedFrom: PromptName.optional(),
});
export type VersionWithApproval = z.infer<typeof VersionWithApproval>;

export const ApprovedVersion = z.object({
  version: VersionWithApproval,
  tag: z.string(),
  /** Runs of the prompt now linked to the new commit (draft runs of the same content). */
  linkedRuns: z.array(z.string()),
  /**
   * false when the text was committed already: the approval is then an annotated tag on that
   * commit, and no new commit is made.
   */
  committed: z.boolean().optional(),
});
export type ApprovedVersion = z.infer<typeof ApprovedVersion>;

export const RollbackRequest = z.object({ name: PromptName, ref: z.string().min(1).max(200) });

/** A self-contained HTML report of one run, or of two runs compared. */
export const ReportRequest = z.object({ runId: z.string().min(1), compareRunId: z.string().min(1).optional() });
export const Report = z.object({ fileName: z.string(), html: z.string() });
export type Report = z.infer<typeof Report>;
