// Versions of a prompt in git, and the differences between any two of them (or the draft).
import { z } from 'zod';
import { PromptName } from './prompts';

/** A commit id (full or abbreviated), `HEAD`, `HEAD~n`, or a branch or tag name. */
export const GitRef = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._/~^-]+$/, 'Use a commit id, HEAD, HEAD~n, or a branch or tag name');

/** Either side of a diff: a git ref, or `working` for the draft in the working tree. */
export const DiffSide = z.union([z.literal('working'), GitRef]);

export const GitPerson = z.object({ name: z.string(), email: z.string() });
export type GitPerson = z.infer<typeof GitPerson>;

export const Version = z.object({
  oid: z.string(),
  shortOid: z.string(),
  /** First line of the message. */
  summary: z.string(),
  message: z.string(),
  author: GitPerson,
  /** ISO 8601, from the author timestamp. */
  date: z.string(),
});
export type Version = z.infer<typeof Version>;

export const PromptAtVersion = z.object({
  oid: z.string(),
  source: z.string(),
  /** null when the version has no cases file. */
  casesSource: z.string().nullable(),
});
export type PromptAtVersion = z.infer<typeof PromptAtVersion>;

/** A run of text in a changed line; `changed` marks the words that differ from the other side. */
export const DiffSegment = z.object({ text: z.string(), changed: z.boolean() });

export const DiffLine = z.object({ number: z.number().int(), segments: z.array(DiffSegment) });

/** One row of a side-by-side diff; inline views read the same rows (left then right). */
export const DiffRow = z.object({
  kind: z.enum(['context', 'added', 'removed', 'changed']),
  left: DiffLine.nullable(),
  right: DiffLine.nullable(),
});
export type DiffRow = z.infer<typeof DiffRow>;

export const FileDiff = z.object({
  path: z.string(),
  status: z.enum(['added', 'deleted', 'modified', 'unchanged']),
  rows: z.array(DiffRow),
  /** The same change as a unified diff (what `git diff` would print for this file). */
  unified: z.string(),
});
export type FileDiff = z.infer<typeof FileDiff>;

export const PromptDiff = z.object({
  /** What each side resolved to: a full commit id, or `working`. */
  from: z.string(),
  to: z.string(),
  files: z.array(FileDiff),
});
export type PromptDiff = z.infer<typeof PromptDiff>;

export const CommitRequest = z.object({ name: PromptName, message: z.string().trim().min(1, 'Write a commit message') });
export const HistoryRequest = z.object({
  name: PromptName,
  limit: z.number().int().positive().max(100_000).optional(),
  approvedOnly: z.boolean().optional(),
});
export const VersionRequest = z.object({ name: PromptName, ref: GitRef });
export const DiffRequest = z.object({ name: PromptName, from: DiffSide.default('HEAD'), to: DiffSide.default('working') });
