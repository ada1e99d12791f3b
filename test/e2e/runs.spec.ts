// Runs in browser mode against fake OpenAI, Anthropic and Ollama servers: configure a run in the
// dialog, watch the grid fill, cancel, resume, finish; confirm an expensive run; and the provider
// settings (keys, checks, endpoints).
import type { Page } from '@playwright/test';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders';
import { expect, test as base } from './fixtures';
import { collectErrors, saveThemedScreenshots } from './helpers';

interface Fakes {
  openai: FakeProvider;
  anthropic: FakeProvider;
  ollama: FakeProvider;
}

// Every call takes a moment, so progress can be watched (the Ollama share, one call at a time,
// keeps a run going for about 10 s).
const LATENCY_MS = 400;
const OPENAI_KEY = 'sk-test-e2e';
const ANTHROPIC_KEY = 'sk-ant-test-e2e';

const test = base.extend<{ fakes: Fakes }>({
  // eslint-disable-next-line no-empty-pattern
  fakes: async ({}, use) => {
    const fakes: Fakes = {
      openai: await startFakeProvider({ kind: 'openai', latencyMs: LATENCY_MS, apiKey: OPENAI_KEY }),
      // capital-city's sweep names claude-3-5-haiku-latest.
      anthropic: await startFakeProvider({ kind: 'anthropic', latencyMs: LATENCY_MS, apiKey: ANTHROPIC_KEY, models: ['claude-3-5-haiku-latest', 'claude-haiku-4-5'] }),
      ollama: await startFakeProvider({ kind: 'ollama', latencyMs: LATENCY_MS, models: ['llama3.2', 'qwen2.5:7b'] }),
    };
    await use(fakes);
    await Promise.all(Object.values(fakes).map((fake) => fake.close()));
  },
  workbenchEnv: async ({ fakes }, use) =>
    use({
      OPENAI_BASE_URL: fakes.openai.url,
      OPENAI_API_KEY: OPENAI_KEY,
      ANTHROPIC_BASE_URL: fakes.anthropic.url,
      ANTHROPIC_API_KEY: ANTHROPIC_KEY,
      OLLAMA_HOST: fakes.ollama.url,
    }),
});

/** The review grid draws only the rows in view: scrolls down until the cell is drawn. */
async function scrollToCell(page: Page, name: string) {
  const cell = page.getByRole('region', { name, exact: true });
  const grid = page.getByRole('region', { name: 'Samples by temperature' });
  for (let step = 0; step < 30 && (await cell.count()) === 0; step++) await grid.evaluate((element) => element.scrollBy(0, 240));
  await cell.scrollIntoViewIfNeeded();
  return cell;
}

async function openRunDialog(page: Page, url: string, discovered = true) {
  await page.goto(`${url}#/prompts/capital-city`);
  await expect(page.getByRole('heading', { level: 1, name: 'capital-city' })).toBeVisible();
  await page.keyboard.press('r');
  const dialog = page.getByRole('dialog', { name: 'Run “capital-city”' });
  await expect(dialog).toBeVisible();
  // Discovery asked each fake for its models.
  if (discovered) await expect(dialog.getByRole('checkbox', { name: 'openai/gpt-4o-mini' })).toBeChecked();
  return dialog;
}

