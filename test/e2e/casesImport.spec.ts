// Cases in bulk: importing CSV (from a file, dropped or chosen) and rows pasted from a spreadsheet,
// with a preview that maps columns and checks every row against the input schema; and "Draft more
// cases" against a scripted fake model. Imported and drafted rows never reach the file until kept.
import { parse } from 'yaml';
import { DRAFT_CASES_MARKER } from '../../electron/core/cases/draftCasesRequest';
import { requestTexts } from '../support/fakeProviders';
import { expect, testWithOllama } from './fixtures';
import { collectErrors, errorAnswer, readPrompt, saveThemedScreenshots } from './helpers';

const test = testWithOllama();

interface CaseEntry {
  name: string;
  input: Record<string, unknown>;
}

const casesOnDisk = (workspace: string) => parse(readPrompt(workspace, 'summarize', '.cases.yaml')) as CaseEntry[];
const caseNamed = (workspace: string, name: string) => casesOnDisk(workspace).find((entry) => entry.name === name);

// A byte order mark, a quoted field holding a comma and a line break, and a row whose `sentences` is not an integer.
const CSV = '\uFEFFCase,Document,sentences,reader\r\n"library hours","The library opens at 9, closes at 5.\nWeekends 10 to 4.",2,students\r\nbad one,Short text,many,staff\r\n';

test('import a CSV with a bad row: preview, map, import, keep one and drop the other', async ({ page, workbench }, testInfo) => {
  test.setTimeout(60_000);
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${workbench.server.url}#/prompts/summarize/cases`);
  const before = readPrompt(workbench.workspace, 'summarize', '.cases.yaml');

  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import cases' });
  await dialog.locator('input[type=file]').setInputFiles({ name: 'cases.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect(dialog.getByText('cases.csv · CSV')).toBeVisible();

  // Columns are matched by name; one the schema does not know is ignored until mapped.
  await expect(dialog.getByRole('combobox', { name: 'Column “Case” goes to' })).toHaveValue(':name');
  await expect(dialog.getByRole('combobox', { name: 'Column “Document” goes to' })).toHaveValue('document');
  await expect(dialog.getByRole('combobox', { name: 'Column “reader” goes to' })).toHaveValue(':ignore');
  await dialog.getByRole('combobox', { name: 'Column “reader” goes to' }).selectOption('audience');
  await expect(dialog.getByRole('status')).toHaveText('2 rows: 1 fit the input schema, 1 with problems.');
  await expect(dialog.getByText('sentences: “many” is not an integer.')).toBeVisible();
  await saveThemedScreenshots(page, testInfo, 'cases-import-preview', dialog);

  // Valid rows only by default; the bad one comes along, marked, when asked.
  await expect(dialog.getByRole('button', { name: 'Import 1 case' })).toBeEnabled();
  await dialog.getByRole('checkbox', { name: /Also import the 1 row with problems/ }).check();
  await dialog.getByRole('button', { name: 'Import 2 cases' }).click();
  await expect(dialog).toBeHidden();

  const pending = page.getByRole('region', { name: 'Cases not saved yet' });
  await expect(pending.getByText('2 cases not saved yet')).toBeVisible();
  await expect(pending.getByText('sentences: “many” is not an integer.')).toBeVisible();
  await saveThemedScreenshots(page, testInfo, 'cases-import-pending');
  // Nothing was written yet.
  await page.waitForTimeout(1000);
  expect(readPrompt(workbench.workspace, 'summarize', '.cases.yaml')).toBe(before);

  await pending.getByRole('button', { name: 'Keep “library hours”' }).click();
  await expect
    .poll(() => caseNamed(workbench.workspace, 'library hours'))
    .toEqual({ name: 'library hours', input: { document: 'The library opens at 9, closes at 5.\nWeekends 10 to 4.', sentences: 2, audience: 'students' } });
  // Kept, it is the table's last row.
  await expect(page.getByRole('region', { name: 'Cases table' }).getByRole('textbox', { name: /^Name of case/ }).last()).toHaveValue('library hours');
  await pending.getByRole('button', { name: 'Drop “bad one”' }).click();
  await expect(pending).toBeHidden();
  expect(caseNamed(workbench.workspace, 'bad one')).toBeUndefined();
  expect(errors).toEqual([]);
});

test('paste rows from a spreadsheet, and drop a file on the tab', async ({ page, workbench }) => {
  const errors = collectErrors(page);
  await page.goto(`${workbench.server.url}#/prompts/summarize/cases`);
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import cases' });
  await dialog.getByRole('textbox', { name: 'Rows to import' }).fill('name\tdocument\tsentences\nfrom sheet\tPasted, with a comma\t3\n');
  await expect(dialog.getByRole('status')).toHaveText('1 row: 1 fit the input schema.');
  await dialog.getByRole('button', { name: 'Import 1 case' }).click();
  await page.getByRole('button', { name: 'Keep all' }).click();
  await expect.poll(() => caseNamed(workbench.workspace, 'from sheet')).toEqual({ name: 'from sheet', input: { document: 'Pasted, with a comma', sentences: 3 } });

  // A file dropped on the tab opens the import with it.
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['name,document\ndropped,Dropped text\n'], 'dropped.csv', { type: 'text/csv' }));
    return transfer;
  });
  await page.locator('.cases-tab').dispatchEvent('dragover', { dataTransfer });
  await page.locator('.cases-tab').dispatchEvent('drop', { dataTransfer });
  await expect(dialog.getByText('dropped.csv · CSV')).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText('1 row: 1 fit the input schema.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('region', { name: 'Cases not saved yet' })).toBeHidden();
  expect(errors).toEqual([]);
});

