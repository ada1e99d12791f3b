// The cases table: every change lands in <name>.cases.yaml, checked against the input schema.
import { parse } from 'yaml';
import { expect, test } from './fixtures';
import { collectErrors, readPrompt, saveThemedScreenshots } from './helpers';

interface CaseEntry {
  name: string;
  input: Record<string, unknown>;
}

const casesOnDisk = (workspace: string) => parse(readPrompt(workspace, 'ticket-triage', '.cases.yaml')) as CaseEntry[];

test('add, edit, reorder and delete cases; the YAML file follows', async ({ page, workbench }, testInfo) => {
  test.setTimeout(60_000);
  const errors = collectErrors(page);
  await page.goto(`${workbench.server.url}#/prompts/ticket-triage/cases`);
  const table = page.getByRole('region', { name: 'Cases table' });
  await expect(table.getByRole('textbox', { name: 'Name of case 1' })).toHaveValue('refund request');
  await saveThemedScreenshots(page, testInfo, 'cases');

  // Add: the new row's name is focused; required inputs are flagged until filled.
  await page.getByRole('button', { name: 'Add case' }).click();
  const name = table.getByRole('textbox', { name: 'Name of case 6' });
  await expect(name).toBeFocused();
  await name.fill('password reset');
  await expect(table.getByText('Required by the input schema.')).toHaveCount(2);
  await table.getByRole('textbox', { name: 'subject of “password reset”' }).fill('Reset link expired');
  await table.getByRole('textbox', { name: 'body of “password reset”' }).fill('The link in the email says it expired.\nCan you send a new one?');
  await expect(table.getByText('Required by the input schema.')).toHaveCount(0);
  await expect
    .poll(() => casesOnDisk(workbench.workspace).at(-1))
    .toEqual({ name: 'password reset', input: { subject: 'Reset link expired', body: 'The link in the email says it expired.\nCan you send a new one?' } });

  // Move it up from the keyboard.
  await table.getByRole('textbox', { name: 'subject of “password reset”' }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(table.getByRole('textbox', { name: 'subject of “password reset”' })).toBeFocused();
  await expect.poll(() => casesOnDisk(workbench.workspace).map((entry) => entry.name).slice(-2)).toEqual(['password reset', 'angry and vague']);

  // Delete, undo, delete again.
  await table.getByRole('button', { name: 'Delete “dark mode wish”' }).click();
  await expect.poll(() => casesOnDisk(workbench.workspace).map((entry) => entry.name)).not.toContain('dark mode wish');
  await page.getByRole('status').filter({ hasText: 'Deleted case' }).getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => casesOnDisk(workbench.workspace).map((entry) => entry.name)).toContain('dark mode wish');
  await table.getByRole('button', { name: 'Delete “dark mode wish”' }).click();
  await expect.poll(() => casesOnDisk(workbench.workspace).map((entry) => entry.name)).toEqual([
    'refund request',
    'enterprise export bug',
    'locked out',
    'password reset',
    'angry and vague',
  ]);

  // A key the schema does not declare is flagged.
  await table.getByRole('button', { name: 'Duplicate “locked out”' }).click();
  await expect(table.getByRole('textbox', { name: 'Name of case 4' })).toHaveValue('locked out copy');
  await expect.poll(() => casesOnDisk(workbench.workspace).map((entry) => entry.name)).toContain('locked out copy');
  expect(errors).toEqual([]);
});

test('non-text inputs are JSON, with parse errors shown in the cell', async ({ page, workbench }) => {
  const errors = collectErrors(page);
  await page.goto(`${workbench.server.url}#/prompts/summarize/cases`);
  const table = page.getByRole('region', { name: 'Cases table' });
  // `sentences?: integer` in the starter's schema: edited as JSON.
  const cell = table.getByRole('textbox', { name: 'sentences of “harbour bridge news”' });
  await expect(cell).toHaveValue('2');
  await cell.fill('{oops');
  await expect(cell).toHaveAttribute('aria-invalid', 'true');
  await expect(table.getByText(/^Not valid JSON/)).toBeVisible();
  await cell.fill('3');
  await expect(cell).toHaveAttribute('aria-invalid', 'false');
  const sentences = () => (parse(readPrompt(workbench.workspace, 'summarize', '.cases.yaml')) as CaseEntry[])[0]?.input.sentences;
  await expect.poll(sentences).toBe(3);
  expect(errors).toEqual([]);
});
