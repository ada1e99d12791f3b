// Which code `workbench` runs (bin/cliEntry.js): the bundle only while no source is newer than it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentBundle, newestSourceMtime } from '../../bin/cliEntry.js';
import { makeTempDir, removeDir } from '../support/tempDir';

let root = '';
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));

function write(relative: string, seconds: number): string {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '');
  fs.utimesSync(file, at(seconds), at(seconds));
  return file;
}

beforeEach(() => {
  root = makeTempDir('cli-entry-');
  write('electron/cli/cli.ts', 10);
  write('shared/deep/api.ts', 20);
});
afterEach(() => removeDir(root));

describe('currentBundle', () => {
  it('runs a bundle built after every source', () => {
    const bundle = write('dist/cli/workbench.js', 30);
    expect(newestSourceMtime(root)).toBe(at(20).getTime());
    expect(currentBundle(root)).toBe(bundle);
  });

  it('runs the sources once one of them, however deep, is edited after the build', () => {
    write('dist/cli/workbench.js', 30);
    write('electron/core/runner/runManager.ts', 31);
    expect(currentBundle(root)).toBeNull();
  });

  it('runs the sources once a plain JavaScript source (the template worker) is edited after the build', () => {
    write('dist/cli/workbench.js', 30);
    write('electron/core/workspace/templateRenderWorker.js', 31);
    expect(currentBundle(root)).toBeNull();
  });

  it('ignores edited tests and other files, which the bundle does not contain', () => {
    const bundle = write('dist/cli/workbench.js', 30);
    write('electron/core/runner/runManager.test.ts', 40);
    write('shared/notes.md', 40);
    expect(currentBundle(root)).toBe(bundle);
  });

  it('runs the sources without a bundle, and the bundle without sources', () => {
    expect(currentBundle(root)).toBeNull();
    fs.rmSync(path.join(root, 'electron'), { recursive: true });
    fs.rmSync(path.join(root, 'shared'), { recursive: true });
    const bundle = write('dist/cli/workbench.js', 5);
    expect(currentBundle(root)).toBe(bundle);
  });
});
