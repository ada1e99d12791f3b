import { describe, expect, it } from 'vitest';
import { workspaceFlag } from './launchArgs';

describe('workspaceFlag', () => {
  it.each([
    [['electron', '.', '--workspace', '/tmp/ws'], '/tmp/ws'],
    [['electron', '.', '--workspace=/tmp/ws'], '/tmp/ws'],
    [['app', '--no-sandbox-ignored', '--workspace', '~/w', '--inspect'], '~/w'],
    [['electron', '.'], undefined],
    [['electron', '.', '--workspace'], undefined],
    [['electron', '.', '--workspace', '--inspect'], undefined],
    [['electron', '.', '--workspace='], undefined],
  ])('%j -> %s', (argv, expected) => {
    expect(workspaceFlag(argv)).toBe(expected);
  });
});
