// Which version a selected one is compared with by default, and which run speaks for a version.
import type { VersionWithApproval } from '../../../shared/approvals';
import type { RunSummary } from '../../../shared/runs';

export interface CompareTarget {
  version: VersionWithApproval;
  reason: 'previous approved' | 'previous';
}

/**
 * An approved version is compared with the approved one before it (what the approval changed over
 * the last one), skipping the plain commits in between; any other side with the version before it.
 * `index` is the selected version's place in the history (newest first), -1 for the draft.
 */
export function defaultCompareTarget(versions: readonly VersionWithApproval[], index: number): CompareTarget | null {
  const selected = versions[index];
  if (selected?.approval) {
    const previousApproved = versions.slice(index + 1).find((version) => version.approval);
    if (previousApproved) return { version: previousApproved, reason: 'previous approved' };
  }
  const previous = versions[index + 1];
  return previous ? { version: previous, reason: 'previous' } : null;
}

/**
 * The run whose figures stand for a version: the newest that finished, else the newest with any
 * finished sample (cancelled part way); null when the version was never run.
 */
export function representativeRun(runs: readonly RunSummary[]): RunSummary | null {
  const newestFirst = [...runs].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return newestFirst.find((run) => run.status === 'done') ?? newestFirst.find((run) => run.ok > 0) ?? null;
}
