import { describe, expect, it } from 'vitest';
import { runVersion, runVersionLabel } from './runVersion';

describe('runVersionLabel', () => {
  it('names a commit run by its short id and a draft run by its short content hash, said to be one', () => {
    expect(runVersionLabel({ commit: '3f9a2c1deadbeef0123456789abcdef012345678', contentHash: '4031628aa0b1c2d3' })).toBe('commit 3f9a2c1');
    expect(runVersionLabel({ commit: null, contentHash: '4031628aa0b1c2d3' })).toBe('draft · content 4031628');
    expect(runVersion({ commit: null, contentHash: '4031628aa0b1c2d3' })).toEqual({ kind: 'draft', id: '4031628' });
  });
});
