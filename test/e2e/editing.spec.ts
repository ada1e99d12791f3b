// The prompt's life in the app: edit with a live preview, autosave, commit (naming the author
// first), read the history, compare versions word by word, and restore an old version.
import { expect, test } from './fixtures';
import { gitCli } from '../support/git';
import { collectErrors, readPrompt, replaceEditorLine, revealEditorLine, saveThemedScreenshots } from './helpers';

const EDITOR = 'Prompt source';

test('edit, autosave, commit, compare and restore a prompt', async ({ page, workbench }, testInfo) => {
  test.setTimeout(60_000);
  const errors = collectErrors(page);
  const original = readPrompt(workbench.workspace, 'capital-city');
  expect(original).toContain('\nWhat is the capital of {{country}}?\n');

  await page.goto(`${workbench.server.url}#/prompts/capital-city/edit`);
  const preview = page.getByRole('region', { name: 'Rendered messages' });
  await expect(preview).toContainText('What is the capital of France?');

  // Edit: the preview follows the unsaved text, then autosave writes the file.
  await replaceEditorLine(page, EDITOR, 'What is the capital', 'Which city is the capital of {{country}}?');
  await expect(preview).toContainText('Which city is the capital of France?');
  await expect.poll(() => readPrompt(workbench.workspace, 'capital-city')).toContain('Which city is the capital of {{country}}?');
  await expect(page.getByRole('status', { name: 'Save state: Saved' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Prompts' }).getByRole('link', { name: /^capital-city/ })).toContainText(
    'Uncommitted changes',
  );
  await saveThemedScreenshots(page, testInfo, 'edit');

  // Commit: there is no author anywhere yet, so the app asks once.
  await page.getByRole('button', { name: 'Commit…' }).click();
  const authorDialog = page.getByRole('dialog', { name: 'Who is committing?' });
  await authorDialog.getByRole('textbox', { name: 'Name' }).fill('Ada Lovelace');
  await authorDialog.getByRole('textbox', { name: 'Email' }).fill('ada@example.com');
  await saveThemedScreenshots(page, testInfo, 'author-dialog');
  await authorDialog.getByRole('button', { name: 'Save and continue' }).click();
  const commitDialog = page.getByRole('dialog', { name: 'Commit “capital-city”' });
  await commitDialog.getByRole('textbox', { name: 'Commit message' }).fill('Ask which city is the capital');
  await saveThemedScreenshots(page, testInfo, 'commit-dialog');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(commitDialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Commit…' })).toBeHidden();
  expect(gitCli(workbench.workspace, 'log', '-1', '--format=%an <%ae>|%s')).toBe('Ada Lovelace <ada@example.com>|Ask which city is the capital\n');

  // History: the new version on top; its changes against the previous one, word by word.
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page).toHaveURL(/#\/prompts\/capital-city\/history$/);
  const versions = page.getByRole('listbox', { name: 'Versions' });
  await expect(versions.getByRole('option').first()).toContainText('Ask which city is the capital');
  await expect(versions.getByRole('option').first()).toContainText('Ada Lovelace');
  await expect(versions.getByRole('option').nth(1)).toContainText('Add starter prompts');
  const changes = page.getByRole('region', { name: /^Changes from/ });
  // Only the words that changed are marked, on each side.
  const marked = async (role: 'insertion' | 'deletion') => (await changes.getByRole(role).allTextContents()).join('').trim();
  await expect.poll(() => marked('insertion')).toMatch(/^Which\s*city$/);
  await expect.poll(() => marked('deletion')).toBe('What');
  await saveThemedScreenshots(page, testInfo, 'diff-split');
  await page.getByRole('button', { name: 'Inline' }).click();
  await expect.poll(() => marked('insertion')).toMatch(/^Which\s*city$/);
  await saveThemedScreenshots(page, testInfo, 'diff-inline');

  // A version's source, read-only.
  await versions.getByRole('option').nth(1).click();
  await page.getByRole('button', { name: 'Source', exact: true }).click();
  await expect(await revealEditorLine(page, 'Source of capital-city.prompt', 'What is the capital of')).toBeVisible();
  await saveThemedScreenshots(page, testInfo, 'history');

  // Restore the first version as the draft: the editor shows it and the prompt is dirty again.
  await page.getByRole('button', { name: 'Restore as draft' }).click();
  await page.getByRole('dialog', { name: /^Restore .* as the draft\?$/ }).getByRole('button', { name: 'Restore as draft' }).click();
  await expect(page).toHaveURL(/#\/prompts\/capital-city\/edit$/);
  await expect(await revealEditorLine(page, EDITOR, 'What is the capital of {{country}}?')).toBeVisible();
  expect(readPrompt(workbench.workspace, 'capital-city')).toBe(original);
  await expect(page.getByRole('list', { name: 'Prompts' }).getByRole('link', { name: /^capital-city/ })).toContainText(
    'Uncommitted changes',
  );
  await expect(preview).toContainText('What is the capital of France?');

  expect(errors).toEqual([]);
});

test('the editor flags problems where they are, and Ctrl+S saves at once', async ({ page, workbench }) => {
  const errors = collectErrors(page);
  await page.goto(`${workbench.server.url}#/prompts/capital-city/edit`);
  await expect(page.getByRole('region', { name: 'Rendered messages' })).toContainText('France');

  await replaceEditorLine(page, EDITOR, 'model:', 'model: [unclosed');
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('button').first()).toContainText('prompts/capital-city.prompt:');
  await page.keyboard.press('ControlOrMeta+s');
  await expect.poll(() => readPrompt(workbench.workspace, 'capital-city')).toContain('model: [unclosed');
  expect(errors).toEqual([]);
});
