// Outputs side by side (issue 18, point 3): two runs of a prompt, edited between them, compared
// cell by cell with the answers themselves; a word diff of any two picked outputs; and in the
// review, a sample diffed with another answer of its cell. The fake OpenAI server answers by script
// (the answer depends on the prompt's system line, as a real model's would), so the shares are known.
import fs from 'node:fs';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders';
import { expect, test as base } from './fixtures';
import { collectErrors, promptFile, removeChecks, saveThemedScreenshots } from './helpers';
import { callApi, runToCompletion } from './coreApi';

const OPENAI_KEY = 'sk-test-e2e';
const ONE_WORD = 'You answer geography questions with exactly one word';
const ONE_SENTENCE = 'You answer geography questions in one short sentence';

const SAME = 'The capital of France is Paris.';
const GONE = 'France’s capital city is Paris, on the river Seine, as it has been for centuries.';
const NEW = 'Paris is the capital of France, and its largest city by far.';
/** Before the edit: 3 × SAME and 1 × GONE; after it: 2 × SAME and 2 × NEW. Japan always says Tokyo. */
const BEFORE = [SAME, GONE, SAME, SAME];
const AFTER = [SAME, NEW, SAME, NEW];

const test = base.extend<{ openai: FakeProvider }>({
  // eslint-disable-next-line no-empty-pattern
  openai: async ({}, use) => {
    const fake = await startFakeProvider({ kind: 'openai', apiKey: OPENAI_KEY });
    await use(fake);
    await fake.close();
  },
  workbenchEnv: async ({ openai }, use) => use({ OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: OPENAI_KEY }),
});

function scriptAnswers(openai: FakeProvider): void {
  const asked = { before: 0, after: 0 };
  openai.script(({ system, user }) => {
    if (user.includes('Japan')) return 'Tokyo.';
    if (system.includes(ONE_WORD)) return BEFORE[asked.before++ % BEFORE.length];
    return AFTER[asked.after++ % AFTER.length];
  });
}

const RUN = {
  prompt: 'capital-city',
  models: ['openai/gpt-4o-mini'],
  temperatures: [0.7],
  cases: ['France (easy)', 'Japan (easy)'],
  samples: 4,
  seedMode: 'per-sample',
  // One call at a time, so the scripted answers reach the samples in order.
  concurrency: 1,
};

