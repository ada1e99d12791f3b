import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli';
import type { Command, CommandContext } from './command';
import { guardOutputStreams, reportCrashes } from './processGuards';

function context(env: NodeJS.ProcessEnv = {}): { context: CommandContext; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    context: {
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
      env,
      stopSignal: new Promise(() => {}),
      writeStderr: () => {},
      terminal: { stdin: false, stderr: false },
      ask: async () => '',
    },
  };
}

const failing = (error: unknown): Command => ({ name: 'boom', summary: 'Fails', usage: 'workbench boom', options: {}, run: () => Promise.reject(error) });

describe('runCli: the last resort for errors no command explained', () => {
  it('prints one line saying it is a bug and how to report it, without the stack', async () => {
    const { context: ctx, err } = context();
    const code = await runCli(['boom'], ctx, [failing(new TypeError("Cannot read properties of undefined (reading 'x')"))]);
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toBe(
      "workbench: unexpected failure (a bug in Prompt Workbench): Cannot read properties of undefined (reading 'x'). " +
        'Please report it to the Prompt Workbench maintainers with the command you ran; run it again with WORKBENCH_DEBUG=1 for the details to include.',
    );
    expect(err.join('\n')).not.toMatch(/^\s+at /m);
  });

  it('adds the stack when WORKBENCH_DEBUG=1', async () => {
    const { context: ctx, err } = context({ WORKBENCH_DEBUG: '1' });
    await runCli(['boom'], ctx, [failing(new Error('multi\nline'))]);
    expect(err[0]).toMatch(/^workbench: unexpected failure \(a bug in Prompt Workbench\): multi line\. Please report it .* with the command you ran and the details below\.$/);
    expect(err[1]).toMatch(/^Error: multi\nline\n\s+at /);
  });

  it('says plainly what the disk or the system refused: that is no bug', async () => {
    const { context: ctx, err } = context();
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    expect(await runCli(['boom'], ctx, [failing(full)])).toBe(1);
    expect(err).toEqual(['workbench: The disk is full: the workspace database (.workbench/workbench.db) could not be written. Free some space and try again.']);
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', path: '/srv/ws/.workbench' });
    const second = context();
    await runCli(['boom'], second.context, [failing(denied)]);
    expect(second.err).toEqual(['workbench: Permission denied for /srv/ws/.workbench. Check that you may read and write it, or choose another place.']);
  });
});

describe('process guards', () => {
  it('report an error that escaped every command in one line, then exit 1', () => {
    const proc = Object.assign(new EventEmitter(), { env: {}, exit: (code: number): never => { throw Object.assign(new Error('exit'), { exitCode: code }); } });
    const written: string[] = [];
    reportCrashes(proc, (text) => written.push(text));
    expect(() => proc.emit('unhandledRejection', new RangeError('bad'))).toThrow(expect.objectContaining({ exitCode: 1 }));
    expect(written).toEqual([expect.stringMatching(/^workbench: unexpected failure \(a bug in Prompt Workbench\): bad\. Please report it/)]);
  });

  it('stop writing once a stream fails (its reader is gone) instead of crashing', () => {
    const stream = Object.assign(new EventEmitter(), { destroyed: false, chunks: [] as string[], write(text: string) { this.chunks.push(text); } });
    const { stdout } = guardOutputStreams({ stdout: stream, stderr: stream });
    stdout('a');
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    stdout('b');
    expect(stream.chunks).toEqual(['a']);
  });
});
