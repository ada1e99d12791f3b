// The starter prompts run as shipped from the app: the fake providers on their own default models
// (what `npm run fake-providers` serves), default settings, the Run dialog opened and started as
// it comes. capital-city and product-description sweep to 1.5, which Anthropic cannot take: those
// cells are not sampled, said so in the estimate and in the grid, and the rest runs without a
// failure. The reason a Start is disabled stands beside it; a model the provider did not report is
// a warning, not a block.
import type { Page } from '@playwright/test';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders';
import { expect, test as base } from './fixtures';
import { collectErrors, saveThemedScreenshots } from './helpers';

const KEY = 'sk-starters-e2e';

const test = base.extend<{ fakes: FakeProvider[] }>({
  // eslint-disable-next-line no-empty-pattern
  fakes: async ({}, use) => {
    const fakes = [
      await startFakeProvider({ kind: 'openai', apiKey: KEY, record: false }),
      await startFakeProvider({ kind: 'anthropic', apiKey: KEY, record: false }),
      await startFakeProvider({ kind: 'ollama', record: false }),
    ];
    await use(fakes);
    await Promise.all(fakes.map((fake) => fake.close()));
  },
  workbenchEnv: async ({ fakes }, use) => {
    const [openai, anthropic, ollama] = fakes as [FakeProvider, FakeProvider, FakeProvider];
    await use({ OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: KEY, ANTHROPIC_BASE_URL: anthropic.url, ANTHROPIC_API_KEY: KEY, OLLAMA_HOST: ollama.url });
  },
});

async function openRunDialog(page: Page, url: string, prompt: string) {
  await page.goto(`${url}#/prompts/${prompt}`);
  await expect(page.getByRole('heading', { level: 1, name: prompt })).toBeVisible();
  await page.keyboard.press('r');
  const dialog = page.getByRole('dialog', { name: `Run “${prompt}”` });
  await expect(dialog).toBeVisible();
  // Discovery has answered for every provider.
  for (const provider of ['Ollama', 'OpenAI', 'Anthropic']) await expect(dialog.getByRole('region', { name: provider })).toContainText(/\d+ models?/);
  return dialog;
}

/** The review grid draws only the rows in view: scrolls down until the cell is drawn. */
async function scrollToCell(page: Page, name: string) {
  const cell = page.getByRole('region', { name, exact: true });
  const grid = page.getByRole('region', { name: 'Samples by temperature' });
  for (let step = 0; step < 60 && (await cell.count()) === 0; step++) await grid.evaluate((element) => element.scrollBy(0, 300));
  await cell.scrollIntoViewIfNeeded();
  return cell;
}

const sweepsTo15 = [
  { prompt: 'capital-city', skipped: '1.5', firstCase: 'France (easy)' },
  { prompt: 'product-description', skipped: '1.2, 1.5', firstCase: 'pour-over kettle' },
];

