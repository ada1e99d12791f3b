// A prompt edited in the app and on disk at once: the app never overwrites silently.
import fs from 'node:fs';
import { expect, test } from './fixtures';
import { collectErrors, errorAnswer, promptFile, readPrompt, replaceEditorLine, saveThemedScreenshots } from './helpers';

const EDITOR = 'Prompt source';

test('an outside edit during unsaved typing asks first, and "Load disk version" takes the disk', async ({ page, workbench }, testInfo) => {
  // The refused save (CONFLICT) is an error answer, which the browser logs.
  const errors = collectErrors(page, [errorAnswer(409)]);
  const file = promptFile(workbench.workspace, 'summarize');
  await page.goto(`${workbench.server.url}#/prompts/summarize/edit`);
  const editor = page.getByRole('textbox', { name: EDITOR });
  await expect(editor).toContainText('{{role "system"}}');

  // Type (not saved yet: autosave waits for a pause), then another program writes the file.
  await replaceEditorLine(page, EDITOR, 'model:', 'model: mine/edited-in-the-app');
  const theirs = readPrompt(workbench.workspace, 'summarize').replace(/^model: .*$/m, 'model: theirs/edited-on-disk');
  fs.writeFileSync(file, theirs);

  const notice = page.getByRole('alert').filter({ hasText: 'changed on disk' });
  await expect(notice).toBeVisible();
  await expect(page.getByRole('status', { name: 'Save state: Changed on disk' })).toBeVisible();
  await saveThemedScreenshots(page, testInfo, 'conflict');
  // Nothing was overwritten while the notice waits for a decision.
  await page.waitForTimeout(1200);
  expect(readPrompt(workbench.workspace, 'summarize')).toBe(theirs);

  await notice.getByRole('button', { name: 'Load disk version' }).click();
  await expect(notice).toBeHidden();
  await expect(editor).toContainText('model: theirs/edited-on-disk');
  await expect(editor).not.toContainText('mine/edited-in-the-app');
  expect(readPrompt(workbench.workspace, 'summarize')).toBe(theirs);
  expect(errors).toEqual([]);
});

test('"Keep mine" writes the buffer over the outside edit, knowingly', async ({ page, workbench }) => {
  const file = promptFile(workbench.workspace, 'summarize');
  await page.goto(`${workbench.server.url}#/prompts/summarize/edit`);
  await expect(page.getByRole('textbox', { name: EDITOR })).toContainText('{{role "system"}}');

  await replaceEditorLine(page, EDITOR, 'model:', 'model: mine/edited-in-the-app');
  fs.writeFileSync(file, readPrompt(workbench.workspace, 'summarize').replace(/^model: .*$/m, 'model: theirs/edited-on-disk'));

  const notice = page.getByRole('alert').filter({ hasText: 'changed on disk' });
  await notice.getByRole('button', { name: 'Keep mine' }).click();
  await expect(notice).toBeHidden();
  await expect.poll(() => readPrompt(workbench.workspace, 'summarize')).toContain('model: mine/edited-in-the-app');
  await expect(page.getByRole('status', { name: 'Save state: Saved' })).toBeVisible();
});

test('an outside edit with nothing unsaved simply reloads the editor', async ({ page, workbench }) => {
  await page.goto(`${workbench.server.url}#/prompts/summarize/edit`);
  const editor = page.getByRole('textbox', { name: EDITOR });
  await expect(editor).toContainText('{{role "system"}}');
  fs.appendFileSync(promptFile(workbench.workspace, 'summarize'), 'Added by another editor.\n');
  await expect(editor).toContainText('Added by another editor.');
  await expect(page.getByRole('alert').filter({ hasText: 'changed on disk' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Rendered messages' })).toContainText('Added by another editor.');
});
