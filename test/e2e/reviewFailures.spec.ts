// Failed samples in the review, in browser mode against a fake Ollama: a run with a model that was
// never pulled shows what went wrong in its cells, in the side panel (reached with j/k), in the
// run's error summary and its filter; "Retry failed" says what it did. Blind review hides every
// hint about the other samples, and a one-sample cell claims no consistency.
import type { Page } from '@playwright/test';
import { expect, testWithOllama } from './fixtures';
import { callApi, runToCompletion } from './coreApi';
import { collectErrors, removeChecks, saveThemedScreenshots } from './helpers';

const UNKNOWN = 'Unknown model "does-not-exist" at Ollama — pull it with ollama pull does-not-exist';

const test = testWithOllama();

const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Focused sample' });
const cellOf = (page: Page, model: string) => page.getByRole('region', { name: `${model}, temperature 0, France (easy)`, exact: true });
const status = (page: Page) => page.locator('.review-status__message');

test('failed samples show what went wrong, are reached with j/k, filtered, and retried with a report', async ({ page, workbench, ollama }, testInfo) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  // The starter's checks would add pass-rate badges that push the second model's cell below the fold.
  removeChecks(workbench.workspace, 'capital-city');
  // One llama3.2 call is refused (not retried by the runner), so a retry has something to fix.
  ollama.inject({ fault: { type: 'status', status: 400 }, model: 'llama3.2' });
  const detail = await runToCompletion(workbench.server, {
    prompt: 'capital-city',
    models: ['ollama/llama3.2', 'ollama/does-not-exist'],
    temperatures: [0],
    cases: ['France (easy)'],
    samples: 3,
  });
  expect(detail.summary).toMatchObject({ ok: 2, errors: 4 });

  await page.goto(`${workbench.server.url}#/runs/${detail.summary.runId}`);
  await expect(page.locator('.review[data-ready="true"]')).toBeVisible();
  // The cell says what went wrong and what to do, not only "0/3 ok".
  const unknownCell = cellOf(page, 'ollama/does-not-exist');
  // Cells show a few lines of each answer, so the second model's row starts below the fold of this
  // window: the grid draws only the rows in view, as a person scrolling would see them.
  const grid = page.getByRole('region', { name: 'Samples by temperature' });
  await grid.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expect(unknownCell).toContainText('0/3 ok · 3 failed');
  await expect(unknownCell.getByRole('note')).toContainText('Not found');
  await expect(unknownCell.getByRole('note')).toContainText(UNKNOWN);
  await expect(unknownCell).not.toContainText('No answers to rate');
  await grid.evaluate((element) => element.scrollTo(0, 0));
  await expect(cellOf(page, 'ollama/llama3.2').getByRole('note')).toContainText('Request refused');

  // The run's summary groups the failures, with the cells they hit.
  const summary = page.getByRole('region', { name: 'Failed samples' });
  await expect(summary).toContainText('4 samples failed');
  await expect(summary.locator('.run-failures__group').first()).toContainText(`3 ×Not found ${UNKNOWN}`);
  await expect(summary.getByRole('button', { name: 'ollama/does-not-exist · T 0 · France (easy)' })).toBeVisible();
  await expect(summary.locator('.run-failures__group').nth(1)).toContainText('1 ×Request refused');
  await saveThemedScreenshots(page, testInfo, 'review-failures-grid');
  await saveThemedScreenshots(page, testInfo, 'review-failures-summary', summary);

  // j/k walk the answers and then the failures, cell by cell; rating keys leave a failure alone.
  const panel = panelOf(page);
  const rated = page.locator('.rated-count__text');
  await expect(panel).toContainText('Sample 1 of 6');
  await expect(rated).toHaveText('0/2 rated');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(panel).toContainText('Sample 3 of 6');
  await expect(panel).toContainText('Failed: no answer to rate');
  await expect(panel.getByRole('note', { name: 'What went wrong' })).toContainText('Request refused');
  await page.keyboard.press('j');
  await expect(panel).toContainText('Sample 4 of 6');
  const wrong = panel.getByRole('note', { name: 'What went wrong' });
  await expect(wrong).toContainText('Not found');
  await expect(wrong).toContainText('not_found · HTTP 404');
  await expect(wrong).toContainText(UNKNOWN);
  await expect(panel.getByRole('button', { name: 'Rate 4' })).toHaveCount(0);
  await page.keyboard.press('4');
  await expect(status(page)).toHaveText('This sample failed, so there is no answer to rate: n adds a note, Retry failed runs it again');
  await expect(panel).toContainText('Sample 4 of 6');
  await expect(rated).toHaveText('0/2 rated');
  await saveThemedScreenshots(page, testInfo, 'review-failures-panel');
  await page.keyboard.press('k');
  await expect(panel).toContainText('Sample 3 of 6');
  // A click on a cell in the summary shows that cell's first failure.
  await summary.getByRole('button', { name: 'ollama/does-not-exist · T 0 · France (easy)' }).click();
  await expect(panel).toContainText('Sample 4 of 6');

  // The filter keeps the cells with failures, and j/k walk only the failed samples.
  await summary.getByRole('button', { name: 'Show failed only' }).click();
  await expect(summary.getByRole('button', { name: 'Showing failed only' })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel).toContainText('Sample 2 of 4');
  await page.keyboard.press('k');
  await expect(panel).toContainText('Sample 1 of 4');
  await expect(panel.getByRole('note', { name: 'What went wrong' })).toContainText('Request refused');
  await summary.getByRole('button', { name: 'Showing failed only' }).click();

  // Retry says what it did and what still fails.
  await page.getByRole('button', { name: 'Retry failed' }).click();
  const report = page.getByRole('status').filter({ hasText: /^Retried/ });
  await expect(report).toHaveText(`Retried 4 samples: 1 ok, 3 still failing — ${UNKNOWN}`, { timeout: 30_000 });
  await expect(summary).toContainText('3 samples failed');
  await expect(rated).toHaveText('0/3 rated');
  await saveThemedScreenshots(page, testInfo, 'review-failures-retried');
  await report.getByRole('button', { name: 'Dismiss' }).click();
  await expect(report).toHaveCount(0);

  // Everything the app said is what the core recorded.
  const after = await callApi<{ samples: { model: string; status: string; error: { message: string } | null }[] }>(workbench.server, 'getRun', { runId: detail.summary.runId });
  expect(after.samples.filter((sample) => sample.status === 'error').map((sample) => sample.error?.message)).toEqual(Array(3).fill(UNKNOWN.replace('with ollama pull does-not-exist', 'with `ollama pull does-not-exist`')));
  expect(errors).toEqual([]);
});

