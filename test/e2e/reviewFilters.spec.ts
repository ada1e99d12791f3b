// Search and filters in a run's review, in browser mode: `/` focuses the search, typing narrows the
// grid, rating / note / model filters combine with it (AND), j/k walk only what is kept, the count
// says how many, an empty result says so and clears, and the link holds the filters: a reload
// restores them.
import type { Page } from '@playwright/test';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders';
import { callApi, runToCompletion } from './coreApi';
import { expect, test as base } from './fixtures';
import { collectErrors, removeChecks, saveThemedScreenshots } from './helpers';

const MODELS = ['ollama/llama3.2', 'ollama/qwen2.5:7b'];
const CASES = ['France (easy)', 'Japan (easy)'];
/** 2 models × 2 temperatures × 2 cases × 4 samples. */
const TOTAL = 32;
/** Answers the fake gives in turn, so a search has something to find and something to leave out. */
const ANSWERS: Record<string, string[]> = {
  France: ['The capital of France is Paris.', 'Paris.', 'It is Paris, of course.'],
  Japan: ['The capital of Japan is Tokyo.', 'Tokyo.', 'Tokyo, not Kyoto.'],
};

const test = base.extend<{ ollama: FakeProvider }>({
  // eslint-disable-next-line no-empty-pattern
  ollama: async ({}, use) => {
    let turn = 0;
    const fake = await startFakeProvider({
      kind: 'ollama',
      models: ['llama3.2', 'qwen2.5:7b'],
      script: ({ user }) => {
        const answers = user.includes('Japan') ? ANSWERS.Japan : ANSWERS.France;
        return answers?.[turn++ % answers.length];
      },
    });
    await use(fake);
    await fake.close();
  },
  workbenchEnv: async ({ ollama }, use) => use({ OLLAMA_HOST: ollama.url }),
});

const count = (page: Page) => page.locator('.sample-filter__count');
const panel = (page: Page) => page.getByRole('complementary', { name: 'Focused sample' });
const position = (page: Page) => panel(page).locator('.focus-panel__position');
const cells = (page: Page) => page.locator('.grid-cell:not(.grid-cell--none)');
const has = (text: string | null, word: string) => (text ?? '').toLowerCase().includes(word);

