import { afterEach, describe, expect, it, vi } from 'vitest';
import { pauseBefore, whenUnlocked, type LockPolicy } from './lockWait';

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

/** A write that finds the lock taken `times` times, then succeeds. */
function lockedFor(times: number) {
  let tries = 0;
  return {
    write: () => {
      tries++;
      if (tries <= times) throw busy();
      return 'written';
    },
    get tries() {
      return tries;
    },
  };
}

describe('waiting for another process\'s lock', () => {
  afterEach(() => vi.restoreAllMocks());

  it('pauses longer after each busy try, capped, with jitter around the pause', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((attempt) => pauseBefore(attempt, () => 0.5))).toEqual([50, 100, 200, 400, 800, 1000, 1000]);
    expect(pauseBefore(0, () => 0)).toBe(38);
    expect(pauseBefore(0, () => 1)).toBe(63);
  });

  it('tries again after each pause, says once that it waits, and returns what the write returned', async () => {
    const notices: string[] = [];
    const pauses: number[] = [];
    const policy: LockPolicy = { patienceMs: 60_000, giveUp: 'DB_LOCKED', onWait: () => notices.push('waiting') };
    const locked = lockedFor(3);
    expect(await whenUnlocked(locked.write, '/ws/db', policy, async (ms) => pauses.push(ms))).toBe('written');
    expect(locked.tries).toBe(4);
    expect(pauses).toHaveLength(3);
    expect(notices).toEqual(['waiting']);
  });

  it('gives up once its patience is spent, with the code the policy names', async () => {
    const locked = lockedFor(Infinity);
    const clock = { now: 0 };
    const sleep = async (ms: number) => void (clock.now += ms);
    vi.spyOn(Date, 'now').mockImplementation(() => clock.now);
    await expect(whenUnlocked(locked.write, '/ws/db', { patienceMs: 2000, giveUp: 'DB_BUSY' }, sleep)).rejects.toMatchObject({
      code: 'DB_BUSY',
      message: expect.stringMatching(/^Another program is writing to the database \/ws\/db .* not saved yet\. Try again in a moment\.$/),
    });
    clock.now = 0;
    await expect(whenUnlocked(locked.write, '/ws/db', { patienceMs: 2000, giveUp: 'DB_LOCKED' }, sleep)).rejects.toMatchObject({
      code: 'DB_LOCKED',
      message: expect.stringMatching(/^The database \/ws\/db is locked by another program .* nothing was saved\. Let it finish or close it, then try again\.$/),
    });
  });

  it('passes any other failure straight through, without retrying', async () => {
    let tries = 0;
    const broken = () => {
      tries++;
      throw Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    };
    await expect(whenUnlocked(broken, '/ws/db', { patienceMs: 1000, giveUp: 'DB_LOCKED' })).rejects.toMatchObject({ code: 'SQLITE_CORRUPT' });
    expect(tries).toBe(1);
  });
});
