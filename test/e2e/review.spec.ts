// The review of a run, in browser mode: a run made with the CLI against a fake Ollama, opened by
// its deep link; rated from the keyboard in blind mode (models, temperatures and seeds nowhere on
// screen), j/k, clearing, a note, undo, a whole cluster at once; and everything still there after
// a reload, as the CLI's export shows.
import type { Page } from '@playwright/test';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders';
import { runWorkbench, startWorkbench } from '../support/workbenchCli';
import { expect, test as base } from './fixtures';
import { collectErrors, saveThemedScreenshots } from './helpers';

const MODELS = ['ollama/llama3.2', 'ollama/qwen2.5:7b'];
const CASES = ['France (easy)', 'Japan (easy)'];
/** 2 models × 2 temperatures × 2 cases × 3 samples. */
const TOTAL = 24;

const test = base.extend<{ ollama: FakeProvider; runId: string }>({
  // eslint-disable-next-line no-empty-pattern
  ollama: async ({}, use) => {
    const fake = await startFakeProvider({ kind: 'ollama', models: ['llama3.2', 'qwen2.5:7b', 'nomic-embed-text'] });
    await use(fake);
    await fake.close();
  },
  workbenchEnv: async ({ ollama }, use) => use({ OLLAMA_HOST: ollama.url }),
  runId: async ({ workbench, ollama }, use) => {
    const args = ['run', 'capital-city', ...MODELS.flatMap((model) => ['-m', model]), '-t', '0,1', ...CASES.flatMap((name) => ['--case', name]), '-n', '3'];
    const run = await startWorkbench([...args, '--yes', '--json', '--workspace', workbench.workspace], { OLLAMA_HOST: ollama.url }).done;
    if (run.status !== 0) throw new Error(`workbench run failed: ${run.stderr}`);
    await use((JSON.parse(run.stdout) as { runId: string }).runId);
  },
});

interface ExportedSample {
  sampleId: string;
  rating: number | null;
  note: string | null;
}

function exported(workspace: string, runId: string): Map<string, ExportedSample> {
  const result = runWorkbench(['export', runId, '--format', 'jsonl', '--workspace', workspace]);
  if (result.status !== 0) throw new Error(`workbench export failed: ${result.stderr}`);
  const rows = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as ExportedSample);
  return new Map(rows.map((row) => [row.sampleId, row]));
}

const focusedSample = (page: Page) => page.locator('.queue-item.is-focused, .mark.is-focused').first();
const rated = (page: Page) => page.locator('.rated-count__text');
const visibleText = (page: Page) => page.evaluate(() => document.body.innerText);

