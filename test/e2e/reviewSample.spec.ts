// The sample view in browser mode: model output is text (or sanitised markdown) and nothing else.
// The hostile outputs come back from the fake OpenAI server as its answers (`reply` rules), through
// the real SDK and runner, the way a real model's answer would land in the run.
import type { RunDetail } from '../../shared/runs';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders';
import type { ServeProcess } from '../support/workbenchCli';
import { expect, test as base } from './fixtures';
import { collectErrors, saveThemedScreenshots } from './helpers';
import { runToCompletion } from './coreApi';

const OPENAI_KEY = 'sk-test-e2e';

const HOSTILE = [
  'Here is the capital: <img src=x onerror="window.__xss=1">',
  '',
  '<script>window.__xss=2</script>',
  '',
  '![x](http://example.com/x.png) and [a link](javascript:window.__xss=3)',
].join('\n');

const MARKDOWN = [
  '## Capital of France',
  '',
  'The capital is **Paris**, on the *Seine*. See [the city’s site](https://www.paris.fr/) for more.',
  '',
  '- Population: about 2.1 million',
  '- Region: Île-de-France',
  '',
  '| City | Role |',
  '| --- | --- |',
  '| Paris | Capital |',
  '| Lyon | Second city |',
  '',
  '```json',
  '{ "answer": "Paris" }',
  '```',
].join('\n');

const test = base.extend<{ openai: FakeProvider }>({
  // eslint-disable-next-line no-empty-pattern
  openai: async ({}, use) => {
    const fake = await startFakeProvider({ kind: 'openai', apiKey: OPENAI_KEY });
    await use(fake);
    await fake.close();
  },
  workbenchEnv: async ({ openai }, use) => use({ OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: OPENAI_KEY }),
});

/** A finished run of greedy answers of which samples 1…N answered the given outputs instead. */
async function runWithOutputs(server: ServeProcess, openai: FakeProvider, outputs: string[]): Promise<{ detail: RunDetail; ids: string[] }> {
  // One call at a time, so the chosen replies reach samples 1…N in order.
  openai.inject({ fault: { type: 'slow', delayMs: 0 } }, ...outputs.map((text) => ({ fault: { type: 'reply' as const, text } })));
  const run = await runToCompletion(server, {
    prompt: 'capital-city',
    models: ['openai/gpt-4o-mini'],
    temperatures: [0],
    cases: ['France (easy)'],
    samples: 2 + outputs.length,
    seedMode: 'per-sample',
    concurrency: 1,
  });
  const ids = run.samples.sort((a, b) => a.index - b.index).slice(1, 1 + outputs.length).map((sample) => sample.sampleId);
  return { detail: run, ids };
}

