import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftSync, type DiskVersion } from './draftSync';

class Conflict extends Error {}

/** A fake file: a save succeeds only against the current hash, like the core's. */
function fakeDisk(initial: string) {
  const disk = { value: initial, hash: 'h0', count: 0 };
  const saves: { value: string; expectedHash: string }[] = [];
  const write = (value: string) => {
    disk.count += 1;
    disk.value = value;
    disk.hash = `h${disk.count}`;
  };
  const sync = new DraftSync<string>({
    initial: { value: initial, hash: 'h0' },
    equals: (a, b) => a === b,
    delay: 600,
    async save(value, expectedHash) {
      saves.push({ value, expectedHash });
      if (expectedHash !== disk.hash) throw new Conflict('changed on disk');
      write(value);
      return disk.hash;
    },
    readDisk: async (): Promise<DiskVersion<string>> => ({ value: disk.value, hash: disk.hash }),
    isConflict: (error) => error instanceof Conflict,
    describeError: (error) => String(error),
  });
  return { disk, saves, sync, outsideEdit: write };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('DraftSync', () => {
  it('saves once, after typing stops', async () => {
    const { sync, saves, disk } = fakeDisk('a');
    sync.edit('ab');
    await vi.advanceTimersByTimeAsync(300);
    sync.edit('abc');
    expect(sync.getSnapshot().state).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(599);
    expect(saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toEqual([{ value: 'abc', expectedHash: 'h0' }]);
    expect(disk.value).toBe('abc');
    expect(sync.getSnapshot().state).toBe('saved');
  });

  it('saves right away on request, and sends the hash of the last save next time', async () => {
    const { sync, saves } = fakeDisk('a');
    sync.edit('b');
    await sync.saveNow();
    sync.edit('c');
    await sync.saveNow();
    expect(saves).toEqual([
      { value: 'b', expectedHash: 'h0' },
      { value: 'c', expectedHash: 'h1' },
    ]);
  });

  it('takes a change on disk silently when nothing is unsaved', () => {
    const { sync } = fakeDisk('a');
    sync.serverChanged({ value: 'from git', hash: 'x' });
    expect(sync.getSnapshot()).toMatchObject({ value: 'from git', state: 'saved', conflict: null });
  });

  it('asks instead of overwriting when the disk changed under unsaved edits', async () => {
    const { sync, saves, disk, outsideEdit } = fakeDisk('a');
    sync.edit('mine');
    outsideEdit('theirs');
    sync.serverChanged({ value: disk.value, hash: disk.hash });
    expect(sync.getSnapshot()).toMatchObject({ value: 'mine', state: 'conflict', conflict: { value: 'theirs' } });
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toHaveLength(0);
    expect(disk.value).toBe('theirs');
  });

  it('turns a refused save into a conflict with the disk version', async () => {
    const { sync, disk, outsideEdit } = fakeDisk('a');
    outsideEdit('theirs');
    sync.edit('mine');
    await sync.saveNow();
    expect(sync.getSnapshot()).toMatchObject({ state: 'conflict', conflict: { value: 'theirs', hash: disk.hash } });
    expect(disk.value).toBe('theirs');
  });

  it('keeps mine by saving against the disk version', async () => {
    const { sync, disk, outsideEdit } = fakeDisk('a');
    outsideEdit('theirs');
    sync.edit('mine');
    await sync.saveNow();
    await sync.keepMine();
    expect(disk.value).toBe('mine');
    expect(sync.getSnapshot()).toMatchObject({ value: 'mine', state: 'saved', conflict: null });
  });

  it('loads the disk version, dropping the unsaved edits', async () => {
    const { sync, disk, saves, outsideEdit } = fakeDisk('a');
    sync.edit('mine');
    outsideEdit('theirs');
    sync.serverChanged({ value: disk.value, hash: disk.hash });
    sync.loadDisk();
    expect(sync.getSnapshot()).toMatchObject({ value: 'theirs', state: 'saved' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toHaveLength(0);
  });

  it('writes what was typed during a save with a second save', async () => {
    const { sync, saves, disk } = fakeDisk('a');
    sync.edit('b');
    const first = sync.saveNow();
    sync.edit('bc');
    await sync.saveNow();
    await first;
    expect(saves.map((save) => save.value)).toEqual(['b', 'bc']);
    expect(disk.value).toBe('bc');
    expect(sync.getSnapshot().state).toBe('saved');
  });

  it('does not mistake its own save for an outside change', async () => {
    const { sync, disk } = fakeDisk('a');
    sync.edit('b');
    const saving = sync.saveNow();
    // An answer that was on its way before the save landed.
    sync.serverChanged({ value: 'a', hash: 'stale' });
    await saving;
    expect(disk.value).toBe('b');
    expect(sync.getSnapshot()).toMatchObject({ value: 'b', state: 'saved', conflict: null });
  });

  it('reports a failed save and tries again on the next edit', async () => {
    let fail = true;
    const sync = new DraftSync<string>({
      initial: { value: 'a', hash: 'h0' },
      equals: (a, b) => a === b,
      delay: 10,
      save: async () => {
        if (fail) throw new Error('disk full');
        return 'h1';
      },
      readDisk: async () => ({ value: 'a', hash: 'h0' }),
      isConflict: () => false,
      describeError: (error) => (error instanceof Error ? error.message : 'failed'),
    });
    sync.edit('b');
    await sync.saveNow();
    expect(sync.getSnapshot()).toMatchObject({ state: 'failed', error: 'disk full' });
    fail = false;
    sync.edit('bc');
    await vi.advanceTimersByTimeAsync(10);
    expect(sync.getSnapshot().state).toBe('saved');
  });

  it('never writes again once detached', async () => {
    const { sync, saves } = fakeDisk('a');
    sync.edit('b');
    sync.detach();
    sync.flush();
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toHaveLength(0);
  });
});
