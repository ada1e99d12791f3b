// Creating, renaming, duplicating and deleting prompts from the app.
import fs from 'node:fs';
import { expect, test } from './fixtures';
import { gitCli } from '../support/git';
import { collectErrors, errorAnswer, promptFile, saveThemedScreenshots } from './helpers';

test('create a prompt from a starter; a taken name is refused in place', async ({ page, workbench }, testInfo) => {
  const errors = collectErrors(page, [errorAnswer(409)]);
  await page.goto(workbench.server.url);
  await page.getByRole('button', { name: 'New prompt' }).click();
  const dialog = page.getByRole('dialog', { name: 'New prompt' });
  const name = dialog.getByRole('textbox', { name: 'Name' });

  await name.fill('no spaces allowed');
  await expect(dialog.getByRole('alert')).toContainText('Use letters, digits');
  await name.fill('summarize');
  await dialog.getByRole('radio', { name: /^summarize/ }).check();
  await saveThemedScreenshots(page, testInfo, 'new-prompt');
  await dialog.getByRole('button', { name: 'Create prompt' }).click();
  await expect(dialog.getByRole('alert')).toContainText('already exists');

  await name.fill('support-summary');
  await dialog.getByRole('button', { name: 'Create prompt' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#\/prompts\/support-summary\/edit$/);
  await expect(page.getByRole('textbox', { name: 'Prompt source' })).toContainText('{{role "system"}}');
  expect(fs.readFileSync(promptFile(workbench.workspace, 'support-summary'), 'utf8')).toBe(
    fs.readFileSync(promptFile(workbench.workspace, 'summarize'), 'utf8'),
  );
  await expect(page.getByRole('list', { name: 'Prompts' }).getByRole('link', { name: /^support-summary/ })).toContainText(
    'Uncommitted changes',
  );
  expect(errors).toEqual([]);
});

test('Ctrl+N opens a blank new prompt', async ({ page, workbench }) => {
  await page.goto(workbench.server.url);
  await expect(page.getByRole('list', { name: 'Prompts' })).toBeVisible();
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'New prompt' });
  await expect(dialog.getByRole('radio', { name: /^Blank/ })).toBeChecked();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('blank-one');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/prompts\/blank-one\/edit$/);
  await expect(page.getByRole('region', { name: 'Problems' })).toBeVisible();
  expect(fs.existsSync(promptFile(workbench.workspace, 'blank-one'))).toBe(true);
});

test('rename, duplicate and delete from the prompt menu', async ({ page, workbench }, testInfo) => {
  test.setTimeout(60_000);
  // A read of the prompt already on its way when its files go away is answered 404 (and logged).
  const errors = collectErrors(page, [errorAnswer(404)]);
  await page.goto(`${workbench.server.url}#/prompts/code-review/cases`);
  const menu = page.getByRole('button', { name: 'Prompt actions' });

  // Renaming commits the move (history follows the prompt), so it needs an author: asked once, first.
  await menu.click();
  await expect(page.getByRole('menu', { name: 'Prompt actions' })).toBeVisible();
  await saveThemedScreenshots(page, testInfo, 'prompt-menu');
  await page.getByRole('menuitem', { name: 'Rename…' }).click();
  const author = page.getByRole('dialog', { name: 'Who is committing?' });
  await author.getByRole('textbox', { name: 'Name' }).fill('Grace Hopper');
  await author.getByRole('textbox', { name: 'Email' }).fill('grace@example.com');
  await author.getByRole('button', { name: 'Save and continue' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename “code-review”' });
  await rename.getByRole('textbox', { name: 'Name' }).fill('review-comment');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(page).toHaveURL(/#\/prompts\/review-comment\/cases$/);
  await expect(page.getByRole('heading', { level: 1, name: 'review-comment' })).toBeVisible();
  expect(fs.existsSync(promptFile(workbench.workspace, 'review-comment'))).toBe(true);
  expect(fs.existsSync(promptFile(workbench.workspace, 'code-review'))).toBe(false);
  expect(gitCli(workbench.workspace, 'log', '-1', '--format=%an|%s')).toBe('Grace Hopper|Rename code-review to review-comment\n');

  await menu.click();
  await page.getByRole('menuitem', { name: 'Duplicate…' }).click();
  const duplicate = page.getByRole('dialog', { name: 'Duplicate “review-comment”' });
  await expect(duplicate.getByRole('textbox', { name: 'Name' })).toHaveValue('review-comment-copy');
  await duplicate.getByRole('button', { name: 'Duplicate' }).click();
  await expect(page).toHaveURL(/#\/prompts\/review-comment-copy\/edit$/);
  expect(fs.existsSync(promptFile(workbench.workspace, 'review-comment-copy'))).toBe(true);

  // Deleting commits too; the author is known by now.
  await menu.click();
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  await expect(author).toBeHidden();
  const confirm = page.getByRole('dialog', { name: 'Delete “review-comment-copy”?' });
  await expect(confirm).toContainText('recoverable');
  await confirm.getByRole('button', { name: 'Delete prompt' }).click();
  await expect(page.getByRole('heading', { name: 'Select a prompt' })).toBeVisible();
  expect(fs.existsSync(promptFile(workbench.workspace, 'review-comment-copy'))).toBe(false);
  await expect(page.getByRole('list', { name: 'Prompts' }).getByRole('link', { name: /^review-comment-copy/ })).toHaveCount(0);
  expect(gitCli(workbench.workspace, 'log', '-1', '--format=%an')).toBe('Grace Hopper\n');
  expect(errors).toEqual([]);
});

test('the shortcuts overlay lists the editing shortcuts', async ({ page, workbench }, testInfo) => {
  await page.goto(`${workbench.server.url}#/prompts/summarize/edit`);
  await expect(page.getByRole('textbox', { name: 'Prompt source' })).toBeVisible();
  // "?" typed in the editor is text, not a shortcut.
  await page.getByRole('textbox', { name: 'Prompt source' }).click();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(overlay).toContainText('Save now');
  await expect(overlay).toContainText('New prompt');
  await expect(overlay).toContainText('move the case up or down');
  await saveThemedScreenshots(page, testInfo, 'shortcuts');
});
