// Prompts called as tasks from applications and `workbench call`: what a recorded call keeps, the
// per-version figures the History tab's "In use" panel shows, and rolling an approval back.
import { z } from 'zod';
import { PromptName } from './prompts';

/** Usage of one version (one commit; null: the draft) by recorded task calls. */
export const VersionUsage = z.object({
  commit: z.string().nullable(),
  /** The approval tags the calls asked for, newest first (`approved/x/v3`). */
  tags: z.array(z.string()),
  calls: z.number().int(),
  /** Calls that ended with an answer that fit the schema (or any answer, without a schema). */
  ok: z.number().int(),
  /** Calls whose last answer did not fit the output schema. */
  schemaFailures: z.number().int(),
  /** Calls the provider refused or failed. */
  callFailures: z.number().int(),
  p50LatencyMs: z.number().nullable(),
  p95LatencyMs: z.number().nullable(),
  /** Dollars in all; null when no call's cost is known. */
  costUsd: z.number().nullable(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  /** Verdicts of the prompt's checks on the answers, over calls that had checks. */
  checksPassed: z.number().int(),
  checksFailed: z.number().int(),
  models: z.array(z.string()),
  lastCallAt: z.string().nullable(),
});
export type VersionUsage = z.infer<typeof VersionUsage>;

export const TaskUsageRequest = z.object({ name: PromptName });
export const TaskUsage = z.object({ name: z.string(), versions: z.array(VersionUsage) });
export type TaskUsage = z.infer<typeof TaskUsage>;

/** Approves an earlier approval's commit again as the newest approval, with the reason. */
export const RollbackApprovalRequest = z.object({
  name: PromptName,
  /** The approval to go back to: `v2`. */
  approval: z.string().regex(/^v[1-9]\d*$/, 'an approval is written v1, v2, …'),
  reason: z.string().trim().min(1, 'say why you roll back').max(10_000),
});
export type RollbackApprovalRequest = z.infer<typeof RollbackApprovalRequest>;
export const RolledBackApproval = z.object({ tag: z.string(), commit: z.string(), from: z.string(), to: z.string() });
export type RolledBackApproval = z.infer<typeof RolledBackApproval>;
