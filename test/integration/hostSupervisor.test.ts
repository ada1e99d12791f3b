// The launcher's side of the core host, with real host processes (the TypeScript entry through tsx,
// as `serve` runs it from the sources): a workspace that cannot be opened is reported, not
// retried; a host that keeps dying right after it starts is given up on, saying what happened.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../shared/errors';
import type { CoreStatus } from '../../shared/workspace';
import { coreHostEntry, starterDir } from '../../electron/cli/paths';
import { HostSupervisor, type HostProcess } from '../../electron/core/host/hostSupervisor';
import { forkCoreHost } from '../../electron/server/forkedCoreHost';
import { makeTempDir, removeDir } from '../support/tempDir';

const ADVICE = 'Stop `workbench serve` and start it again.';
let root = '';
const supervisors: HostSupervisor[] = [];

afterEach(async () => {
  await Promise.all(supervisors.splice(0).map((supervisor) => supervisor.close()));
  if (root) removeDir(root);
});

function supervise(workspaceDir: string, statuses: CoreStatus[] = [], hosts: HostProcess[] = []): HostSupervisor {
  const entry = coreHostEntry();
  const supervisor = new HostSupervisor({
    spawn: () => {
      const host = forkCoreHost(entry, process.env);
      hosts.push(host);
      return host;
    },
    openOptions: () => ({ workspaceDir, starterDir, create: true, watch: false, secrets: { kind: 'session', values: {} } }),
    keepSecret: () => undefined,
    restartAdvice: ADVICE,
    onStatus: (status) => void statuses.push(status),
    onReady: () => undefined,
    restartDelaysMs: [0, 0],
  });
  supervisors.push(supervisor);
  return supervisor;
}

const exited = (host: HostProcess) => new Promise<void>((resolve) => host.onExit(() => resolve()));

describe('HostSupervisor with real core processes', () => {
  it('reports a workspace it cannot open with the core’s reason and the folder, and leaves no process behind', async () => {
    root = makeTempDir('workbench-supervisor-');
    const foreign = path.join(root, 'foreign');
    fs.mkdirSync(foreign);
    fs.writeFileSync(path.join(foreign, 'notes.txt'), 'not a workspace');
    const hosts: HostProcess[] = [];
    const failure = await supervise(foreign, [], hosts).start().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkbenchError);
    expect(failure).toMatchObject({ code: 'WORKSPACE_NOT_EMPTY', details: { workspaceDir: foreign } });
    expect(hosts).toHaveLength(1);
    await exited(hosts[0] as HostProcess);
    expect(fs.readdirSync(foreign)).toEqual(['notes.txt']);
  }, 60_000);

  it('gives up on a core that keeps dying right after it starts, and every call then says why', async () => {
    root = makeTempDir('workbench-supervisor-');
    const statuses: CoreStatus[] = [];
    const hosts: HostProcess[] = [];
    const supervisor = supervise(path.join(root, 'ws'), statuses, hosts);
    await supervisor.start();
    for (let round = 1; round <= 3; round++) {
      const host = hosts[round - 1] as HostProcess;
      process.kill(host.pid ?? -1, 'SIGKILL');
      await exited(host);
      if (round < 3) await expect.poll(() => statuses.filter((status) => status.state === 'restarted').length, { timeout: 60_000 }).toBe(round);
    }
    await expect.poll(() => statuses.at(-1)?.state, { timeout: 10_000 }).toBe('stopped');
    expect(statuses.map((status) => status.state)).toEqual(['restarting', 'restarted', 'restarting', 'restarted', 'stopped']);
    const reason = `The core process stopped 3 times in a row shortly after starting (the last time: ended by SIGKILL), so it is not started again. ${ADVICE}`;
    expect(statuses.at(-1)?.message).toBe(reason);
    expect(hosts).toHaveLength(3);
    await expect(supervisor.client.call('listPrompts', {})).resolves.toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: reason } });
  }, 120_000);
});