test('review a run by keyboard: blind queue, ratings, note, undo, cluster, reload', async ({ page, workbench, runId }, testInfo) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  await page.goto(`${workbench.server.url}#/runs/${runId}`);
  const review = page.locator('.review[data-ready="true"]');
  await expect(review).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'capital-city' })).toHaveAttribute('href', '#/prompts/capital-city');
  await expect(page.getByText('Done', { exact: true })).toBeVisible();
  await expect(rated(page)).toHaveText(`0/${TOTAL} rated`);
  await expect(page.getByRole('tab', { name: 'Grid' })).toHaveAttribute('aria-selected', 'true');
  // The grid: temperatures across, grouped by model, every cell with its consistency.
  await expect(page.getByText('Temperature 0', { exact: true })).toBeVisible();
  await expect(page.locator('.review-grid__group').first()).toContainText('llama3.2');
  await expect(page.locator('.consistency-chip').first()).toHaveText(/^\d\.\d\d$/);
  // Consistency is a full metric, computed by the review's Web Worker from the app's own origin.
  expect(page.workers().map((worker) => worker.url())).toContainEqual(expect.stringMatching(/\/assets\/metricsWorker-[\w-]+\.js$/));
  await saveThemedScreenshots(page, testInfo, 'review-grid');

  // j and k move through the samples.
  const panel = page.getByRole('complementary', { name: 'Focused sample' });
  await expect(panel).toContainText(`Sample 1 of ${TOTAL}`);
  await page.keyboard.press('j');
  await expect(panel).toContainText(`Sample 2 of ${TOTAL}`);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('k');
  await expect(panel).toContainText(`Sample 2 of ${TOTAL}`);
  await page.keyboard.press('ArrowUp');
  await expect(panel).toContainText(`Sample 1 of ${TOTAL}`);

  // Blind: a shuffled queue; no model, temperature or seed anywhere on screen.
  await page.keyboard.press('b');
  await expect(page.getByRole('tab', { name: 'Rating queue' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Rating queue' })).toBeVisible();
  await expect(panel).toContainText(`Sample 1 of ${TOTAL}`);
  const blindText = await visibleText(page);
  expect(blindText).not.toMatch(/llama|qwen|ollama/i);
  expect(blindText).not.toMatch(/\bTemperature\b|\bT [01]\b|\bSeed\b/);
  const queueOrder = await page.locator('.queue-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-sample-id')));

  // 4 rates the focused sample and moves on; 2 the next; k back, 0 clears it and stays.
  const first = await focusedSample(page).getAttribute('data-sample-id');
  await page.keyboard.press('4');
  await expect(page.getByRole('status').filter({ hasText: 'Rated 4 · u to undo' })).toBeVisible();
  await expect(rated(page)).toHaveText(`1/${TOTAL} rated`);
  await expect(page.locator(`.queue-item__rating[data-sample-id="${first}"]`)).toHaveText('4');
  await expect(panel).toContainText(`Sample 2 of ${TOTAL}`);
  const second = await focusedSample(page).getAttribute('data-sample-id');
  await page.keyboard.press('2');
  await expect(rated(page)).toHaveText(`2/${TOTAL} rated`);
  await page.keyboard.press('k');
  await expect(panel.getByRole('button', { name: 'Rate 2' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('0');
  await expect(rated(page)).toHaveText(`1/${TOTAL} rated`);
  await expect(panel).toContainText(`Sample 2 of ${TOTAL}`);

  // n writes a note: Enter saves it.
  await page.keyboard.press('n');
  const note = panel.getByRole('textbox', { name: 'Note' });
  await expect(note).toBeFocused();
  await note.fill('Too wordy for a one-word answer');
  await note.press('Enter');
  await expect(note).toBeHidden();
  await expect(panel).toContainText('Too wordy for a one-word answer');
  // Esc leaves a note being edited as it was.
  await page.keyboard.press('n');
  await note.fill('never saved');
  await note.press('Escape');
  await expect(panel).toContainText('Too wordy for a one-word answer');

  // u undoes the last change: a 5 given to this sample is taken back, and the focus returns to it.
  await page.keyboard.press('5');
  await expect(rated(page)).toHaveText(`2/${TOTAL} rated`);
  await page.keyboard.press('u');
  await expect(page.getByRole('status').filter({ hasText: /^Undone/ })).toBeVisible();
  await expect(rated(page)).toHaveText(`1/${TOTAL} rated`);
  await expect(panel).toContainText(`Sample 2 of ${TOTAL}`);
  await saveThemedScreenshots(page, testInfo, 'review-blind');

  // A reload keeps blind mode and the same shuffle.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Rating queue' })).toBeVisible();
  await expect(rated(page)).toHaveText(`1/${TOTAL} rated`);
  expect(await page.locator('.queue-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-sample-id')))).toEqual(queueOrder);

  // The shortcuts overlay lists the review's keys.
  await page.keyboard.press('?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(overlay).toContainText('Rate every sample in the cluster');
  await expect(overlay).toContainText('Blind mode');
  await page.keyboard.press('Escape');
  await expect(overlay).toBeHidden();

  // Leaving blind mode shows models and temperatures again.
  await page.keyboard.press('b');
  await expect(page.getByRole('tab', { name: 'Grid' })).toBeVisible();
  await expect(page.getByText('Temperature 1', { exact: true })).toBeVisible();
  expect(await visibleText(page)).toMatch(/llama3\.2/);
  await expect(panel.locator('.focus-panel__cell')).toContainText(/T [01]/);

  // c, then a digit, rates the focused sample's whole cluster (temperature 0 answers are identical):
  // here one without the sample rated 4, which would keep its own rating (clusterRating.spec.ts).
  const cell = page
    .locator('.grid-cell')
    .filter({ has: page.locator('.cluster__count', { hasText: /^×3$/ }) })
    .filter({ hasNot: page.locator(`.mark[data-sample-id="${first}"]`) })
    .first();
  const cluster = cell.locator('.cluster').first();
  await cluster.locator('.cluster__text').click();
  await expect(cluster.locator('.cluster__count')).toHaveText('×3');
  const members = await cluster.locator('.mark').evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-sample-id') as string));
  await page.keyboard.press('c');
  await expect(page.getByRole('status').filter({ hasText: 'Cluster of 3' })).toBeVisible();
  await page.keyboard.press('3');
  await expect(page.getByRole('status').filter({ hasText: 'Rated 3 (cluster of 3)' })).toBeVisible();
  for (const id of members) await expect(page.locator(`.mark[data-sample-id="${id}"]`)).toHaveAttribute('data-rating', '3');
  const afterCluster = 1 + members.filter((id) => id !== first).length;
  await expect(rated(page)).toHaveText(`${afterCluster}/${TOTAL} rated`);
  await expect(cell.locator('.cell-figures__rating')).toContainText('3.0 ± 0.0 (3/3)');

  // Everything is saved: after a reload, and in the CLI's export.
  await page.reload();
  await expect(rated(page)).toHaveText(`${afterCluster}/${TOTAL} rated`);
  const rows = exported(workbench.workspace, runId);
  expect(rows.size).toBe(TOTAL);
  for (const id of members) expect(rows.get(id)?.rating).toBe(3);
  if (!members.includes(first as string)) expect(rows.get(first as string)?.rating).toBe(4);
  expect(rows.get(second as string)).toMatchObject({ rating: members.includes(second as string) ? 3 : null, note: 'Too wordy for a one-word answer' });
  expect([...rows.values()].filter((row) => row.rating !== null)).toHaveLength(afterCluster);
  expect(errors).toEqual([]);
});

test('the older link opens the same review; similarity by an embedding model; tabs; an unknown run', async ({ page, workbench, runId }) => {
  const errors = collectErrors(page, [/status of 404/]);
  await page.goto(`${workbench.server.url}#/prompts/capital-city/runs/${runId}`);
  await expect(page.locator('.review[data-ready="true"]')).toBeVisible();
  // The sidebar marks the run's prompt.
  await expect(page.getByRole('list', { name: 'Prompts' }).locator('[aria-current="page"]')).toHaveAttribute('data-prompt-item', 'capital-city');

  // Embedding models found through the providers' model lists; clusters follow the chosen one.
  const source = page.getByLabel('Similarity');
  await expect(source.locator('option', { hasText: 'ollama/nomic-embed-text' })).toBeAttached();
  await source.selectOption('ollama/nomic-embed-text');
  await expect(page.locator('.grid-controls__busy.is-busy')).toHaveCount(0);
  await expect(page.locator('.grid-controls__error')).toHaveCount(0);
  await expect(page.locator('.cluster__count').first()).toHaveText(/×\d+/);
  await page.reload();
  await expect(page.getByLabel('Similarity')).toHaveValue('ollama/nomic-embed-text');
  await page.getByLabel('Similarity').selectOption('');
  await page.getByRole('tab', { name: 'Charts' }).click();
  await expect(page).toHaveURL(new RegExp(`#/runs/${runId}/charts$`));
  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(page).toHaveURL(new RegExp(`#/runs/${runId}/compare$`));

  await page.goto(`${workbench.server.url}#/runs/no-such-run`);
  await expect(page.getByRole('heading', { name: 'No such run' })).toBeVisible();
  expect(errors).toEqual([]);
});
