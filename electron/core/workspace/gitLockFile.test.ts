// Git's lock files on real folders: exclusive creation, waiting for a lock let go, and what a
// person is told about a lock that stays.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LockFile } from './gitLockFile';
import { compareAndSwapRef, readRef } from './gitRefWrite';

let dir: string;
const target = () => path.join(dir, 'index');

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lockfile-'));
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function failure(call: Promise<unknown>): Promise<{ code?: string; message: string; details?: unknown }> {
  return call.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: { code?: string; message: string; details?: unknown }) => error,
  );
}

describe('LockFile', () => {
  it('takes the lock once: a second taker waits until the first lets go', async () => {
    const first = await LockFile.acquire(target());
    let secondHas = false;
    const second = LockFile.acquire(target()).then((lock) => {
      secondHas = true;
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(secondHas).toBe(false);
    first.write('new content');
    first.commit();
    const lock = await second;
    expect(fs.readFileSync(target(), 'utf8')).toBe('new content');
    lock.release();
    expect(fs.existsSync(`${target()}.lock`)).toBe(false);
    expect(fs.readFileSync(target(), 'utf8')).toBe('new content');
  });

  it('says that a lock of a git program is held, since when, and that it can be deleted if no git command runs', async () => {
    fs.writeFileSync(`${target()}.lock`, '');
    const error = await failure(LockFile.acquire(target(), { waitMs: 50 }));
    expect(error.code).toBe('GIT_LOCKED');
    expect(error.message).toMatch(new RegExp(`^Another git program has held ${`${target()}.lock`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\. If no git command is running in this repository, one stopped and left it behind: delete that file and try again\\.$`));
    expect(fs.existsSync(`${target()}.lock`)).toBe(true);
  });

  it('names the Prompt Workbench process that left a lock behind when it is gone', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const pid = Number(gone.stdout);
    fs.writeFileSync(`${target()}.lock`, `prompt-workbench pid=${pid} host=${os.hostname()} since=2026-01-02T03:04:05.000Z\n`);
    const error = await failure(LockFile.acquire(target(), { waitMs: 50 }));
    expect(error).toMatchObject({ code: 'GIT_LOCKED', details: { pid, stale: true } });
    expect(error.message).toMatch(new RegExp(`^Prompt Workbench \\(process ${pid}\\) stopped while changing the git repository at .+ and left .+index\\.lock behind\\. Nothing is using it now: delete that file and try again\\.$`));
  });

  it('asks to wait for a Prompt Workbench process that still holds the lock', async () => {
    fs.writeFileSync(`${target()}.lock`, `prompt-workbench pid=${process.pid} host=${os.hostname()} since=${new Date().toISOString()}\n`);
    const error = await failure(LockFile.acquire(target(), { waitMs: 50 }));
    expect(error).toMatchObject({ code: 'GIT_LOCKED', details: { pid: process.pid, stale: false } });
    expect(error.message).toContain('Wait for it to finish and try again');
  });
});

describe('compareAndSwapRef', () => {
  const gitdir = () => path.join(dir, '.git');
  const a = 'a'.repeat(40);
  const b = 'b'.repeat(40);
  const c = 'c'.repeat(40);

  beforeEach(() => {
    fs.mkdirSync(path.join(gitdir(), 'refs', 'heads'), { recursive: true });
    fs.writeFileSync(path.join(gitdir(), 'HEAD'), 'ref: refs/heads/main\n');
  });

  it('moves the ref only from the value the caller built on', async () => {
    fs.writeFileSync(path.join(gitdir(), 'refs', 'heads', 'main'), `${a}\n`);
    expect(await compareAndSwapRef(dir, 'refs/heads/main', c, b)).toBe(false);
    expect(readRef(gitdir(), 'refs/heads/main')).toBe(a);
    expect(await compareAndSwapRef(dir, 'refs/heads/main', c, a)).toBe(true);
    expect(readRef(gitdir(), 'refs/heads/main')).toBe(c);
    expect(fs.existsSync(path.join(gitdir(), 'refs', 'heads', 'main.lock'))).toBe(false);
  });

  it('creates a ref only when it does not exist yet, loose or packed', async () => {
    fs.writeFileSync(path.join(gitdir(), 'packed-refs'), `# pack-refs with: peeled fully-peeled sorted\n${a} refs/tags/v1\n`);
    expect(await compareAndSwapRef(dir, 'refs/tags/v1', b, null)).toBe(false);
    expect(await compareAndSwapRef(dir, 'refs/tags/v2', b, null)).toBe(true);
    expect(await compareAndSwapRef(dir, 'refs/tags/v2', c, null)).toBe(false);
    expect(readRef(gitdir(), 'refs/tags/v2')).toBe(b);
  });

  it('adds a line to the reflogs git keeps for the branch and for HEAD', async () => {
    fs.writeFileSync(path.join(gitdir(), 'refs', 'heads', 'main'), `${a}\n`);
    fs.mkdirSync(path.join(gitdir(), 'logs', 'refs', 'heads'), { recursive: true });
    fs.writeFileSync(path.join(gitdir(), 'logs', 'HEAD'), '');
    fs.writeFileSync(path.join(gitdir(), 'logs', 'refs', 'heads', 'main'), '');
    await compareAndSwapRef(dir, 'refs/heads/main', b, a, { who: { name: 'Ada', email: 'ada@example.com' }, message: 'commit: Tone\n\nbody' });
    for (const log of ['HEAD', 'refs/heads/main']) {
      expect(fs.readFileSync(path.join(gitdir(), 'logs', log), 'utf8')).toMatch(new RegExp(`^${a} ${b} Ada <ada@example\\.com> \\d+ [+-]\\d{4}\tcommit: Tone\n$`));
    }
  });
});
