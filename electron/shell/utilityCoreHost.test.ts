import type { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({ forks: [] as { entry: string; options: unknown; child: unknown }[] }));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class FakeUtilityProcess extends Emitter {
    pid: number | undefined = undefined;
    posted: { message: unknown; transfer?: unknown[] }[] = [];
    postMessage(message: unknown, transfer?: unknown[]) {
      this.posted.push({ message, transfer });
    }
    kill = vi.fn(() => true);
  }
  return {
    utilityProcess: {
      fork: (entry: string, _args: string[], options: unknown) => {
        const child = new FakeUtilityProcess();
        fake.forks.push({ entry, options, child });
        return child;
      },
    },
  };
});

const { forkUtilityCoreHost } = await import('./utilityCoreHost');

type FakeChild = EventEmitter & { pid: number | undefined; posted: { message: unknown; transfer?: unknown[] }[]; kill: ReturnType<typeof vi.fn> };

describe('forkUtilityCoreHost', () => {
  it('starts the host as a named utility process and speaks to it over its port', () => {
    const host = forkUtilityCoreHost('/app/dist/electron/coreHost.js');
    const started = fake.forks.at(-1);
    expect(started?.entry).toBe('/app/dist/electron/coreHost.js');
    expect(started?.options).toMatchObject({ serviceName: 'Prompt Workbench core' });
    const child = started?.child as FakeChild;
    host.send({ kind: 'close' });
    const port = { name: 'a window port' };
    host.connect(port as never);
    expect(child.posted).toEqual([{ message: { kind: 'close' }, transfer: undefined }, { message: { kind: 'connect' }, transfer: [port] }]);
    const received = vi.fn();
    host.onMessage(received);
    child.emit('message', { kind: 'ready', workspacePath: '/w' });
    expect(received).toHaveBeenCalledWith({ kind: 'ready', workspacePath: '/w' });
  });

  it('reports the exit to listeners, including one that comes late', () => {
    const host = forkUtilityCoreHost('/app/coreHost.js');
    const child = fake.forks.at(-1)?.child as FakeChild;
    const early = vi.fn();
    host.onExit(early);
    child.emit('exit', 9);
    const late = vi.fn();
    host.onExit(late);
    expect(early).toHaveBeenCalledWith({ code: 9, signal: null });
    expect(late).toHaveBeenCalledWith({ code: 9, signal: null });
  });

  it('reads the pid once the process has one, and kills with SIGKILL', () => {
    const host = forkUtilityCoreHost('/app/coreHost.js');
    const child = fake.forks.at(-1)?.child as FakeChild;
    expect(host.pid).toBeUndefined();
    host.kill();
    expect(child.kill).toHaveBeenCalled();
    child.pid = 4242;
    expect(host.pid).toBe(4242);
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    host.kill();
    expect(kill).toHaveBeenCalledWith(4242, 'SIGKILL');
    kill.mockRestore();
  });
});
