import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveWorkspaceDir } from './location';

describe('resolveWorkspaceDir', () => {
  const home = '/home/ada';
  it('prefers the flag, then WORKBENCH_HOME, then ~/PromptWorkbench', () => {
    expect(resolveWorkspaceDir({ flag: '/w/flag', env: { WORKBENCH_HOME: '/w/env' }, home })).toBe('/w/flag');
    expect(resolveWorkspaceDir({ env: { WORKBENCH_HOME: '/w/env' }, home })).toBe('/w/env');
    expect(resolveWorkspaceDir({ env: {}, home })).toBe(path.join(home, 'PromptWorkbench'));
  });

  it('expands ~ and makes relative paths absolute', () => {
    expect(resolveWorkspaceDir({ flag: '~/work', env: {}, home })).toBe('/home/ada/work');
    expect(resolveWorkspaceDir({ flag: 'rel', env: {}, home })).toBe(path.resolve('rel'));
  });
});
