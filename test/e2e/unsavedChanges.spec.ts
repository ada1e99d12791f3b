// Edits that are not saved are never dropped without a word: leaving a form that holds them (a
// link, the back button, a reload) asks first, and "Stay" keeps them on screen.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import type { Settings } from '../../shared/settings';
import { callApi } from './coreApi';
import { expect, test } from './fixtures';
import { collectErrors, errorAnswer, promptFile, readPrompt, replaceEditorLine, saveThemedScreenshots } from './helpers';

const leaveDialog = (page: Page) => page.getByRole('dialog', { name: 'Leave without saving?' });
const promptLink = (page: Page, name: string) => page.getByRole('complementary', { name: 'Prompt library' }).getByRole('link', { name: new RegExp(name) });

test('unsaved price edits: leaving Settings asks, Stay keeps them, Leave drops them, saved ones go quietly', async ({ page, workbench }, testInfo) => {
  const errors = collectErrors(page);
  // From a prompt to Settings, so the back button has an in-app page to go back to.
  await page.goto(`${workbench.server.url}#/prompts/summarize`);
  await page.getByRole('link', { name: 'Settings' }).click();
  const pricing = page.locator('.pricing');
  await pricing.getByRole('row', { name: /openai\/gpt-4o-mini/ }).getByRole('button', { name: 'Override' }).click();
  await pricing.getByRole('textbox', { name: 'Input price for openai/gpt-4o-mini' }).fill('0.5');

  // A link elsewhere: held, and the question says what would be lost.
  await promptLink(page, 'capital-city').click();
  const dialog = leaveDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('You have not saved your price edits.');
  await expect(page).toHaveURL(/#\/settings$/);
  await saveThemedScreenshots(page, testInfo, 'unsaved-leave-dialog', dialog);

  // Stay: still here, the edit still there.
  await dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(pricing.getByRole('textbox', { name: 'Input price for openai/gpt-4o-mini' })).toHaveValue('0.5');

  // The back button asks too.
  await page.goBack();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // So does a reload (the browser's own question).
  const asked = page.waitForEvent('dialog');
  // Dismissed, the reload never happens: the navigation is not waited for.
  void page.reload({ timeout: 3000 }).catch(() => undefined);
  const question = await asked;
  expect(question.type()).toBe('beforeunload');
  await question.dismiss();
  await expect(pricing.getByRole('textbox', { name: 'Input price for openai/gpt-4o-mini' })).toHaveValue('0.5');

  // Leave: the page goes, the edit with it; nothing was saved.
  await promptLink(page, 'capital-city').click();
  await dialog.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'capital-city' })).toBeVisible();
  expect((await callApi<Settings>(workbench.server, 'getSettings', {})).pricing).toEqual([]);

  // Saved edits leave without a question.
  await page.goto(`${workbench.server.url}#/settings`);
  await pricing.getByRole('row', { name: /openai\/gpt-4o-mini/ }).getByRole('button', { name: 'Override' }).click();
  await pricing.getByRole('button', { name: 'Save prices' }).click();
  await expect(pricing.getByRole('button', { name: 'Save prices' })).toBeHidden();
  await promptLink(page, 'capital-city').click();
  await expect(page.getByRole('heading', { level: 1, name: 'capital-city' })).toBeVisible();
  await expect(dialog).toBeHidden();
  expect(errors).toEqual([]);
});

test('a case input that is not valid JSON yet, and a draft in conflict, ask before the prompt is left', async ({ page, workbench }) => {
  const errors = collectErrors(page, [errorAnswer(409)]);
  await page.goto(`${workbench.server.url}#/prompts/summarize/cases`);
  const cell = page.locator('.case-cell--json textarea').first();
  await expect(cell).toBeVisible();
  await cell.fill('{"half": ');
  await promptLink(page, 'capital-city').click();
  await expect(leaveDialog(page)).toContainText('is not valid JSON yet');
  await leaveDialog(page).getByRole('button', { name: 'Stay' }).click();
  await expect(cell).toHaveValue('{"half": ');
  await cell.fill('{"half": 1}');

  // The prompt's own tabs keep its drafts: moving between them never asks. A draft in conflict
  // with the file on disk cannot be written when the page is left, so leaving asks.
  await page.getByRole('tab', { name: 'Edit' }).click();
  await replaceEditorLine(page, 'Prompt source', 'model:', 'model: mine/edited-in-the-app');
  fs.writeFileSync(promptFile(workbench.workspace, 'summarize'), readPrompt(workbench.workspace, 'summarize').replace(/^model: .*$/m, 'model: theirs/on-disk'));
  await expect(page.getByRole('alert').filter({ hasText: 'changed on disk' })).toBeVisible();
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(leaveDialog(page)).toBeHidden();
  await promptLink(page, 'capital-city').click();
  await expect(leaveDialog(page)).toContainText('the changes to “summarize” that could not be saved');
  await leaveDialog(page).getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'capital-city' })).toBeVisible();
  expect(readPrompt(workbench.workspace, 'summarize')).toContain('model: theirs/on-disk');
  expect(errors).toEqual([]);
});
