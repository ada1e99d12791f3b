// What version of a prompt a run sampled, named the same way in the app, the command line and the
// report. A draft has no commit id: it is named by a short fingerprint of its text, with the word
// "content" in front, so it is never read as a commit id.
import type { RunSummary } from './runs';

/** Characters of a commit id or content hash shown, as `git log --oneline` shows commit ids. */
export const SHORT_ID_LENGTH = 7;

export interface RunVersion {
  kind: 'commit' | 'draft';
  /** The short commit id, or the short content hash of a draft. */
  id: string;
}

export function runVersion(run: Pick<RunSummary, 'commit' | 'contentHash'>): RunVersion {
  return run.commit ? { kind: 'commit', id: run.commit.slice(0, SHORT_ID_LENGTH) } : { kind: 'draft', id: run.contentHash.slice(0, SHORT_ID_LENGTH) };
}

/** `commit 1a2b3c4`, or `draft · content 4031628`. */
export function runVersionLabel(run: Pick<RunSummary, 'commit' | 'contentHash'>): string {
  const { kind, id } = runVersion(run);
  return kind === 'commit' ? `commit ${id}` : `draft · content ${id}`;
}
