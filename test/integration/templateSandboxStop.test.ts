// A render stopped at its time limit can be in the middle of running out of memory: the worker then
// reports "out of memory" on its way out, after the render has been answered and stopped listening.
// That late report must not escape into the process that serves everything else (an 'error' event
// with no listener is thrown there). Real worker threads; the limits are small so the race is hit.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { renderInSandbox, type SandboxLimits } from '../../electron/core/workspace/templateSandbox';

const loops = '---\nmodel: a\n---\n{{#each items}}{{#each ../items}}{{#each ../../items}}{{this}}{{/each}}{{/each}}{{/each}}';
const items = Array.from({ length: 2_000 }, (_, i) => `item ${i}`);
const limits: SandboxLimits = { timeoutMs: 60_000, memoryMb: 24, maxOutputChars: 1 << 30 };

const escaped: unknown[] = [];
const onUncaught = (error: unknown) => escaped.push(error);
beforeEach(() => process.on('uncaughtException', onUncaught));
afterEach(() => process.off('uncaughtException', onUncaught));

it('a render stopped for time while it runs out of memory answers once, and nothing escapes afterwards', async () => {
  const started = Date.now();
  const outOfMemory = await renderInSandbox('prompts/loops.prompt', loops, { items }, limits).catch((error: Error) => error);
  const oomAfterMs = Date.now() - started;
  expect(String(outOfMemory)).toMatch(/needed more than 24 MB and was stopped/);

  // Time limits just before the point where memory runs out: stopped for time, the worker often
  // reaches its memory limit while it is being terminated.
  const messages = new Set<string>();
  for (let timeoutMs = Math.max(10, oomAfterMs - 40); timeoutMs <= oomAfterMs + 5; timeoutMs += 3) {
    const error = await renderInSandbox('prompts/loops.prompt', loops, { items }, { ...limits, timeoutMs }).catch((failure: Error) => failure);
    messages.add(String(error).replace(/\d+(\.\d+)? s/, 'N s'));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(escaped).toEqual([]);
  for (const message of messages) expect(message).toMatch(/prompts\/loops\.prompt: rendering the template (took longer than N s|needed more than 24 MB) and was stopped/);
  // The sandbox still renders afterwards.
  expect((await renderInSandbox('prompts/ok.prompt', '---\nmodel: a\n---\nHi {{name}}', { name: 'Ada' })).messages).toEqual([{ role: 'user', content: [{ text: 'Hi Ada' }] }]);
}, 90_000);
