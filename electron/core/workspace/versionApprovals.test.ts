import { describe, expect, it } from 'vitest';
import type { ApprovalTag } from './approvalTags';
import { approvalMessage, type ApprovalEvidence } from './approvalTrailers';
import { versionApprovals } from './versionApprovals';

const evidence = (runId: string, rating: number): ApprovalEvidence => ({ runId, models: ['ollama/llama3.2'], temperatures: [0], samples: 4, rating, rated: 2, consistency: 0.5 });
const tag = (version: number, message: string | null): ApprovalTag => ({ name: `approved/p/v${version}`, version, commit: 'c'.repeat(40), message });

describe('versionApprovals', () => {
  it('reads each tag from its own message, newest first, and keeps the commit its description', () => {
    const commit = 'Ask for one word\n';
    const approvals = versionApprovals(commit, [tag(1, approvalMessage('First look', evidence('r1', 3))), tag(2, approvalMessage('Rated more', evidence('r2', 4)))]);
    expect(approvals).toEqual([
      { ...evidence('r2', 4), tag: 'approved/p/v2', message: 'Rated more' },
      { ...evidence('r1', 3), tag: 'approved/p/v1', message: 'First look' },
    ]);
  });

  it('reads an approval commit: a tag without evidence takes the commit’s, and a commit whose tag is gone still counts', () => {
    const commit = approvalMessage('Approve p', evidence('r1', 5));
    expect(versionApprovals(commit, [tag(1, null)])).toEqual([{ ...evidence('r1', 5), tag: 'approved/p/v1', message: 'Approve p' }]);
    expect(versionApprovals(commit, [tag(1, commit)])).toHaveLength(1);
    expect(versionApprovals(commit, [])).toEqual([{ ...evidence('r1', 5), tag: null, message: 'Approve p' }]);
    // A later approval as a tag on the same commit comes first; the commit's own stays.
    expect(versionApprovals(commit, [tag(1, commit), tag(2, approvalMessage('Again', evidence('r2', 2)))]).map((a) => a.runId)).toEqual(['r2', 'r1']);
    expect(versionApprovals('Plain commit\n', [])).toEqual([]);
  });
});
