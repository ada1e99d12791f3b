// A regex check's pattern comes from the workspace. One that takes polynomial time on a long output
// passes the static refusal of nested repetition, so it is matched in a worker and stopped at a time
// limit; meanwhile the process keeps answering. Real worker threads.
import { expect, it } from 'vitest';
import { unsafeRegexReason } from '../../shared/checks/safeRegex';
import { matchInSandbox } from '../../electron/core/checks/regexSandbox';

it('matches patterns in the sandbox, and stops one that runs away while the process keeps going', async () => {
  expect(await matchInSandbox('^[A-Z][a-z]+$', '', ['Paris', 'paris', 'Tokyo'])).toEqual([true, false, true]);
  expect(await matchInSandbox('^paris$', 'i', ['PARIS'])).toEqual([true]);

  const slow = '\\d*\\d*\\d*\\d*\\d*x';
  expect(unsafeRegexReason(slow)).toBeNull();
  let ticks = 0;
  const ticker = setInterval(() => ticks++, 50);
  const started = Date.now();
  const result = await matchInSandbox(slow, '', ['1'.repeat(5_000)], { timeoutMs: 600, memoryMb: 64 });
  clearInterval(ticker);
  expect(result).toBeNull();
  expect(Date.now() - started).toBeLessThan(5_000);
  // The event loop ran the whole time the match did.
  expect(ticks).toBeGreaterThanOrEqual(8);
  // The sandbox works again afterwards.
  expect(await matchInSandbox('x$', '', ['abx'])).toEqual([true]);
});
