// Front matter is optional in Dotprompt: a prompt file that is only a template opens, previews
// exactly what will be sent (trailing blank lines included) and runs on the workspace's default
// model, against a fake Ollama.
import fs from 'node:fs';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders';
import { expect, test as base } from './fixtures';
import { collectErrors, promptFile, saveThemedScreenshots } from './helpers';

const test = base.extend<{ ollama: FakeProvider }>({
  // eslint-disable-next-line no-empty-pattern
  ollama: async ({}, use) => {
    const ollama = await startFakeProvider({ kind: 'ollama', latencyMs: 50, models: ['llama3.2'] });
    await use(ollama);
    await ollama.close();
  },
  workbenchEnv: async ({ ollama }, use) => use({ OLLAMA_HOST: ollama.url, OPENAI_API_KEY: undefined, ANTHROPIC_API_KEY: undefined }),
});

const TEMPLATE = 'Name one bird that lives in {{place}}.\nAnswer in one word.\n\n';
const SENT = 'Name one bird that lives in a city.\nAnswer in one word.\n\n';

test('a prompt without front matter opens, previews and runs on the default model', async ({ page, workbench, ollama }, testInfo) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  fs.writeFileSync(promptFile(workbench.workspace, 'bird'), TEMPLATE);
  fs.writeFileSync(promptFile(workbench.workspace, 'bird', '.cases.yaml'), '- name: city\n  input:\n    place: a city\n');

  await page.goto(`${workbench.server.url}#/prompts/bird`);
  await expect(page.getByRole('heading', { level: 1, name: 'bird' })).toBeVisible();
  // The preview is the library's render, byte for byte: nothing trimmed.
  const preview = page.getByRole('region', { name: 'Rendered messages' });
  await expect(preview.locator('.preview-message__role')).toHaveText(['user']);
  await expect.poll(() => preview.locator('.preview-message__text').textContent()).toBe(SENT);

  await page.goto(`${workbench.server.url}#/prompts/bird/edit`);
  const live = page.getByRole('region', { name: 'Live preview' });
  await expect.poll(() => live.locator('.preview-message__text').textContent()).toBe(SENT);
  await expect(page.getByRole('region', { name: 'Problems' }).getByRole('status')).toHaveText('No problems');
  await saveThemedScreenshots(page, testInfo, 'no-front-matter-editor');

  // The run dialog starts from the workspace's default model (Settings), as the prompt names none.
  await page.goto(`${workbench.server.url}#/prompts/bird`);
  await expect(page.getByRole('heading', { level: 1, name: 'bird' })).toBeVisible();
  await page.keyboard.press('r');
  const dialog = page.getByRole('dialog', { name: 'Run “bird”' });
  await expect(dialog.getByRole('checkbox', { name: 'ollama/llama3.2' })).toBeChecked();
  await dialog.getByLabel('Temperatures', { exact: true }).fill('0');
  await dialog.getByLabel('Samples per cell').fill('2');
  const start = dialog.getByRole('button', { name: 'Start run' });
  await expect(start).toBeEnabled();
  await start.click();
  await expect(page).toHaveURL(/#\/runs\/[^/]+$/);
  await expect(page.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.grid-cell').first()).toContainText('2/2 ok');

  // What reached the model is that text, unchanged.
  const chats = ollama.requests.filter((request) => request.path === '/api/chat');
  expect(chats).toHaveLength(2);
  for (const chat of chats) expect(chat.body).toMatchObject({ model: 'llama3.2', messages: [{ role: 'user', content: SENT }] });
  expect(errors).toEqual([]);
});

test('an empty front matter opens and previews, and says its dashes are sent', async ({ page, workbench }, testInfo) => {
  const errors = collectErrors(page);
  fs.writeFileSync(promptFile(workbench.workspace, 'dashes'), '---\n---\nHello there\n');
  await page.goto(`${workbench.server.url}#/prompts/dashes/edit`);
  const live = page.getByRole('region', { name: 'Live preview' });
  await expect.poll(() => live.locator('.preview-message__text').textContent()).toBe('---\n---\nHello there\n');
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('The front matter is empty');
  await saveThemedScreenshots(page, testInfo, 'empty-front-matter-editor');
  expect(errors).toEqual([]);
});

test('the default model is a setting: cleared, a prompt naming no model asks for one', async ({ page, workbench }, testInfo) => {
  const errors = collectErrors(page);
  fs.writeFileSync(promptFile(workbench.workspace, 'bird'), TEMPLATE);
  await page.goto(`${workbench.server.url}#/settings`);
  const field = page.getByLabel('Default model');
  await expect(field).toHaveValue('ollama/llama3.2');
  await field.fill('llama3.2');
  await field.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Write the model as provider/model');
  await saveThemedScreenshots(page, testInfo, 'settings-default-model', page.getByRole('region', { name: 'Runs' }));
  await field.fill('');
  await field.press('Enter');
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);

  await page.goto(`${workbench.server.url}#/prompts/bird`);
  await expect(page.getByRole('heading', { level: 1, name: 'bird' })).toBeVisible();
  await page.keyboard.press('r');
  const dialog = page.getByRole('dialog', { name: 'Run “bird”' });
  // Said beside the disabled Start, where it is seen.
  await expect(dialog.getByRole('status', { name: 'Why Start is disabled' })).toContainText('Choose at least one model: this prompt names none. A default model for such prompts can be set in Settings.');
  await expect(dialog.getByRole('button', { name: 'Start run' })).toBeDisabled();
  expect(errors).toEqual([]);
});
