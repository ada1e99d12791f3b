// The token counter's helper process: same counts as gpt-tokenizer in-process, one trip per text,
// gone when idle or dead, and never a call left hanging.
import { spawnSync } from 'node:child_process';
import { countTokens } from 'gpt-tokenizer';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../shared/errors';
import { createTokenCounter, type TokenCounter } from './tokenCounter';

const TEXTS = [
  'What is the capital of France?',
  'Résumé: naïve café, São Paulo, Zürich — ½ price',
  '東京は日本の首都です。Привет, мир! مرحبا بالعالم',
  'Family: 👨‍👩‍👧‍👦 flags: 🇯🇵🇧🇷 and a lone 🦜',
  '',
  'line one\nline two\r\n\ttabbed \u2028 separator \u0000 nul',
];

const opened: TokenCounter[] = [];
function counter(options: Parameters<typeof createTokenCounter>[0] = {}): { tokens: TokenCounter; pids: number[] } {
  const pids: number[] = [];
  const tokens = createTokenCounter({ ...options, onSpawn: (pid) => pids.push(pid) });
  opened.push(tokens);
  return { tokens, pids };
}
afterEach(() => opened.splice(0).forEach((tokens) => tokens.close()));

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, deadlineMs = 5_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met before the deadline');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('createTokenCounter', () => {
  it('counts exactly as gpt-tokenizer does in-process, non-ASCII, emoji and empty text included', async () => {
    const { tokens } = counter();
    expect(await tokens.count(TEXTS)).toEqual(TEXTS.map((text) => countTokens(text)));
    expect(await tokens.count([])).toEqual([]);
  });

  it('answers concurrent calls, each with its own counts, from one helper', async () => {
    const { tokens, pids } = counter();
    const batches = Array.from({ length: 6 }, (_, index) => [`batch ${index}: ${'word '.repeat(index * 50)}`, TEXTS[index % TEXTS.length] ?? '']);
    const answers = await Promise.all(batches.map((batch) => tokens.count(batch)));
    expect(answers).toEqual(batches.map((batch) => batch.map((text) => countTokens(text))));
    expect(pids).toHaveLength(1);
  });

  it('answers texts it has counted before without a helper', async () => {
    const { tokens, pids } = counter();
    const first = await tokens.count(TEXTS);
    tokens.close();
    await until(() => !isRunning(pids[0] ?? 0));
    expect(await tokens.count([...TEXTS].reverse())).toEqual([...first].reverse());
    expect(pids).toHaveLength(1);
    expect(await tokens.count(['a text not seen yet'])).toEqual([countTokens('a text not seen yet')]);
    expect(pids).toHaveLength(2);
  });

  it('ends the helper once it has been idle for idleMs', async () => {
    const { tokens, pids } = counter({ idleMs: 200 });
    await tokens.count(['hello']);
    const [pid] = pids;
    expect(pid && isRunning(pid)).toBe(true);
    await until(() => !isRunning(pid ?? 0));
    expect(await tokens.count(['hello again'])).toEqual([countTokens('hello again')]);
    expect(pids).toHaveLength(2);
  });

  it('rejects a call whose helper is killed, then starts a fresh one', async () => {
    const { tokens, pids } = counter();
    const call = tokens.count(['counted by a helper that dies']);
    process.kill(pids[0] ?? 0, 'SIGKILL');
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkbenchError);
    expect(error).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('SIGKILL') });
    expect(await tokens.count(['counted by a helper that dies'])).toEqual([countTokens('counted by a helper that dies')]);
    expect(pids).toHaveLength(2);
    expect(pids[1]).not.toBe(pids[0]);
  });

  it('lets the parent exit while its helper idles, yet keeps it alive while a count is pending', () => {
    const module = new URL('./tokenCounter.ts', import.meta.url).href;
    const script = `
      import { createTokenCounter } from ${JSON.stringify(module)};
      const tokens = createTokenCounter({ idleMs: 60_000 });
      console.log(JSON.stringify(await tokens.count(['an estimate, then nothing else to do'])));
    `;
    // Far sooner than idleMs: an idle helper must not hold the parent (the timeout would kill it).
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 15_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([countTokens('an estimate, then nothing else to do')]);
  });
});
