// Each end-to-end test gets its own workspace and its own `workbench serve`, on a free port.
import { test as base } from '@playwright/test';
import path from 'node:path';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, serveWorkbench, type ServeProcess } from '../support/workbenchCli';

export interface WorkbenchFixture {
  workspace: string;
  server: ServeProcess;
}

export const test = base.extend<{ workbench: WorkbenchFixture }>({
  // Playwright requires an object pattern for fixture arguments, even when none are used.
  // eslint-disable-next-line no-empty-pattern
  workbench: async ({}, use) => {
    const root = makeTempDir('workbench-e2e-');
    const workspace = path.join(root, 'ws');
    const init = runWorkbench(['init', '--workspace', workspace]);
    if (init.status !== 0) throw new Error(`workbench init failed: ${init.stderr}`);
    const server = await serveWorkbench(workspace);
    await use({ workspace, server });
    await server.stop();
    removeDir(root);
  },
});

export { expect } from '@playwright/test';
