// The run's charts and the comparison of two runs, in browser mode against the fake OpenAI server.
// Runs are started and rated through the HTTP API (the dialog and the keyboard rating have their
// own specs), so these tests look only at what the charts and the comparison make of them.
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { RunDetail } from '../../shared/runs';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders';
import type { ServeProcess } from '../support/workbenchCli';
import { expect, test as base } from './fixtures';
import { collectErrors, saveThemedScreenshots } from './helpers';
import { callApi, runToCompletion } from './coreApi';

const OPENAI_KEY = 'sk-test-e2e';

const test = base.extend<{ openai: FakeProvider }>({
  // eslint-disable-next-line no-empty-pattern
  openai: async ({}, use) => {
    const fake = await startFakeProvider({ kind: 'openai', apiKey: OPENAI_KEY });
    await use(fake);
    await fake.close();
  },
  workbenchEnv: async ({ openai }, use) => use({ OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: OPENAI_KEY }),
});

/** Starts a run of capital-city and waits until every sample is in. */
async function finishedRun(server: ServeProcess, temperatures: number[], samples: number): Promise<RunDetail> {
  return runToCompletion(server, {
    prompt: 'capital-city',
    models: ['openai/gpt-4o-mini', 'openai/gpt-4o'],
    temperatures,
    cases: ['France (easy)', 'Bolivia (two capitals)'],
    samples,
  });
}

/** Rates every sample by a rule of its model and temperature, so the charts have a shape to show. */
async function rateAll(server: ServeProcess, detail: RunDetail, score: (model: string, temperature: number, index: number) => number): Promise<void> {
  const groups = new Map<number, string[]>();
  for (const sample of detail.samples) {
    const rating = Math.min(5, Math.max(1, score(sample.model, sample.temperature, sample.index)));
    groups.set(rating, [...(groups.get(rating) ?? []), sample.sampleId]);
  }
  for (const [rating, sampleIds] of groups) await callApi(server, 'rateSamples', { runId: detail.summary.runId, sampleIds, rating });
}

async function download(page: Page, card: Locator, format: 'SVG' | 'PNG'): Promise<Buffer> {
  await card.getByRole('button', { name: /^Export/ }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: `Export as ${format}` }).click()]);
  const target = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(target);
  return fs.readFileSync(target);
}

test('the charts show ratings, consistency and lengths, and export as SVG and PNG', async ({ page, workbench }, testInfo) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  const detail = await finishedRun(workbench.server, [0, 0.7, 1.2], 4);

  await page.goto(`${workbench.server.url}#/runs/${detail.summary.runId}/charts`);
  const rating = page.getByRole('region', { name: 'Mean rating by temperature' });
  await expect(rating).toContainText('Rate some samples to see this chart.');
  await expect(page.getByRole('region', { name: 'Rating distribution' })).toContainText('Rate some samples to see this chart.');
  // Consistency and lengths need no ratings.
  await expect(page.getByRole('region', { name: 'Consistency by temperature' }).locator('svg.recharts-surface')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Output length per cell' }).locator('svg.recharts-surface')).toBeVisible();

  // gpt-4o-mini gets worse as it heats up, gpt-4o stays good; the index spreads the ratings.
  await rateAll(workbench.server, detail, (model, temperature, index) => (model.endsWith('mini') ? 5 - Math.round(temperature * 2) : 4) + (index % 2));
  await page.reload();
  await expect(rating.locator('svg.recharts-surface')).toBeVisible();
  await expect(rating.getByRole('list', { name: 'Legend' })).toContainText('openai/gpt-4o-mini');
  // A line per model, with 95% interval bars.
  await expect(rating.locator('.recharts-line')).toHaveCount(2);
  // (gpt-4o at 0.7 has ratings 4 and 5, so a bar with height; all-equal ratings give a flat one.)
  expect(await rating.locator('.recharts-errorBar line').count()).toBeGreaterThan(0);
  // Consistency is averaged over the cases, with its 95% interval as for ratings.
  const consistency = page.getByRole('region', { name: 'Consistency by temperature' });
  expect(await consistency.locator('.recharts-errorBar line').count()).toBeGreaterThan(0);
  await consistency.locator('svg.recharts-surface').hover();
  await expect(consistency.locator('.chart-tooltip')).toContainText(/\d\.\d\d \(-?\d\.\d\d–\d\.\d\d\)/);
  await page.mouse.move(0, 0);
  const distribution = page.getByRole('region', { name: 'Rating distribution' });
  await expect(distribution.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Output length per cell' }).locator('.length-box')).toHaveCount(12);
  // Hovering a temperature lists each model's mean, its interval and how many are rated.
  await rating.locator('svg.recharts-surface').hover();
  await expect(rating.locator('.chart-tooltip')).toContainText(/Temperature 0\.7.*openai\/gpt-4o-mini.*rated/);
  await saveThemedScreenshots(page, testInfo, 'review-charts');
  await page.setViewportSize({ width: 1280, height: 1300 });
  await saveThemedScreenshots(page, testInfo, 'review-charts-all', page.locator('.run-charts'));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.mouse.move(0, 0);

  const svg = (await download(page, rating, 'SVG')).toString('utf8');
  expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  expect(svg).toContain('Mean rating by temperature');
  // Colours are inlined, not CSS variables the file would not know.
  expect(svg).not.toContain('var(--');
  expect(svg).not.toMatch(/\sclass=/);
  const parsed = await page.evaluate((text) => {
    const document = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: document.querySelector('parsererror')?.textContent ?? null, root: document.documentElement.nodeName, paths: document.querySelectorAll('path').length };
  }, svg);
  expect(parsed).toMatchObject({ error: null, root: 'svg' });
  expect(parsed.paths).toBeGreaterThan(1);

  const png = await download(page, distribution, 'PNG');
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // Drawn at twice the size on screen.
  const width = png.readUInt32BE(16);
  const box = await distribution.locator('svg.recharts-surface').boundingBox();
  expect(width).toBeGreaterThanOrEqual(Math.floor((box?.width ?? 0) * 2));
  expect(errors).toEqual([]);
});