test('compare shows both runs’ answers per cell with what changed, and diffs any two of them word by word', async ({ page, workbench, openai }, testInfo) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  removeChecks(workbench.workspace, 'capital-city');
  scriptAnswers(openai);
  // Two committed versions, so History can compare them too.
  await callApi(workbench.server, 'setSetting', { key: 'author', value: { name: 'Ada Lovelace', email: 'ada@example.com' } });
  await callApi(workbench.server, 'commitPrompt', { name: 'capital-city', message: 'One word' });
  const before = await runToCompletion(workbench.server, RUN);
  const file = promptFile(workbench.workspace, 'capital-city');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(ONE_WORD, ONE_SENTENCE));
  await callApi(workbench.server, 'commitPrompt', { name: 'capital-city', message: 'One sentence' });
  const after = await runToCompletion(workbench.server, RUN);
  expect(after.summary.contentHash).not.toBe(before.summary.contentHash);

  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`${workbench.server.url}#/runs/${after.summary.runId}/compare/${before.summary.runId}`);
  const outputs = page.getByRole('region', { name: 'Outputs side by side' });
  await expect(outputs).toBeVisible();

  // The changed cell comes first, with its line of what changed and both runs' clusters.
  const cells = outputs.locator('section.outputs-cell');
  await expect(cells).toHaveCount(2);
  const france = outputs.getByRole('region', { name: 'openai/gpt-4o-mini, T 0.7, France (easy)' });
  await expect(cells.first()).toHaveAttribute('aria-label', 'openai/gpt-4o-mini, T 0.7, France (easy)');
  const changes = france.getByTestId('cell-changes');
  await expect(changes).toContainText('new: “Paris is the capital of…” 50%');
  await expect(changes).toContainText('gone: “France’s capital city is…” (was 25%)');
  await expect(changes).toContainText('“The capital of France is…” 75% → 50%');
  await expect(france).toContainText('50% moved');
  const texts = france.getByTestId('compare-output');
  // Matched answers share a row (A then B), then the new answer, then the gone one.
  await expect(texts).toHaveText([SAME, SAME, NEW, GONE]);
  await expect(france.getByRole('group', { name: 'This run: 2 × (50%), new' })).toContainText('×2 · 50%');
  await expect(france.getByRole('group', { name: 'Other run: 1 × (25%), gone' })).toContainText('×1 · 25%');

  const japan = outputs.getByRole('region', { name: 'openai/gpt-4o-mini, T 0.7, Japan (easy)' });
  await expect(japan.getByTestId('cell-changes')).toContainText('same answers in about the same shares');
  await outputs.getByRole('checkbox', { name: /Only changed cells \(1 of 2\)/ }).check();
  await expect(japan).toHaveCount(0);
  await expect(france).toBeVisible();

  // Pick the gone answer as A and the new one as B: their words, diffed.
  const diff = outputs.getByRole('region', { name: 'Word diff of two outputs' });
  await expect(diff).toContainText('Choose A on one output and B on another');
  await france.locator('.output-card--gone').getByRole('button', { name: 'Diff from this output (A)' }).click();
  await france.locator('.output-card--new').getByRole('button', { name: 'Diff to this output (B)' }).click();
  await expect(france.locator('.output-card--new').getByRole('button', { name: 'Diff to this output (B)' })).toHaveAttribute('aria-pressed', 'true');
  const words = diff.getByTestId('output-word-diff');
  await expect(words.locator('ins').first()).toBeVisible();
  await expect(words.locator('del').first()).toBeVisible();
  await expect(words.locator('ins').filter({ hasText: 'largest' })).toHaveCount(1);
  await expect(words.locator('del').filter({ hasText: 'centuries' })).toHaveCount(1);
  await expect(diff).toContainText('Other run · openai/gpt-4o-mini · T 0.7 · France (easy)');
  await expect(diff).toContainText('This run · openai/gpt-4o-mini · T 0.7 · France (easy)');
  await saveThemedScreenshots(page, testInfo, 'compare-outputs');
  await saveThemedScreenshots(page, testInfo, 'compare-outputs-cell', france);

  // Scrolled past the section's top, the run names stay above the columns.
  await page.setViewportSize({ width: 1440, height: 560 });
  const columns = outputs.locator('.outputs__columns');
  const stuck = await columns.evaluate((element) => {
    let scroller = element.parentElement;
    while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
    if (!scroller) return null;
    const section = element.parentElement as HTMLElement;
    scroller.scrollTop += section.getBoundingClientRect().top - scroller.getBoundingClientRect().top + 150;
    return element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  });
  expect(stuck).not.toBeNull();
  expect(Math.abs(stuck ?? 99)).toBeLessThan(2);
  await saveThemedScreenshots(page, testInfo, 'compare-outputs-scrolled');
  await page.setViewportSize({ width: 1440, height: 1000 });

  // Two outputs of the same cell and the same run compare too; Esc clears the picks.
  await france.getByRole('button', { name: 'Diff from this output (A)' }).nth(1).click();
  await expect(words).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(diff).toContainText('Choose A on one output and B on another');

  // History compares the two versions' runs and leads here, to their outputs.
  await page.goto(`${workbench.server.url}#/prompts/capital-city/history`);
  await page.getByRole('listbox').getByRole('option').filter({ hasText: 'One sentence' }).click();
  await page.getByRole('region', { name: 'Runs of the two versions' }).getByRole('link', { name: 'Compare outputs cell by cell' }).click();
  await expect(page).toHaveURL(new RegExp(`#/runs/${after.summary.runId}/compare/${before.summary.runId}$`));
  await expect(outputs.getByRole('region', { name: 'openai/gpt-4o-mini, T 0.7, France (easy)' }).getByTestId('cell-changes')).toContainText('new: “Paris is the capital of…” 50%');
  expect(errors).toEqual([]);
});

test('in the review, a sample diffs with another answer of its cell, and the choice stays while j/k walk the cell', async ({ page, workbench, openai }, testInfo) => {
  test.setTimeout(60_000);
  const errors = collectErrors(page);
  removeChecks(workbench.workspace, 'capital-city');
  scriptAnswers(openai);
  const run = await runToCompletion(workbench.server, { ...RUN, cases: ['France (easy)'] });
  const first = run.samples.find((sample) => sample.index === 0);

  await page.goto(`${workbench.server.url}#/runs/${run.summary.runId}`);
  await page.locator(`button[data-sample-id="${first?.sampleId}"]`).click();
  const view = page.getByRole('article', { name: /^Sample/ });
  await expect(view.getByText('Same as the most common output.')).toBeVisible();

  const against = view.getByRole('combobox', { name: 'Against' });
  await expect(against.locator('option')).toHaveText(['the most common output', '#2 · “France’s capital city is Paris, on the…”']);
  await against.selectOption({ label: '#2 · “France’s capital city is Paris, on the…”' });
  const diff = view.getByRole('region', { name: 'Difference from another sample' });
  await expect(diff.getByTestId('sample-word-diff').locator('ins').first()).toBeVisible();
  await expect(diff.getByTestId('sample-word-diff').locator('del')).toContainText(['Seine,']);
  // The whole view, in a window tall enough to show it unscrolled.
  await page.setViewportSize({ width: 1280, height: 1400 });
  await saveThemedScreenshots(page, testInfo, 'review-sample-diff-other', view);

  // The next sample of the cell (the same answer again) is read against the same chosen one.
  await against.blur();
  await page.keyboard.press('j');
  await expect(page.getByRole('article', { name: /^Sample/ }).getByRole('combobox', { name: 'Against' })).toHaveValue(run.samples.find((sample) => sample.index === 1)?.sampleId ?? '');
  expect(errors).toEqual([]);
});