test('a run configured in the dialog fills in live, cancels, resumes and completes', async ({ page, workbench, fakes }, testInfo) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  // Ollama's first call never answers, so the run is still going when Cancel is pressed, however
  // long the screenshots before it take on a busy machine. The cancel aborts it; Resume runs it again.
  fakes.ollama.inject({ fault: { type: 'stall' } });
  const dialog = await openRunDialog(page, workbench.server.url);

  // The file's sweep includes 1.5, which Anthropic refuses: the dialog says so before asking the core.
  const start = dialog.getByRole('button', { name: 'Start run' });
  await expect(dialog.getByText('Anthropic takes temperatures from 0 to 1; remove 1.5 from the sweep.')).toBeVisible();
  await expect(start).toBeDisabled();

  // Temperatures from the generator; fewer samples and cases, so the run is short.
  await dialog.getByLabel('Temperatures from').fill('0');
  await dialog.getByLabel('Temperatures to').fill('1');
  await dialog.getByLabel('Temperatures step').fill('0.5');
  await dialog.getByRole('button', { name: 'Fill' }).click();
  await expect(dialog.getByLabel('Temperatures', { exact: true })).toHaveValue('0, 0.5, 1');
  await dialog.getByLabel('Samples per cell').fill('4');
  await dialog.getByRole('button', { name: 'None', exact: true }).click();
  await dialog.getByRole('checkbox', { name: 'France (easy)' }).check();
  await dialog.getByRole('checkbox', { name: 'Japan (easy)' }).check();
  // A model typed by hand joins the picked ones (and is removed again).
  await dialog.getByPlaceholder('Type a model id').fill('openai/gpt-4o');
  await dialog.getByPlaceholder('Type a model id').press('Enter');
  await expect(dialog.getByRole('checkbox', { name: 'openai/gpt-4o', exact: true })).toBeChecked();
  await dialog.getByRole('button', { name: 'Remove openai/gpt-4o', exact: true }).click();

  // 3 models × 3 temperatures × 2 cases × 4 samples.
  const estimate = dialog.getByRole('region', { name: 'Estimate' });
  // The total (an earlier estimate's per-model rows may also say 72 while the form settles).
  await expect(estimate.locator('.run-estimate__value').getByText('72', { exact: true })).toBeVisible();
  await expect(estimate.getByText('18 cells')).toBeVisible();
  await expect(start).toBeEnabled();
  await saveThemedScreenshots(page, testInfo, 'runs-dialog');

  await start.click();
  await expect(page).toHaveURL(/#\/runs\/[^/]+$/);
  await expect(dialog).toBeHidden();
  const progress = page.getByRole('progressbar', { name: 'Samples done' });
  await expect(page.getByText('Running', { exact: true })).toBeVisible();
  // The grid fills in as batches arrive.
  await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  await saveThemedScreenshots(page, testInfo, 'runs-live');

  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Cancelled', { exact: true }).first()).toBeVisible();
  const resume = page.getByRole('button', { name: 'Resume' });
  await expect(resume).toBeVisible();
  const doneAtCancel = Number(await progress.getAttribute('aria-valuenow'));
  expect(doneAtCancel).toBeLessThan(72);
  // What the cancel left is marked in the grid, to be picked up by Resume.
  await expect(page.locator('.grid-cell__counts', { hasText: 'cancelled' }).first()).toBeVisible();

  await resume.click();
  await expect(page.getByText('Done', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(progress).toHaveAttribute('aria-valuenow', '72');
  await expect(page.getByText('72 of 72 done')).toBeVisible();
  // The review's grid: every cell full, none failed; 72 samples to rate.
  await expect(page.locator('.rated-count__text')).toHaveText('0/72 rated');
  await expect(page.locator('.grid-cell').first()).toContainText('4/4 ok');
  await expect(page.locator('.grid-cell__errors')).toHaveCount(0);

  // A sample's output in full, and exactly what was sent for it.
  const cell = await scrollToCell(page, 'openai/gpt-4o-mini, temperature 1, Japan (easy)');
  await expect(cell).toContainText('4/4 ok');
  await cell.locator('.cluster__text').first().click();
  const panel = page.getByRole('complementary', { name: 'Focused sample' });
  await expect(panel.locator('.focus-panel__cell')).toContainText('T 1');
  await expect(panel.locator('.sample-output')).not.toBeEmpty();
  await panel.getByText('What was sent').click();
  await expect(panel.getByRole('list', { name: 'Messages sent' })).toContainText('What is the capital of Japan?');
  await expect(panel.locator('.sample-sent')).toContainText('"temperature": 1');
  await saveThemedScreenshots(page, testInfo, 'runs-cell');

  // The Runs tab lists it, newest first.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Runs' }).click();
  await expect(page).toHaveURL(/#\/prompts\/capital-city\/runs$/);
  const row = page.locator('.runs-table__row').first();
  await expect(row).toContainText('Done');
  await expect(row).toContainText('72 / 0 / 72');
  await saveThemedScreenshots(page, testInfo, 'runs-list');
  expect(errors).toEqual([]);
});

test('a run above the cost threshold asks before it starts', async ({ page, workbench }) => {
  const errors = collectErrors(page);
  // Any paid run passes a $0 threshold.
  await page.goto(`${workbench.server.url}#/settings`);
  const threshold = page.getByLabel('Ask before runs costing more than ($)');
  await threshold.fill('0');
  await threshold.press('Enter');
  await expect(threshold).toHaveValue('0');
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);

  const dialog = await openRunDialog(page, workbench.server.url);
  await dialog.getByLabel('Temperatures', { exact: true }).fill('0, 1');
  await dialog.getByLabel('Samples per cell').fill('1');
  const estimate = dialog.getByRole('region', { name: 'Estimate' });
  await expect(estimate.getByText(/starting will ask you to confirm/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Start run' }).click();
  await expect(dialog.getByText(/above your \$0\.00 threshold/)).toBeVisible();
  await expect(page).toHaveURL(/#\/prompts\/capital-city$/);
  await dialog.getByRole('button', { name: /Start anyway/ }).click();
  await expect(page).toHaveURL(/#\/runs\/[^/]+$/);
  await expect(page.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  expect(errors).toEqual([]);
});

// No key from the environment for OpenAI, and Ollama pointed at a port nobody listens on.
const settingsTest = test.extend({
  workbenchEnv: async ({ fakes }, use) => {
    const closed = await startFakeProvider({ kind: 'ollama' });
    await closed.close();
    await use({
      OPENAI_BASE_URL: fakes.openai.url,
      OPENAI_API_KEY: undefined,
      ANTHROPIC_BASE_URL: fakes.anthropic.url,
      ANTHROPIC_API_KEY: ANTHROPIC_KEY,
      OLLAMA_HOST: closed.url,
    });
  },
});

settingsTest.describe('provider settings', () => {
  settingsTest('set a key for this session, check providers, add and remove an endpoint, override a price', async ({ page, workbench, fakes }, testInfo) => {
    const errors = collectErrors(page);
    await page.goto(workbench.server.url);
    // The status bar's gear, or Ctrl/Cmd+, opens Settings.
    await page.keyboard.press('ControlOrMeta+,');
    await expect(page).toHaveURL(/#\/settings$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

    const openai = page.getByRole('article', { name: 'OpenAI' });
    await expect(openai.getByText('From $OPENAI_BASE_URL; saving here overrides it.')).toBeVisible();
    await expect(openai.getByText('No key', { exact: true })).toBeVisible();
    // Without a key the fake refuses: the check says so.
    await openai.getByRole('button', { name: 'Check OpenAI' }).click();
    await expect(openai.locator('.provider-check--bad')).toBeVisible();

    await openai.getByLabel('API key').fill(OPENAI_KEY);
    await openai.getByRole('button', { name: 'Save key' }).click();
    await expect(openai.getByText('This session', { exact: true })).toBeVisible();
    await expect(openai.getByText(/Set for this session only/)).toBeVisible();
    await expect(openai.getByLabel('API key')).toHaveValue('');
    await expect(page.locator('body')).not.toContainText(OPENAI_KEY);
    await openai.getByRole('button', { name: 'Check OpenAI' }).click();
    await expect(openai.getByText(/Reachable/)).toBeVisible();
    await expect(openai.getByText('2 models')).toBeVisible();

    // Ollama is not running at its address: the check says what to do.
    const ollama = page.getByRole('article', { name: 'Ollama' });
    await ollama.getByRole('button', { name: 'Check Ollama' }).click();
    await expect(ollama.locator('.provider-check--bad')).toContainText(/Ollama/);
    await saveThemedScreenshots(page, testInfo, 'runs-settings');

    // A named OpenAI-compatible endpoint (here the same fake), with its own key.
    await page.getByRole('button', { name: 'Add an OpenAI-compatible endpoint' }).click();
    const form = page.getByRole('form', { name: 'Add an endpoint' });
    await form.getByLabel('Name').fill('Bad Name');
    await form.getByLabel('Address').fill(fakes.openai.url);
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(form.getByRole('alert')).toContainText('Name:');
    await form.getByLabel('Name').fill('lmstudio');
    await form.getByLabel('API key (optional)').fill(OPENAI_KEY);
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    const endpoint = page.getByRole('article', { name: 'lmstudio' });
    await expect(endpoint).toBeVisible();
    await expect(endpoint.getByText('This session', { exact: true })).toBeVisible();
    await endpoint.getByRole('button', { name: 'Check lmstudio' }).click();
    await expect(endpoint.getByText(/Reachable/)).toBeVisible();
    await endpoint.getByRole('button', { name: 'Remove endpoint' }).click();
    await expect(endpoint).toBeHidden();

    // A price of your own overrides the built-in one, and is kept.
    const prices = page.locator('.pricing');
    await prices.getByRole('row', { name: /openai\/gpt-4o-mini/ }).getByRole('button', { name: 'Override' }).click();
    await prices.getByLabel('Input price for openai/gpt-4o-mini').fill('0.2');
    await prices.getByRole('button', { name: 'Save prices' }).click();
    await expect(prices.getByRole('button', { name: 'Save prices' })).toHaveCount(0);
    await page.reload();
    await expect(page.locator('.pricing').getByLabel('Input price for openai/gpt-4o-mini')).toHaveValue('0.2');
    await expect(page.locator('.pricing').getByText('Yours (overrides built-in)')).toBeVisible();

    // Remove the session key again: back to no key.
    await openai.getByRole('button', { name: 'Remove key' }).click();
    await expect(openai.getByText('No key', { exact: true })).toBeVisible();
    expect(errors).toEqual([]);
  });
});

// OpenAI's key from the environment is wrong: the first call is refused and the run stops.
const wrongKeyTest = test.extend({
  workbenchEnv: async ({ fakes }, use) =>
    use({ OPENAI_BASE_URL: fakes.openai.url, OPENAI_API_KEY: 'sk-wrong', OLLAMA_HOST: fakes.ollama.url, ANTHROPIC_BASE_URL: fakes.anthropic.url }),
});

wrongKeyTest('a rejected key stops the run with the reason; a new key and Resume finish it', async ({ page, workbench }, testInfo) => {
  // Two runs, Settings and screenshots in both themes: more than the default budget on a busy machine.
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  const dialog = await openRunDialog(page, workbench.server.url, false);
  // Discovery already says what is wrong with OpenAI; the run is started anyway.
  await expect(dialog.getByRole('region', { name: 'OpenAI' })).toContainText(/key/i);
  for (const model of ['ollama/llama3.2', 'anthropic/claude-3-5-haiku-latest']) {
    await dialog.getByRole('button', { name: `Remove ${model}`, exact: true }).click();
  }
  await dialog.getByLabel('Temperatures', { exact: true }).fill('0, 1');
  await dialog.getByLabel('Samples per cell').fill('3');
  await expect(dialog.getByRole('region', { name: 'Estimate' }).locator('.run-estimate__value').getByText('36', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Start run' }).click();

  const banner = page.getByRole('alert').filter({ hasText: 'Stopped early' });
  await expect(banner).toContainText(/rejected the API key/);
  await expect(page.getByText('Interrupted', { exact: true })).toBeVisible();
  await saveThemedScreenshots(page, testInfo, 'runs-stopped');
  const runUrl = page.url();

  // Fix the key in Settings (for this session), come back and resume.
  await page.getByRole('link', { name: 'Settings' }).click();
  const openai = page.getByRole('article', { name: 'OpenAI' });
  await openai.getByLabel('API key').fill(OPENAI_KEY);
  await openai.getByRole('button', { name: 'Save key' }).click();
  await expect(openai.getByText('This session', { exact: true })).toBeVisible();
  await page.goto(runUrl);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(banner).toBeHidden();
  await expect(page.getByText('36 of 36 done')).toBeVisible();
  expect(errors).toEqual([]);
});
