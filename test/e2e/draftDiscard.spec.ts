// Discarding a draft from the prompt header: the files go back to the last commit at once, and
// Undo puts the draft back exactly, edits still unsaved when Discard was pressed included.
import { expect, test } from './fixtures';
import { collectErrors, readPrompt, replaceEditorLine, revealEditorLine, saveThemedScreenshots } from './helpers';

const EDITOR = 'Prompt source';

test('discard a draft, then undo it', async ({ page, workbench }, testInfo) => {
  const errors = collectErrors(page);
  const committed = readPrompt(workbench.workspace, 'capital-city');
  await page.goto(`${workbench.server.url}#/prompts/capital-city/edit`);
  const editor = page.getByRole('textbox', { name: EDITOR });
  const dirty = page.locator('.prompt-header').getByText('Uncommitted changes');

  await replaceEditorLine(page, EDITOR, 'What is the capital', 'Which city is the capital of {{country}}?');
  await expect.poll(() => readPrompt(workbench.workspace, 'capital-city')).toContain('Which city is the capital');
  await expect(dirty).toBeVisible();
  // Typed a moment before Discard, not saved yet: it is part of the draft that goes, and comes back.
  await replaceEditorLine(page, EDITOR, 'You answer', 'You answer with the city alone.');

  await saveThemedScreenshots(page, testInfo, 'draft-header', page.locator('.prompt-header'));
  await page.getByRole('button', { name: 'Discard' }).click();
  const notice = page.getByRole('status', { name: 'Draft discarded' });
  await expect(notice).toContainText('Discarded the draft of capital-city: its files are as in the last commit.');
  await expect(await revealEditorLine(page, EDITOR, 'What is the capital of {{country}}?')).toBeVisible();
  await expect(dirty).toBeHidden();
  expect(readPrompt(workbench.workspace, 'capital-city')).toBe(committed);
  await expect(page.getByRole('button', { name: 'Discard' })).toBeHidden();
  await saveThemedScreenshots(page, testInfo, 'draft-discarded');

  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(notice).toBeHidden();
  await expect(editor).toContainText('Which city is the capital of {{country}}?');
  await expect(editor).toContainText('You answer with the city alone.');
  await expect(dirty).toBeVisible();
  const restored = readPrompt(workbench.workspace, 'capital-city');
  expect(restored).toContain('Which city is the capital of {{country}}?');
  expect(restored).toContain('You answer with the city alone.');
  expect(errors).toEqual([]);
});