test('search and filters narrow the grid, j/k stay within, and the link restores them', async ({ page, workbench }, testInfo) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  removeChecks(workbench.workspace, 'capital-city');
  const detail = await runToCompletion(workbench.server, { prompt: 'capital-city', models: MODELS, temperatures: [0, 1], cases: CASES, samples: 4 });
  const { runId } = detail.summary;
  const { samples } = detail;
  expect(samples).toHaveLength(TOTAL);
  const withCapital = samples.filter((sample) => has(sample.output, 'capital'));
  expect(withCapital.length).toBeGreaterThan(0);
  expect(withCapital.length).toBeLessThan(TOTAL);

  // Two ratings and a note, one of them on an answer that names "capital" and comes from qwen.
  const qwenCapital = withCapital.find((sample) => sample.model === 'ollama/qwen2.5:7b') ?? withCapital[0]!;
  const llamaCapital = withCapital.find((sample) => sample.model === 'ollama/llama3.2' && sample !== qwenCapital) ?? withCapital[1]!;
  const plain = samples.find((sample) => !has(sample.output, 'capital'))!;
  await callApi(workbench.server, 'rateSamples', { runId, sampleIds: [qwenCapital.sampleId, plain.sampleId], rating: 4 });
  await callApi(workbench.server, 'rateSamples', { runId, sampleIds: [llamaCapital.sampleId], rating: 4 });
  await callApi(workbench.server, 'setSampleNote', { runId, sampleId: qwenCapital.sampleId, note: 'Says it in full' });

  // Tall enough that the grid draws every row of this small run (it draws only the rows in view).
  await page.setViewportSize({ width: 1440, height: 1800 });
  // The page asks for the run before its app has loaded, and the app takes that answer: one request per load.
  let runRequests = 0;
  page.on('request', (request) => void (request.url().endsWith('/api/getRun') && (runRequests += 1)));
  await page.goto(`${workbench.server.url}#/runs/${runId}`);
  await expect(page.locator('.review[data-ready="true"]')).toBeVisible();
  expect(runRequests).toBe(1);
  await expect(count(page)).toHaveText(`${TOTAL} samples`);
  await expect(page.getByRole('button', { name: 'Clear filters' })).toHaveCount(0);
  const historyBefore = await page.evaluate(() => window.history.length);

  // `/` focuses the search (not the prompt list's filter); typing narrows the grid at once.
  await page.locator('.review-grid').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search outputs' });
  await expect(search).toBeFocused();
  await page.keyboard.type('CAPITAL');
  await expect(count(page)).toHaveText(`${withCapital.length} of ${TOTAL} samples`);
  const cellsWithCapital = new Set(withCapital.map((sample) => `${sample.model}|${sample.temperature}|${sample.case}`));
  await expect(cells(page)).toHaveCount(cellsWithCapital.size);
  // Only the clusters holding a match are shown.
  for (const text of await page.locator('.review-grid .cluster__text').allInnerTexts()) expect(text.toLowerCase()).toContain('capital');

  // Enter goes back to the grid; j/k walk only the samples kept, and stop at the last.
  await page.keyboard.press('Enter');
  await expect(search).not.toBeFocused();
  await expect(position(page)).toHaveText(new RegExp(`^Sample \\d+ of ${withCapital.length}$`));
  for (let press = 0; press < withCapital.length + 1; press++) {
    await page.keyboard.press('j');
    await expect(panel(page)).toContainText(/capital/i);
  }
  await expect(position(page)).toHaveText(`Sample ${withCapital.length} of ${withCapital.length}`);
  await page.keyboard.press('k');
  await expect(position(page)).toHaveText(`Sample ${withCapital.length - 1} of ${withCapital.length}`);

  // Rating 4 AND the search: the two rated answers naming "capital", not the plain one (rated 4 too).
  await page.getByRole('group', { name: 'Rating' }).getByRole('button', { name: '4', exact: true }).click();
  await expect(count(page)).toHaveText(`2 of ${TOTAL} samples`);
  // AND a note: one left.
  await page.getByRole('button', { name: 'Has note' }).click();
  await expect(count(page)).toHaveText(`1 of ${TOTAL} samples`);
  await expect(position(page)).toHaveText('Sample 1 of 1');
  await expect(panel(page)).toContainText('Says it in full');
  await page.getByRole('button', { name: 'Has note' }).click();
  // AND a model: only qwen's.
  await page.getByRole('button', { name: 'Model: all' }).click();
  await page.getByRole('group', { name: 'Model' }).getByRole('checkbox', { name: 'ollama/qwen2.5:7b' }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Model: ollama/qwen2.5:7b' })).toBeFocused();
  await expect(count(page)).toHaveText(`1 of ${TOTAL} samples`);
  await expect(position(page)).toHaveText('Sample 1 of 1');
  await saveThemedScreenshots(page, testInfo, 'review-filters', page.locator('.review'));

  // The link holds every filter (written without a history entry once typing rests); a reload restores them.
  await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('rating=4');
  const hash = await page.evaluate(() => window.location.hash);
  expect(hash).toMatch(new RegExp(`^#/runs/${runId}\\?`));
  const params = new URLSearchParams(hash.slice(hash.indexOf('?') + 1));
  expect(params.get('q')).toBe('CAPITAL');
  expect(params.getAll('model')).toEqual(['ollama/qwen2.5:7b']);
  // Filtering added no history entries: Back leaves the run in one step.
  expect(await page.evaluate(() => window.history.length)).toBe(historyBefore);
  await page.reload();
  await expect(page.locator('.review[data-ready="true"]')).toBeVisible();
  expect(runRequests).toBe(2);
  await expect(search).toHaveValue('CAPITAL');
  await expect(page.getByRole('group', { name: 'Rating' }).getByRole('button', { name: '4', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(count(page)).toHaveText(`1 of ${TOTAL} samples`);
  await expect(position(page)).toHaveText('Sample 1 of 1');

  // The filters travel with the views: Charts and back keep them.
  await page.getByRole('tab', { name: 'Charts' }).click();
  await page.getByRole('tab', { name: 'Grid' }).click();
  await expect(count(page)).toHaveText(`1 of ${TOTAL} samples`);

  // Nothing kept: the grid says so and offers to clear (no silent fall back to everything).
  await search.fill('no such words anywhere');
  await expect(count(page)).toHaveText(`0 of ${TOTAL} samples`);
  const none = page.getByRole('heading', { name: 'No samples match' });
  await expect(none).toBeVisible();
  await expect(cells(page)).toHaveCount(0);
  await saveThemedScreenshots(page, testInfo, 'review-filters-none', page.locator('.review'));
  await page.locator('.review__none-kept').getByRole('button', { name: 'Clear filters' }).click();
  await expect(count(page)).toHaveText(`${TOTAL} samples`);
  await expect(search).toHaveValue('');
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/runs/${runId}`);

  // Esc in the search clears it, and again leaves it.
  await page.keyboard.press('/');
  await page.keyboard.type('tokyo');
  await expect(count(page)).toHaveText(`${samples.filter((sample) => has(sample.output, 'tokyo')).length} of ${TOTAL} samples`);
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(search).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(search).not.toBeFocused();

  // A link made by hand opens filtered: the failed calls of a run without any show the empty state.
  await page.goto(`${workbench.server.url}#/runs/${runId}?failed=1`);
  await expect(page.getByRole('button', { name: 'Failed' })).toHaveAttribute('aria-pressed', 'true');
  await expect(none).toBeVisible();
  expect(errors).toEqual([]);
});

