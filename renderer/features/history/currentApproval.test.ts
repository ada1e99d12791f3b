import { describe, expect, it } from 'vitest';
import type { VersionWithApproval } from '../../../shared/approvals';
import { currentApproval, newestApprovalNumber } from './currentApproval';

const version = (oid: string, tags: string[]) =>
  ({ oid, approval: tags[0] ? { tag: tags[0] } : null, approvals: tags.map((tag) => ({ tag })) }) as unknown as VersionWithApproval;

describe('currentApproval', () => {
  it('is the version with the highest approval, even when it is older (a rollback)', () => {
    const versions = [version('new', ['approved/x/v2']), version('old', ['approved/x/v3', 'approved/x/v1'])];
    expect(currentApproval(versions)).toEqual({ oid: 'old', number: 3 });
    expect(newestApprovalNumber(versions[1] as VersionWithApproval)).toBe(3);
  });

  it('is null without approvals', () => {
    expect(currentApproval([version('a', [])])).toBeNull();
  });
});
