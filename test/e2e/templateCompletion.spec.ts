// Completing inside `{{`: accepting a name leaves the cursor where the next keystroke belongs,
// after the closing braces for a variable, inside them for a block that takes an argument.
import { expect, test } from './fixtures';
import { collectErrors, readPrompt, revealEditorLine } from './helpers';

const EDITOR = 'Prompt source';

test('accepting a `{{` completion puts the cursor after the closing braces, or at the argument of a block', async ({ page, workbench }) => {
  test.setTimeout(60_000);
  const errors = collectErrors(page);
  await page.goto(`${workbench.server.url}#/prompts/capital-city/edit`);
  const editor = page.getByRole('textbox', { name: EDITOR });
  await (await revealEditorLine(page, EDITOR, 'What is the capital')).click();
  await page.keyboard.press('End');

  // The editor closes the braces as they are typed; the completion names the variable.
  await page.keyboard.type(' {{cou');
  const options = page.getByRole('listbox');
  await expect(options.getByRole('option', { name: /country/ })).toHaveAttribute('aria-selected', 'true');
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
  await page.keyboard.type(' ok');
  await expect(editor.locator('.cm-line', { hasText: 'What is the capital' })).toHaveText('What is the capital of {{country}}? {{country}} ok');

  // A block takes its argument inside the braces.
  await page.keyboard.type(' {{#i');
  await expect(options.getByRole('option', { name: /#if/ })).toHaveAttribute('aria-selected', 'true');
  // The editor ignores Enter for a moment after the list changes, so a fast typist's newline is not taken for a choice.
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
  await page.keyboard.type('country');
  await expect(editor.locator('.cm-line', { hasText: 'What is the capital' })).toHaveText('What is the capital of {{country}}? {{country}} ok {{#if country}}');
  await expect.poll(() => readPrompt(workbench.workspace, 'capital-city')).toContain('{{country}} ok {{#if country}}');
  expect(errors).toEqual([]);
});
