// A case's checks edited in the Cases tab: added by kind, the JSON path offered from the output
// schema, checked as typed by the reader the core uses, saved under the case's `expect:` without
// touching any other case's checks (even ones the form cannot read); prompt-wide checks are shown
// read-only, and a bad one is flagged at its line in the Edit tab.
import fs from 'node:fs';
import { parse } from 'yaml';
import { expect, test } from './fixtures';
import { collectErrors, promptFile, readPrompt, removeChecks, saveThemedScreenshots } from './helpers';

interface CaseEntry {
  name: string;
  input: Record<string, unknown>;
  expect?: unknown[];
}

const casesOnDisk = (workspace: string) => parse(readPrompt(workspace, 'ticket-triage', '.cases.yaml')) as CaseEntry[];
const checksOf = (workspace: string, name: string) => casesOnDisk(workspace).find((entry) => entry.name === name)?.expect;

/**
 * The starter's own checks taken out, then prompt-wide checks in the front matter (the second
 * cannot be read) and two hand-written checks on "locked out".
 */
function writeChecks(workspace: string) {
  removeChecks(workspace, 'ticket-triage');
  const prompt = promptFile(workspace, 'ticket-triage');
  const source = fs
    .readFileSync(prompt, 'utf8')
    .replace('    samples: 10\n', '    samples: 10\n    checks:\n      - json\n      - max-words: many\n');
  fs.writeFileSync(prompt, source);
  const cases = promptFile(workspace, 'ticket-triage', '.cases.yaml');
  const text = fs.readFileSync(cases, 'utf8').replace(
    "      and all my client files are in there. What can I do?\n",
    "      and all my client files are in there. What can I do?\n  expect:\n    - contains: phone\n    - contians: reset\n",
  );
  fs.writeFileSync(cases, text);
  return source.split('\n').findIndex((line) => line.includes('max-words: many')) + 1;
}

