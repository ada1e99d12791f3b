// Each end-to-end test gets its own workspace and its own `workbench serve`, on a free port.
import { test as base } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, serveWorkbench, type ServeProcess } from '../support/workbenchCli';

export interface WorkbenchFixture {
  workspace: string;
  server: ServeProcess;
}

/**
 * The server's environment: a fresh HOME and no GIT_* identity, so no global git author is found
 * and the app has to ask for one (the same as on a machine where git was never configured).
 */
function isolatedEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^GIT_(AUTHOR|COMMITTER)_/.test(key) || key === 'EMAIL' || key === 'GIT_CONFIG_GLOBAL') continue;
    env[key] = value;
  }
  return { ...env, HOME: home, USERPROFILE: home, XDG_CONFIG_HOME: path.join(home, '.config'), GIT_CONFIG_NOSYSTEM: '1' };
}

export interface WorkbenchFixtures {
  workbench: WorkbenchFixture;
  /**
   * Extra environment for `workbench serve` (e.g. provider addresses pointing at fake servers);
   * a spec overrides this fixture. An undefined value removes the variable.
   */
  workbenchEnv: NodeJS.ProcessEnv;
}

export const test = base.extend<WorkbenchFixtures>({
  // Playwright requires an object pattern for fixture arguments, even when none are used.
  // eslint-disable-next-line no-empty-pattern
  workbenchEnv: async ({}, use) => use({}),
  workbench: async ({ workbenchEnv }, use, testInfo) => {
    const root = makeTempDir('workbench-e2e-');
    const workspace = path.join(root, 'ws');
    const home = path.join(root, 'home');
    fs.mkdirSync(home);
    const init = runWorkbench(['init', '--workspace', workspace]);
    if (init.status !== 0) throw new Error(`workbench init failed: ${init.stderr}`);
    const server = await serveWorkbench(workspace, ['--port', '0'], { ...isolatedEnv(home), ...workbenchEnv });
    // The server's own output, attached when a test fails (a crash there explains a lot here).
    let log = '';
    server.child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    server.child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    server.child.once('exit', (code, signal) => (log += `\n[workbench serve exited: ${code ?? signal}]\n`));
    await use({ workspace, server });
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('workbench-serve.log', { body: log, contentType: 'text/plain' });
    await server.stop();
    removeDir(root);
  },
});

/**
 * `test` with a fake Ollama serving llama3.2, which `workbench serve` is pointed at. `latencyMs`:
 * how long each answer takes, for specs that act while a run is still going.
 */
export function testWithOllama(options: { latencyMs?: number } = {}) {
  return test.extend<{ ollama: FakeProvider }>({
    // eslint-disable-next-line no-empty-pattern
    ollama: async ({}, use) => {
      const fake = await startFakeProvider({ kind: 'ollama', models: ['llama3.2'], ...options });
      await use(fake);
      await fake.close();
    },
    workbenchEnv: async ({ ollama }, use) => use({ OLLAMA_HOST: ollama.url }),
  });
}

export { expect } from '@playwright/test';