test('blind review shows no hint about the other samples, and leaves failures out of its queue', async ({ page, workbench }, testInfo) => {
  test.setTimeout(60_000);
  const errors = collectErrors(page);
  // Temperature 0: the three answers of a cell are one cluster.
  const detail = await runToCompletion(workbench.server, { prompt: 'capital-city', models: ['ollama/llama3.2', 'ollama/does-not-exist'], temperatures: [0], cases: ['France (easy)', 'Japan (easy)'], samples: 3 });
  await page.goto(`${workbench.server.url}#/runs/${detail.summary.runId}`);
  const panel = panelOf(page);
  // Seen, these nudge a rater: the cluster's size, the diff against the usual answer, the repeat number.
  await expect(panel).toContainText('In a cluster of 3');
  await expect(panel).toContainText('Same as the most common output.');
  await expect(panel.locator('.sample-facts')).toContainText('Sample#1');

  await page.keyboard.press('b');
  await expect(page.getByRole('region', { name: 'Rating queue' })).toBeVisible();
  // Only the six answers are queued: a failure's message would name its model.
  await expect(panel).toContainText('Sample 1 of 6');
  await expect(page.locator('.queue-item')).toHaveCount(6);
  await expect(page.getByRole('region', { name: 'Failed samples' })).toHaveCount(0);
  await expect(panel.locator('.sample-view')).toBeVisible();
  const shown = await page.evaluate(() => document.body.innerText);
  expect(shown).not.toMatch(/cluster|most common output|does-not-exist|Unknown model/i);
  // The queue shows the words of the sample in hand only, not how alike the others are.
  const focusedText = await page.locator('.queue-item.is-focused .queue-item__text').innerText();
  expect(focusedText.length).toBeGreaterThan(10);
  await expect(page.locator('.queue-item:not(.is-focused) .queue-item__text')).toHaveText(Array(5).fill('Not rated yet'));
  await expect(panel.locator('.sample-facts')).not.toContainText('Sample');
  // c rates no cluster: the next digit rates the one sample in view.
  await page.keyboard.press('c');
  await expect(status(page)).toHaveText('Blind mode rates each sample alone: leave it (b) to rate a cluster');
  await page.keyboard.press('3');
  await expect(page.locator('.rated-count__text')).toHaveText('1/6 rated');
  await expect(page.locator('.queue-item:not(.is-focused) .queue-item__text', { hasText: /^Rated$/ })).toHaveCount(1);
  await saveThemedScreenshots(page, testInfo, 'review-blind-alone');
  expect(errors).toEqual([]);
});

test('a cell with one answer shows no consistency, similarity, share or spread, and says why', async ({ page, workbench }) => {
  const errors = collectErrors(page);
  const detail = await runToCompletion(workbench.server, { prompt: 'capital-city', models: ['ollama/llama3.2'], temperatures: [0, 1], cases: ['France (easy)'], samples: 1 });
  await page.goto(`${workbench.server.url}#/runs/${detail.summary.runId}`);
  const cell = cellOf(page, 'ollama/llama3.2');
  const chip = cell.locator('.consistency-chip');
  await expect(chip).toHaveText('—');
  await expect(chip).toHaveAttribute('title', 'No consistency: it compares the cell’s answers with each other and needs at least 2 answers; this cell has 1');
  const figure = (name: string) => cell.locator('.cell-figures > div', { hasText: name });
  await expect(figure('Top').locator('dd')).toHaveText('—');
  await expect(figure('Top')).toHaveAttribute('title', /needs at least 2 answers/);
  await expect(figure('Similar').locator('dd')).toHaveText('—');
  await expect(figure('Length').locator('dd')).toHaveText(/^\d+ ± —$/);
  await expect(figure('Length')).toHaveAttribute('title', /the sd needs at least 2 answers/);

  // The consistency chart has nothing to average, and says so.
  await page.getByRole('tab', { name: 'Charts' }).click();
  await expect(page.getByRole('region', { name: 'Consistency by temperature' })).toContainText('No cell has 2 answers yet');
  expect(errors).toEqual([]);
});