test("a case's checks: add a json-path check from the schema's paths, fix what the reader flags, save beside the others", async ({ page, workbench }, testInfo) => {
  test.setTimeout(60_000);
  const errors = collectErrors(page);
  const badLine = writeChecks(workbench.workspace);
  const lockedOut = [{ contains: 'phone' }, { contians: 'reset' }];
  expect(checksOf(workbench.workspace, 'locked out')).toEqual(lockedOut);
  await page.goto(`${workbench.server.url}#/prompts/ticket-triage/cases`);
  const table = page.getByRole('region', { name: 'Cases table' });

  // Prompt-wide checks: listed read-only, the bad one with its problem.
  const promptWide = page.getByRole('region', { name: 'Prompt-wide checks' });
  await expect(promptWide).toContainText('2 prompt-wide checks');
  await expect(promptWide).toContainText('edit them in the Edit tab');
  await expect(promptWide).toContainText('max-words takes a whole number');
  await expect(promptWide.getByRole('textbox')).toHaveCount(0);

  // A case with a check the form cannot read opens by itself and shows it as written, with why.
  const lockedOutChecks = table.getByRole('list', { name: 'Checks of “locked out”' });
  await expect(lockedOutChecks).toContainText('"contians": "reset"');
  await expect(lockedOutChecks).toContainText('"contians" is not a kind of check');

  // Add a json-path check to "refund request"; the path comes from the output schema.
  await table.getByRole('button', { name: /^Checks/ }).first().click();
  await table.getByRole('combobox', { name: 'Add a check to “refund request”' }).selectOption('json-path');
  const path = table.getByRole('combobox', { name: 'Path of check 1 of “refund request”' });
  await expect(path).toBeFocused();
  await path.pressSequentially('$.in');
  const suggestions = table.getByRole('listbox', { name: 'Paths in the output schema' });
  await expect(suggestions.getByRole('option')).toHaveText(['$.intent']);
  await path.fill('$.');
  await expect(suggestions.getByRole('option')).toHaveText(['$.intent', '$.escalate', '$.confidence']);
  await saveThemedScreenshots(page, testInfo, 'cases-checks-paths');
  await suggestions.getByRole('option', { name: '$.intent' }).click();
  await expect(path).toHaveValue('$.intent');
  const refund = table.getByRole('list', { name: 'Checks of “refund request”' });
  await expect(refund).toContainText('A json-path check needs equals, in, min or max');
  await table.getByRole('textbox', { name: 'Equals of check 1 of “refund request”' }).fill('billing');
  await expect(refund.getByRole('status')).toHaveCount(0);
  await expect(refund).toContainText('$.intent = "billing"');

  // A second check with a value the reader refuses, then fixed.
  await table.getByRole('combobox', { name: 'Add a check to “refund request”' }).selectOption('max-words');
  const words = table.getByRole('textbox', { name: 'Words of check 2 of “refund request”' });
  await words.fill('many');
  await expect(refund.getByRole('status')).toContainText('max-words takes a whole number of 0 or more');
  await saveThemedScreenshots(page, testInfo, 'cases-checks');
  await words.fill('60');
  await expect(refund.getByRole('status')).toHaveCount(0);

  // Saved under the case's expect; the other case's checks are as they were, the unreadable one too.
  await expect.poll(() => checksOf(workbench.workspace, 'refund request')).toEqual([{ 'json-path': '$.intent', equals: 'billing' }, { 'max-words': 60 }]);
  expect(checksOf(workbench.workspace, 'locked out')).toEqual(lockedOut);

  // Delete a check, undo it.
  await table.getByRole('button', { name: 'Delete check 2 of “refund request”' }).click();
  await expect.poll(() => checksOf(workbench.workspace, 'refund request')).toEqual([{ 'json-path': '$.intent', equals: 'billing' }]);
  await page.getByRole('status').filter({ hasText: 'Deleted check 2' }).getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => checksOf(workbench.workspace, 'refund request')).toEqual([{ 'json-path': '$.intent', equals: 'billing' }, { 'max-words': 60 }]);

  // Reorder the checks; move the case: its checks stay open with it.
  await table.getByRole('button', { name: 'Move check 2 of “refund request” up' }).click();
  await expect.poll(() => checksOf(workbench.workspace, 'refund request')).toEqual([{ 'max-words': 60 }, { 'json-path': '$.intent', equals: 'billing' }]);
  await table.getByRole('button', { name: 'Move “refund request” down' }).click();
  await expect(table.getByRole('textbox', { name: 'Name of case 2' })).toHaveValue('refund request');
  await expect(table.getByRole('list', { name: 'Checks of “refund request”' })).toBeVisible();
  await expect(table.getByRole('list', { name: 'Checks of “enterprise export bug”' })).toHaveCount(0);

  // Editing another case's inputs leaves every check in place.
  await table.getByRole('textbox', { name: 'subject of “locked out”' }).fill('Locked out, 2FA phone lost');
  await expect.poll(() => casesOnDisk(workbench.workspace).find((entry) => entry.name === 'locked out')?.input.subject).toBe('Locked out, 2FA phone lost');
  expect(checksOf(workbench.workspace, 'locked out')).toEqual(lockedOut);

  // The prompt-wide check's problem, at its line in the Edit tab.
  await promptWide.getByRole('link', { name: 'Open the Edit tab' }).click();
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText(`prompts/ticket-triage.prompt:${badLine}`);
  await expect(problems).toContainText('Prompt check 2: max-words takes a whole number');
  // Going to the problem brings its line into view (CodeMirror draws only the lines in view).
  await problems.getByRole('button', { name: /Prompt check 2/ }).click();
  await expect(page.locator('.cm-lintRange-error').filter({ hasText: 'max-words' })).toHaveCount(1);
  await saveThemedScreenshots(page, testInfo, 'edit-bad-check');
  expect(errors).toEqual([]);
});