test('two runs of one prompt compare side by side with their changes and a summary', async ({ page, workbench }, testInfo) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  const before = await finishedRun(workbench.server, [0, 1.2], 3);
  const after = await finishedRun(workbench.server, [0, 1.2], 3);
  await rateAll(workbench.server, before, () => 2);
  await rateAll(workbench.server, after, (_model, _temperature, index) => 4 + (index % 2));

  // Without a pick, the latest other finished run is suggested.
  await page.goto(`${workbench.server.url}#/runs/${after.summary.runId}/compare`);
  await expect(page.getByLabel('Compare with')).toHaveValue(before.summary.runId);
  const summary = page.getByRole('region', { name: 'What changed' });
  // 3 samples a cell rated 4, 5, 4 against 2 everywhere.
  await expect(summary).toContainText('Mean rating rose from 2.0 to 4.3');

  const overall = page.getByRole('table', { name: 'Overall figures' });
  const ratingRow = overall.getByRole('row', { name: /Mean rating/ });
  await expect(ratingRow).toContainText('2.00');
  await expect(ratingRow).toContainText('4.33');
  await expect(ratingRow.locator('[data-tone]')).toHaveAttribute('data-tone', 'better');
  await expect(ratingRow).toContainText('+2.33');
  // Every cell is in both runs: 2 models × 2 temperatures × 2 cases.
  await expect(page.getByRole('table', { name: 'Cells in both runs' }).locator('tbody tr')).toHaveCount(8);
  await saveThemedScreenshots(page, testInfo, 'review-compare');
  await page.setViewportSize({ width: 1280, height: 1400 });
  await saveThemedScreenshots(page, testInfo, 'review-compare-all', page.locator('.compare'));
  await page.setViewportSize({ width: 1280, height: 800 });

  // The other way round, linked directly: the same changes, reversed.
  await page.goto(`${workbench.server.url}#/runs/${before.summary.runId}/compare/${after.summary.runId}`);
  await expect(page.getByLabel('Compare with')).toHaveValue(after.summary.runId);
  await expect(summary).toContainText('Mean rating fell from 4.3 to 2.0');
  await expect(overall.getByRole('row', { name: /Mean rating/ }).locator('[data-tone]')).toHaveAttribute('data-tone', 'worse');
  expect(errors).toEqual([]);
});
