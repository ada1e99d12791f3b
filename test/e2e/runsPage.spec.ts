// The Runs page in browser mode: every run of every prompt in one table with its figures, sorted
// by a column, named, pinned, deleted with Undo, then deleted for good, and gone from the
// prompt's own Runs tab too.
import type { Page } from '@playwright/test';
import type { RunSummary } from '../../shared/runs';
import { callApi, runToCompletion } from './coreApi';
import { expect, testWithOllama } from './fixtures';
import { collectErrors, saveThemedScreenshots } from './helpers';

const test = testWithOllama();

/** The rows of the table, top to bottom, by the prompt each names. */
const promptOrder = (page: Page) => page.locator('.all-runs__row .all-runs__prompt').allTextContents();

test('the Runs page lists every prompt’s runs, sorts, labels, pins and deletes them with Undo', async ({ page, workbench }, testInfo) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  const server = workbench.server;

  // No runs yet: the page says how to make one.
  await page.goto(`${server.url}#/`);
  await expect(page.getByRole('link', { name: /All runs/ })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('r');
  await expect(page).toHaveURL(/#\/runs$/);
  await expect(page.getByRole('heading', { name: 'No runs yet' })).toBeVisible();
  await saveThemedScreenshots(page, testInfo, 'runs-page-empty');

  // capital-city has checks (its pass rate shows); summarize has none.
  const capital = await runToCompletion(server, { prompt: 'capital-city', models: ['ollama/llama3.2'], temperatures: [0, 1], cases: ['France (easy)'], samples: 2 });
  const summarize = await runToCompletion(server, { prompt: 'summarize', models: ['ollama/llama3.2'], temperatures: [0], samples: 2 });
  const [first, second] = capital.samples.filter((sample) => sample.status === 'ok');
  await callApi(server, 'rateSamples', { runId: capital.summary.runId, sampleIds: [first?.sampleId, second?.sampleId], rating: 4 });

  await page.reload();
  const table = page.getByRole('table');
  const capitalRow = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'capital-city' }) });
  const summarizeRow = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'summarize' }) });
  await expect(capitalRow).toHaveCount(1);
  await expect(summarizeRow).toHaveCount(1);
  // Newest first.
  expect(await promptOrder(page)).toEqual(['summarize', 'capital-city']);
  const capitalOk = capital.summary.ok;
  await expect(capitalRow).toContainText(`${capital.summary.ok + capital.summary.errors} / ${capital.summary.total}`);
  await expect(capitalRow).toContainText(`${Math.round((2 / capitalOk) * 100)}%`);
  await expect(capitalRow).toContainText('4.0');
  await expect(capitalRow).toContainText(/commit [0-9a-f]{7}|draft · content [0-9a-f]{7}/);
  // Checks give capital-city a pass rate; summarize has none to give.
  await expect(capitalRow.locator('td').nth(8)).toHaveText(/^\d+%$/);
  await expect(summarizeRow.locator('td').nth(8)).toHaveText('—');

  // Sort by prompt: A to Z, then Z to A.
  await page.getByRole('button', { name: 'Prompt', exact: true }).click();
  expect(await promptOrder(page)).toEqual(['capital-city', 'summarize']);
  await page.getByRole('button', { name: 'Prompt', exact: true }).click();
  expect(await promptOrder(page)).toEqual(['summarize', 'capital-city']);

  // Name the capital-city run in place.
  await capitalRow.hover();
  await capitalRow.getByRole('button', { name: 'Name this run' }).click();
  await page.getByRole('textbox', { name: 'Run label' }).fill('Baseline, before the tone change');
  await page.keyboard.press('Enter');
  await expect(capitalRow).toContainText('Baseline, before the tone change');
  await expect.poll(async () => (await callApi<RunSummary[]>(server, 'listRuns', { prompt: 'capital-city' }))[0]?.label).toBe('Baseline, before the tone change');

  // Pinned, it goes on top even though the sort puts it last.
  await capitalRow.getByRole('button', { name: 'Pin', exact: true }).click();
  await expect(capitalRow.getByRole('button', { name: 'Unpin' })).toHaveAttribute('aria-pressed', 'true');
  expect(await promptOrder(page)).toEqual(['capital-city', 'summarize']);

  // The prompt's own Runs tab shows the same label and pin.
  await page.goto(`${server.url}#/prompts/capital-city/runs`);
  const tabRow = page.getByRole('row').filter({ hasText: 'Baseline, before the tone change' });
  await expect(tabRow).toContainText('Pinned');
  await saveThemedScreenshots(page, testInfo, 'runs-tab-labelled', page.locator('.runs-table'));
  // And the run's review goes by it, with when it started among its facts.
  await page.goto(`${server.url}#/runs/${capital.summary.runId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Baseline, before the tone change');
  await expect(page.locator('.review-header__meta')).toContainText('started just now');
  await saveThemedScreenshots(page, testInfo, 'review-labelled', page.locator('.review-header'));
  await page.goto(`${server.url}#/runs`);

  // The label filter and the prompt filter.
  await page.getByRole('searchbox', { name: 'Filter by label' }).fill('tone');
  expect(await promptOrder(page)).toEqual(['capital-city']);
  await page.getByRole('searchbox', { name: 'Filter by label' }).fill('');
  await page.getByRole('combobox', { name: 'Prompt' }).selectOption('summarize');
  expect(await promptOrder(page)).toEqual(['summarize']);
  await page.getByRole('combobox', { name: 'Prompt' }).selectOption('');
  await saveThemedScreenshots(page, testInfo, 'runs-page');

  // Delete, then Undo: the run comes back with its label, pin and ratings.
  await summarizeRow.getByRole('button', { name: 'Delete the run' }).click();
  await expect(summarizeRow).toHaveCount(0);
  const notice = page.getByRole('status', { name: 'Run deleted' });
  await expect(notice).toContainText('summarize');
  await saveThemedScreenshots(page, testInfo, 'runs-page-deleted', notice);
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(summarizeRow).toHaveCount(1);
  await expect(notice).toHaveCount(0);

  // Delete for good: gone here, from the prompt's Runs tab and from the contract's lists.
  await capitalRow.getByRole('button', { name: /Delete the run/ }).click();
  await expect(capitalRow).toHaveCount(0);
  await page.getByRole('status', { name: 'Run deleted' }).getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('status', { name: 'Run deleted' })).toHaveCount(0);
  expect(await callApi<RunSummary[]>(server, 'listRuns', {})).toHaveLength(1);
  await page.goto(`${server.url}#/prompts/capital-city/runs`);
  await expect(page.getByRole('heading', { name: 'No runs yet' })).toBeVisible();

  // A row opens its review.
  await page.goto(`${server.url}#/runs`);
  await summarizeRow.locator('td').nth(4).click();
  await expect(page).toHaveURL(new RegExp(`#/runs/${summarize.summary.runId}$`));
  expect(errors).toEqual([]);
});
