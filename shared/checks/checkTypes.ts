// Checks: what a prompt promises about every output (the intent field is right, the answer is one
// word), written in the prompt's own files and evaluated on every sample. These are the shapes the
// core, the CLI and the UI share; checkDefinition.ts reads them from YAML.
import { z } from 'zod';

export const CHECK_KINDS = [
  'equals',
  'contains',
  'icontains',
  'not-contains',
  'contains-any',
  'contains-all',
  'starts-with',
  'regex',
  'max-length',
  'max-words',
  'json',
  'json-path',
  'similar',
  'latency-ms',
  'cost-usd',
  'rubric',
] as const;
export const CheckKind = z.enum(CHECK_KINDS);
export type CheckKind = z.infer<typeof CheckKind>;

/** A check as written, normalised: its kind, and the parameters that kind takes. */
export type CheckSpec =
  | { kind: 'equals' | 'contains' | 'icontains' | 'not-contains' | 'starts-with'; value: string }
  | { kind: 'contains-any' | 'contains-all'; values: string[] }
  | { kind: 'regex'; pattern: string; flags: string }
  | { kind: 'max-length' | 'max-words' | 'latency-ms' | 'cost-usd'; limit: number }
  | { kind: 'json' }
  | { kind: 'json-path'; path: string; equals?: unknown; in?: unknown[]; min?: number; max?: number }
  | { kind: 'similar'; value: string; threshold: number; method: 'lexical' | 'embedding' }
  | { kind: 'rubric'; rubric: string; judge: string | null; judgeRepeats: number };

export const Check = z.object({
  /** Stable while the checks are unchanged: `prompt#1`, `case:<name>#2`. */
  id: z.string(),
  /** The name given, else a short description ("contains \"reset\""). */
  label: z.string(),
  kind: CheckKind,
  /** The case it belongs to; null for a prompt-wide check, which applies to every case. */
  case: z.string().nullable(),
  /** The normalised definition (a CheckSpec). */
  spec: z.record(z.string(), z.unknown()),
});
export type Check = z.infer<typeof Check>;

/** One check's verdict on one sample. */
export const Verdict = z.object({
  check: z.string(),
  /** null: not decided yet (a rubric whose judge has not answered). */
  passed: z.boolean().nullable(),
  /** What was found, in words a person can act on: "expected $.intent = account_access, got billing_issue". */
  reason: z.string(),
  /** Rubrics asked more than once: the judge said pass and fail to this same output. */
  flipped: z.boolean().optional(),
  /** Rubrics: the share of the judge's answers that gave this verdict (1 when asked once and answered). */
  selfAgreement: z.number().optional(),
});
export type Verdict = z.infer<typeof Verdict>;