test('hostile model output renders as text in both modes and runs or loads nothing', async ({ page, workbench, openai }, testInfo) => {
  test.setTimeout(60_000);
  const errors = collectErrors(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const { detail, ids } = await runWithOutputs(workbench.server, openai, [HOSTILE]);

  await page.goto(`${workbench.server.url}#/runs/${detail.summary.runId}`);
  await page.locator(`button[data-sample-id="${ids[0]}"]`).click();
  const view = page.getByRole('article', { name: /^Sample/ });
  const output = view.getByTestId('sample-output');
  const showAs = view.getByRole('group', { name: 'Show output as' });

  // Plain text is the default: every character as the model wrote it.
  await showAs.getByRole('button', { name: 'Text' }).click();
  await expect(output).toHaveText(HOSTILE, { useInnerText: true });

  await showAs.getByRole('button', { name: 'Markdown' }).click();
  await expect(showAs.getByRole('button', { name: 'Markdown' })).toHaveAttribute('aria-pressed', 'true');
  // Raw HTML stays text; the image is named, never loaded; the javascript: link is inert.
  await expect(output).toContainText('<img src=x onerror="window.__xss=1">');
  await expect(output).toContainText('<script>window.__xss=2</script>');
  await expect(output).toContainText('[image: x — http://example.com/x.png]');
  await expect(output.locator('a')).toHaveCount(0);
  await expect(output.getByText('a link')).toBeVisible();
  await output.getByText('a link').click();
  await expect(page).toHaveURL(new RegExp(`#/runs/${detail.summary.runId}$`));

  // The word diff against the three ordinary answers is text too.
  await expect(view.getByTestId('sample-word-diff')).toContainText('<script>window.__xss=2</script>');

  expect(await page.locator('img[src="x"], img[src*="example.com"], script:not([src])').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(requests.filter((url) => url.includes('example.com'))).toEqual([]);
  await saveThemedScreenshots(page, testInfo, 'review-sample-hostile');
  expect(errors).toEqual([]);
});

test('the sample view shows markdown, metadata and the word diff, and remembers the mode', async ({ page, workbench, openai }, testInfo) => {
  test.setTimeout(60_000);
  const errors = collectErrors(page);
  const { detail, ids } = await runWithOutputs(workbench.server, openai, [MARKDOWN]);
  const sample = detail.samples.find((entry) => entry.sampleId === ids[0]);

  await page.goto(`${workbench.server.url}#/runs/${detail.summary.runId}`);
  await page.locator(`button[data-sample-id="${ids[0]}"]`).click();
  const view = page.getByRole('article', { name: /^Sample/ });
  const showAs = view.getByRole('group', { name: 'Show output as' });
  await showAs.getByRole('button', { name: 'Text' }).click();
  await expect(view.getByTestId('sample-output')).toContainText('## Capital of France');

  // Metadata of the sample, as recorded.
  const details = view.getByRole('region', { name: 'Details' });
  await expect(details).toContainText('openai/gpt-4o-mini');
  await expect(details).toContainText('Temperature0');
  await expect(details).toContainText(`Seed${sample?.seed}`);
  await expect(details).toContainText('Finish reasonstop');
  await expect(details).toContainText(/Tokens[\d,]+ in · [\d,]+ out/);
  await expect(details).toContainText(/Latency\d/);
  // Against the most common answer (the untouched greedy ones), word by word.
  const diff = view.getByRole('region', { name: 'Difference from the most common output' });
  await expect(diff.locator('ins').first()).toBeVisible();
  await expect(diff.locator('del').first()).toBeVisible();
  await saveThemedScreenshots(page, testInfo, 'review-sample-text');
  // The whole view, in a window tall enough to show it unscrolled.
  await page.setViewportSize({ width: 1280, height: 1500 });
  await saveThemedScreenshots(page, testInfo, 'review-sample-view-text', view);

  await showAs.getByRole('button', { name: 'Markdown' }).click();
  const output = view.getByTestId('sample-output');
  await expect(output.getByRole('heading', { name: 'Capital of France' })).toBeVisible();
  await expect(output.getByRole('table')).toBeVisible();
  await expect(output.getByRole('link', { name: 'the city’s site' })).toHaveAttribute('target', '_blank');
  await saveThemedScreenshots(page, testInfo, 'review-sample-view-markdown', view);
  await page.setViewportSize({ width: 1280, height: 800 });
  await saveThemedScreenshots(page, testInfo, 'review-sample-markdown');

  // The mode is remembered across a reload.
  await page.reload();
  await page.locator(`button[data-sample-id="${ids[0]}"]`).click();
  await expect(view.getByRole('group', { name: 'Show output as' }).getByRole('button', { name: 'Markdown' })).toHaveAttribute('aria-pressed', 'true');

  // An untouched sample is the most common output itself.
  const ordinary = [...detail.samples].sort((a, b) => a.index - b.index).find((entry) => !ids.includes(entry.sampleId));
  await page.locator(`button[data-sample-id="${ordinary?.sampleId}"]`).click();
  await expect(view.getByText('Same as the most common output.')).toBeVisible();

  // Blind review hides what would name the model or its settings.
  await page.getByRole('button', { name: /Blind/ }).click();
  await expect(details).not.toContainText('openai/gpt-4o-mini');
  await expect(details).not.toContainText('Temperature');
  await expect(details).not.toContainText('Seed');
  await expect(details).toContainText('Tokens');
  expect(errors).toEqual([]);
});