test('Draft more cases: the model’s cases arrive as rows to keep or drop', async ({ page, workbench, ollama }, testInfo) => {
  test.setTimeout(60_000);
  // The unreadable answer below is an error answer, which the browser logs.
  const errors = collectErrors(page, [errorAnswer(422)]);
  await page.setViewportSize({ width: 1440, height: 900 });
  ollama.script(({ system }) =>
    system.includes(DRAFT_CASES_MARKER)
      ? JSON.stringify({
          cases: [
            { name: 'tiny note', input: { document: 'Back at 3.', sentences: 1 } },
            { name: 'wrong type', input: { document: 'Meeting moved to Monday.', sentences: 'two' } },
            { name: 'for parents', input: { document: 'School closes early on Friday.', audience: 'parents' } },
          ],
        })
      : undefined,
  );
  await page.goto(`${workbench.server.url}#/prompts/summarize/cases`);
  await page.getByRole('button', { name: 'Draft more cases' }).click();
  const dialog = page.getByRole('dialog', { name: 'Draft more cases' });
  await expect(dialog.getByRole('combobox', { name: 'Model' })).toHaveValue('ollama/llama3.2');
  await dialog.getByRole('spinbutton', { name: 'How many' }).fill('3');
  // An answer that is not JSON is said so in the dialog, which stays open to try again.
  ollama.inject({ fault: { type: 'reply', text: 'Sure! Here are three cases.' } });
  await dialog.getByRole('button', { name: 'Draft cases' }).click();
  await expect(dialog.getByRole('alert')).toContainText('ollama/llama3.2 answered with text that is not JSON, so no case could be read');
  await saveThemedScreenshots(page, testInfo, 'cases-draft-dialog', dialog);
  await dialog.getByRole('button', { name: 'Draft cases' }).click();
  await expect(dialog).toBeHidden();

  // The model was asked with the input schema and the existing cases.
  const request = ollama.requests.find((entry) => requestTexts(entry.body).system.includes(DRAFT_CASES_MARKER));
  expect(requestTexts(request?.body).system).toContain('"sentences"');
  expect(requestTexts(request?.body).system).toContain('Write exactly 3 new cases');
  expect(requestTexts(request?.body).user).toContain('harbour');

  const pending = page.getByRole('region', { name: 'Cases not saved yet' });
  await expect(pending.getByText('3 cases not saved yet')).toBeVisible();
  await expect(pending.locator('[data-origin="drafted"]')).toHaveCount(3);
  await expect(pending.getByText(/^sentences: .*integer/)).toBeVisible();
  await saveThemedScreenshots(page, testInfo, 'cases-drafted');

  await pending.getByRole('button', { name: 'Drop “wrong type”' }).click();
  await pending.getByRole('button', { name: 'Keep all' }).click();
  await expect(pending).toBeHidden();
  await expect.poll(() => casesOnDisk(workbench.workspace).map((entry) => entry.name).slice(-2)).toEqual(['tiny note', 'for parents']);
  expect(caseNamed(workbench.workspace, 'for parents')).toEqual({ name: 'for parents', input: { document: 'School closes early on Friday.', audience: 'parents' } });
  expect(caseNamed(workbench.workspace, 'wrong type')).toBeUndefined();
  expect(errors).toEqual([]);
});