for (const { prompt, skipped, firstCase } of sweepsTo15) {
  test(`${prompt} runs as shipped: Anthropic's cells above 1 are not sampled, the rest completes with no failure`, async ({ page, workbench }, testInfo) => {
    test.setTimeout(180_000);
    const errors = collectErrors(page);
    const dialog = await openRunDialog(page, workbench.server.url, prompt);
    const start = dialog.getByRole('button', { name: 'Start run' });

    // The estimate says which cells are left out and why; nothing blocks Start.
    const notSampled = dialog.getByRole('region', { name: 'Not sampled' });
    await expect(notSampled).toContainText(`anthropic/claude-haiku-4-5at ${skipped}not sampled: Anthropic takes 0–1`);
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await expect(start).toBeEnabled();
    // Also beside Start, in view without scrolling.
    await expect(dialog.getByText(/calls · \$[\d.]+ · \d+ cells not sampled/)).toBeInViewport();
    if (prompt === 'capital-city') {
      await notSampled.scrollIntoViewIfNeeded();
      await saveThemedScreenshots(page, testInfo, 'starters-dialog', dialog);
    }

    await start.click();
    await expect(page).toHaveURL(/#\/runs\/[^/]+$/);
    await expect(page.getByText('Done', { exact: true })).toBeVisible({ timeout: 150_000 });
    const progress = page.getByRole('progressbar', { name: 'Samples done' });
    const total = await progress.getAttribute('aria-valuemax');
    await expect(progress).toHaveAttribute('aria-valuetext', `${total} of ${total} done`);
    await expect(page.locator('.run-progress__facts')).toContainText(' 0 errors');
    await expect(page.locator('.grid-cell__errors')).toHaveCount(0);

    // The grid keeps the cells' places: not sampled, with the reason, unlike a failed or pending cell.
    const cell = await scrollToCell(page, `anthropic/claude-haiku-4-5, temperature 1.5, ${firstCase}: not sampled`);
    await expect(cell).toContainText('Not sampled');
    await expect(cell).toContainText('Anthropic takes 0–1');
    await expect(cell.locator('.grid-cell__counts')).toHaveCount(0);
    // Anthropic's cell at 1 beside it was sampled, in full.
    await expect(page.getByRole('region', { name: `anthropic/claude-haiku-4-5, temperature 1, ${firstCase}`, exact: true })).toContainText(/(\d+)\/\1 ok/);
    if (prompt === 'capital-city') await saveThemedScreenshots(page, testInfo, 'starters-grid');
    expect(errors).toEqual([]);
  });
}

test('the reason Start is disabled stands beside it, and a model the provider did not report is a warning', async ({ page, workbench }, testInfo) => {
  const errors = collectErrors(page);
  const dialog = await openRunDialog(page, workbench.server.url, 'capital-city');
  const start = dialog.getByRole('button', { name: 'Start run' });
  const beside = dialog.getByRole('status', { name: 'Why Start is disabled' });

  // A model Anthropic did not list: warned about on its chip, in the estimate and beside Start, but Start stays enabled.
  await dialog.getByPlaceholder('Type a model id').fill('anthropic/claude-3-5-haiku-latest');
  await dialog.getByPlaceholder('Type a model id').press('Enter');
  await expect(dialog.getByRole('status', { name: 'Warnings' })).toContainText('“anthropic/claude-3-5-haiku-latest” is not among the models Anthropic reported');
  await expect(dialog.getByRole('img', { name: 'Not reported by Anthropic' })).toBeVisible();
  const footerWarning = dialog.getByText('Anthropic did not report anthropic/claude-3-5-haiku-latest');
  await expect(footerWarning).toBeInViewport();
  await expect(start).toBeEnabled();
  await expect(dialog.getByRole('region', { name: 'Not sampled' })).toContainText('anthropic/claude-3-5-haiku-latestat 1.5not sampled: Anthropic takes 0–1');
  await dialog.getByRole('status', { name: 'Warnings' }).scrollIntoViewIfNeeded();
  await saveThemedScreenshots(page, testInfo, 'starters-dialog-warning', dialog);

  // A field that makes no request: the reason is beside Start, without scrolling.
  await dialog.getByLabel('Temperatures', { exact: true }).fill('0, hot');
  await expect(start).toBeDisabled();
  await expect(beside).toContainText('Temperatures: “hot” is not a number.');
  await expect(beside).toBeInViewport();

  // The core's reason too: nothing left to sample when every model refuses every temperature.
  for (const model of ['ollama/llama3.2', 'openai/gpt-4o-mini', 'anthropic/claude-3-5-haiku-latest']) {
    await dialog.getByRole('button', { name: `Remove ${model}`, exact: true }).click();
  }
  await dialog.getByLabel('Temperatures', { exact: true }).fill('1.2, 1.5');
  await expect(beside).toContainText('Nothing left to sample: Anthropic takes 0–1.');
  await expect(beside).toBeInViewport();
  await expect(start).toBeDisabled();
  await saveThemedScreenshots(page, testInfo, 'starters-dialog-blocked', dialog);
  expect(errors).toEqual([]);
});
