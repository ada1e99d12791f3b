// Try once in the Edit tab: the editor's unsaved text goes to one model at one temperature, the
// answer streams in, then its time, tokens and cost; Stop (or Esc) aborts the request; a provider without a
// key says what to do.
import { expect, testWithOllama } from './fixtures';
import { collectErrors, errorAnswer, replaceEditorLine, saveThemedScreenshots } from './helpers';

const ANSWER = 'Paris is the capital of France and also its largest city by far, on the Seine.';

const test = testWithOllama().extend({
  // No OpenAI key anywhere, whatever the machine has: the failure case relies on it.
  workbenchEnv: async ({ ollama }, use) => use({ OLLAMA_HOST: ollama.url, OPENAI_API_KEY: undefined }),
});

test('try the unsaved text once, watch it stream, stop one, and read a failure', async ({ page, workbench, ollama }, testInfo) => {
  test.setTimeout(120_000);
  // The refused call below is an HTTP 400, which the browser logs.
  const errors = collectErrors(page, [errorAnswer(400)]);
  await page.goto(`${workbench.server.url}#/prompts/capital-city/edit`);
  const panel = page.getByRole('region', { name: 'Try once' });
  const answer = panel.getByLabel('Answer text');
  const status = panel.getByRole('status').last();
  // The first load is slow on a busy machine (the core host starts, git is read).
  await expect(panel).toBeVisible({ timeout: 20_000 });
  // The prompt's own model and temperature to start from.
  await expect(panel.getByRole('combobox', { name: 'Model to try' })).toHaveValue('ollama/llama3.2');
  await expect(panel.getByRole('textbox', { name: 'Temperature to try' })).toHaveValue('0');
  await expect(panel).toContainText('nothing stored');
  await saveThemedScreenshots(page, testInfo, 'try-once-empty', panel);

  // Edited and tried at once from the editor (Ctrl/Cmd+Enter), before the autosave: the draft is what is sent.
  // Slow enough to be seen arriving on a busy machine: a piece of three words every 600 ms.
  ollama.inject({ fault: { type: 'steady', intervalMs: 600, text: ANSWER } });
  await replaceEditorLine(page, 'Prompt source', 'What is the capital', 'Which city is the capital of {{country}}? One sentence.');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(status).toHaveText('Streaming…', { timeout: 10_000 });
  const partial = (await answer.textContent()) ?? '';
  expect(partial.length).toBeGreaterThan(0);
  expect(ANSWER.startsWith(partial) && partial.length < ANSWER.length).toBe(true);
  await expect(answer).toHaveText(ANSWER, { timeout: 10_000 });
  await expect(status).toContainText(/first token [\d.]+ m?s · \d+ in · \d+ out tokens · \$0\.00/);
  const sent = ollama.requests.filter((request) => request.path === '/api/chat').at(-1)?.body as { messages: { content: string }[]; options: { temperature: number } };
  expect(sent.messages.map((message) => message.content).join('\n')).toContain('Which city is the capital of France? One sentence.');
  expect(sent.options.temperature).toBe(0);
  // The editor kept its text: Ctrl+Enter tried, it did not break the line.
  await expect(page.getByRole('textbox', { name: 'Prompt source' })).toContainText('Which city is the capital of {{country}}? One sentence.');
  await saveThemedScreenshots(page, testInfo, 'try-once-answer');

  // Stop: the request is aborted and what had come stays.
  ollama.inject({ fault: { type: 'steady', intervalMs: 400, text: `${ANSWER} ${ANSWER} ${ANSWER}` } });
  await panel.getByRole('textbox', { name: 'Temperature to try' }).fill('0.7');
  await panel.getByRole('button', { name: 'Try once' }).click();
  await expect(status).toHaveText('Streaming…', { timeout: 10_000 });
  await saveThemedScreenshots(page, testInfo, 'try-once-streaming', panel);
  await panel.getByRole('button', { name: 'Stop' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Stopped before the answer finished.' })).toBeVisible();
  await expect.poll(() => ollama.inFlight).toBe(0);
  await expect(answer).toContainText('Paris is the');
  await saveThemedScreenshots(page, testInfo, 'try-once-stopped', panel);
  await expect(panel.getByRole('button', { name: 'Try once' })).toBeEnabled();
  expect((ollama.requests.filter((request) => request.path === '/api/chat').at(-1)?.body as { options: { temperature: number } }).options.temperature).toBe(0.7);

  // Esc stops one too, from the editor, where Ctrl/Cmd+Enter started it.
  ollama.inject({ fault: { type: 'steady', intervalMs: 400, text: `${ANSWER} ${ANSWER} ${ANSWER}` } });
  await page.getByRole('textbox', { name: 'Prompt source' }).click();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(status).toHaveText('Streaming…', { timeout: 10_000 });
  await page.keyboard.press('Escape');
  await expect(panel.getByRole('status').filter({ hasText: 'Stopped before the answer finished.' })).toBeVisible();
  await expect.poll(() => ollama.inFlight).toBe(0);

  // A provider without a key: said at once, with what to do.
  await panel.getByRole('combobox', { name: 'Model to try' }).fill('openai/gpt-4o-mini');
  await panel.getByRole('button', { name: 'Try once' }).click();
  await expect(panel.getByRole('alert')).toHaveText('OpenAI has no API key. Set OPENAI_API_KEY or add a key in Settings.');
  await saveThemedScreenshots(page, testInfo, 'try-once-failure', panel);

  // Refused by the core before any request: a temperature this provider does not take.
  await panel.getByRole('combobox', { name: 'Model to try' }).fill('anthropic/claude-haiku-4-5');
  await panel.getByRole('textbox', { name: 'Temperature to try' }).fill('1.5');
  await panel.getByRole('button', { name: 'Try once' }).click();
  await expect(panel.getByRole('alert')).toHaveText('anthropic/claude-haiku-4-5 cannot be called at temperature 1.5: Anthropic takes 0–1. Choose a value it takes.');

  // A temperature that cannot be sent is caught before trying.
  await panel.getByRole('textbox', { name: 'Temperature to try' }).fill('3');
  await expect(panel).toContainText('Temperatures go from 0 to 2.');
  await expect(panel.getByRole('button', { name: 'Try once' })).toBeDisabled();
  expect(errors).toEqual([]);
});
