// Checks in the review, in browser mode against a fake Ollama: a prompt's cases file says what each
// answer must be; the grid shows each cell's pass rate with its interval and label, marks the
// failing answers, the focused sample's panel says why each check passed or failed, the toolbar
// filters to what fails, and editing a check in the file re-measures the run with no new run.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, testWithOllama } from './fixtures';
import { callApi, runToCompletion } from './coreApi';
import { collectErrors, promptFile, removeChecks, saveThemedScreenshots } from './helpers';

const test = testWithOllama();

// With per-sample seeds the fake's answers are fixed: France at temperature 0 runs 33 words each
// time; at 1.5 it runs 40, 14, 37, 36, 36 and 38. No answer about Japan names Tokyo.
const CASES = `- name: France (easy)
  input:
    country: France
  expect:
    - max-words: 35
      name: short answer
- name: Japan (easy)
  input:
    country: Japan
  expect:
    - contains: Tokyo
      name: names Tokyo
`;

const MODEL = 'ollama/llama3.2';
const cellOf = (page: Page, temperature: number, caseName: string) => page.getByRole('region', { name: `${MODEL}, temperature ${temperature}, ${caseName}`, exact: true });
const badgeOf = (page: Page, temperature: number, caseName: string) => cellOf(page, temperature, caseName).locator('.pass-rate');
const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Focused sample' });
const filterOf = (page: Page) => page.getByRole('combobox', { name: 'Show' });

test('pass rates, failing answers, verdicts and filters follow the prompt’s checks, and an edit re-measures the run', async ({ page, workbench }, testInfo) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  // Only this spec's checks: the starter's own (one word, the right capital) are taken out.
  removeChecks(workbench.workspace, 'capital-city');
  const casesPath = promptFile(workbench.workspace, 'capital-city', '.cases.yaml');
  fs.writeFileSync(casesPath, CASES);
  const detail = await runToCompletion(workbench.server, {
    prompt: 'capital-city',
    models: [MODEL],
    temperatures: [0, 1.5],
    cases: ['France (easy)', 'Japan (easy)'],
    samples: 6,
    seedMode: 'per-sample',
    seed: 42,
  });
  expect(detail.summary).toMatchObject({ ok: 24, errors: 0 });

  await page.goto(`${workbench.server.url}#/runs/${detail.summary.runId}`);
  await expect(page.locator('.review[data-ready="true"]')).toBeVisible();

  // Each cell: its label (words and a glyph, not colour alone), k/n and the 95% interval.
  await expect(badgeOf(page, 0, 'France (easy)')).toHaveText('✓stable pass 6/6 [61%, 100%]');
  await expect(badgeOf(page, 1.5, 'France (easy)')).toHaveText('◐flaky 17% 1/6 [3%, 56%]');
  await expect(badgeOf(page, 0, 'Japan (easy)')).toHaveText('✕stable fail 0/6 [0%, 39%]');
  await expect(badgeOf(page, 1.5, 'Japan (easy)')).toHaveText('✕stable fail 0/6 [0%, 39%]');
  // The tooltip says how to read the interval and pass^N.
  const title = await badgeOf(page, 1.5, 'France (easy)').getAttribute('title');
  expect(title).toContain('1 of 6 finished samples passed every check.');
  expect(title).toContain('95% interval [3%, 56%] (Wilson)');
  expect(title).toContain('pass^5 0% [0%, 6%]: the chance that 5 fresh samples all pass.');
  await expect(page.locator('.checks-bar__overall')).toHaveText('Checks 29% pass [15%, 49%]');

  // Failing answers are marked in their cluster, said in words to a screen reader.
  await expect(cellOf(page, 0, 'Japan (easy)').getByRole('img', { name: 'All 6 fail a check' })).toBeVisible();
  await expect(cellOf(page, 0, 'France (easy)').getByRole('img', { name: /fail a check/ })).toHaveCount(0);
  await expect(cellOf(page, 0, 'Japan (easy)').locator('.mark[data-check="failed"]')).toHaveCount(6);
  await saveThemedScreenshots(page, testInfo, 'review-checks-grid');

  // The focused sample lists every check that applies to it, with why it failed.
  const panel = panelOf(page);
  await cellOf(page, 0, 'Japan (easy)').locator('.cluster__text').first().click();
  const verdicts = panel.getByRole('region', { name: 'Checks' });
  await expect(verdicts).toContainText('Checks 0 of 1 pass');
  await expect(verdicts.locator('.verdict--failed')).toHaveText('✕names Tokyo · this case"Tokyo" not found');
  await expect(verdicts.getByRole('img', { name: 'Failed' })).toBeVisible();
  await cellOf(page, 0, 'France (easy)').locator('.cluster__text').first().click();
  await expect(verdicts.locator('.verdict--passed')).toHaveText('✓short answer · this case');
  await expect(verdicts).toContainText('Checks 1 of 1 passes');
  await saveThemedScreenshots(page, testInfo, 'review-checks-panel', panel);

  // Filters: one check's failures, then the flaky cells, then every failing sample; j/k walk only those.
  const filter = filterOf(page);
  await expect(filter.locator('option')).toHaveText(['All samples', 'Failing samples (17)', 'Flaky cells (1)', 'short answer · France (easy) (5)', 'names Tokyo · Japan (easy) (12)']);
  await filter.selectOption({ label: 'short answer · France (easy) (5)' });
  await expect(page.locator('.grid-cell:not(.grid-cell--none)')).toHaveCount(1);
  await expect(cellOf(page, 1.5, 'France (easy)')).toBeVisible();
  await expect(panel).toContainText(/Sample \d of 5/);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(panel.getByRole('region', { name: 'Checks' }).locator('.verdict--failed')).toContainText('words, more than 35');
  await saveThemedScreenshots(page, testInfo, 'review-checks-filtered');
  await filter.selectOption({ label: 'Flaky cells (1)' });
  await expect(page.locator('.grid-cell:not(.grid-cell--none)')).toHaveCount(1);
  await expect(panel).toContainText(/Sample \d of 6/);
  await filter.selectOption({ label: 'Failing samples (17)' });
  await expect(page.locator('.grid-cell:not(.grid-cell--none)')).toHaveCount(3);
  await expect(panel).toContainText(/Sample \d+ of 17/);
  await filter.selectOption({ label: 'names Tokyo · Japan (easy) (12)' });
  await expect(page.locator('.grid-cell:not(.grid-cell--none)')).toHaveCount(2);

  // An edit of the check in the file re-measures the stored answers: no new run.
  fs.writeFileSync(casesPath, CASES.replace('- contains: Tokyo\n      name: names Tokyo', '- contains: Japan\n      name: names Japan'));
  await expect(badgeOf(page, 0, 'Japan (easy)')).toHaveText('✓stable pass 6/6 [61%, 100%]', { timeout: 15_000 });
  await expect(badgeOf(page, 1.5, 'Japan (easy)')).toHaveText('✓stable pass 6/6 [61%, 100%]');
  // The check filtered on is gone, so the whole run shows again.
  await expect(filter).toHaveValue('');
  await expect(page.locator('.grid-cell:not(.grid-cell--none)')).toHaveCount(4);
  await expect(filter.locator('option')).toHaveText(['All samples', 'Failing samples (5)', 'Flaky cells (1)', 'short answer · France (easy) (5)', 'names Japan · Japan (easy) (0)']);

  // The chart of pass rate against temperature, with its intervals.
  await page.getByRole('tab', { name: 'Charts' }).click();
  const chart = page.getByRole('region', { name: 'Pass rate by temperature' });
  await expect(chart.locator('.recharts-errorBar')).not.toHaveCount(0);
  await saveThemedScreenshots(page, testInfo, 'review-checks-chart', chart);
  await page.getByRole('tab', { name: 'Grid' }).click();

  // Without checks: nothing new in the cells, one hint where the pass rate was.
  fs.writeFileSync(casesPath, CASES.replace(/ {2}expect:\n(?: {4}.*\n)+/g, ''));
  await expect(page.locator('.checks-bar--hint')).toHaveText('No checks: expect: in Cases, or metadata.workbench.checks', { timeout: 15_000 });
  await expect(page.locator('.checks-bar--hint').getByRole('link', { name: 'Cases' })).toHaveAttribute('href', '#/prompts/capital-city/cases');
  await expect(page.locator('.pass-rate')).toHaveCount(0);
  await expect(page.locator('.mark[data-check="failed"]')).toHaveCount(0);
  await expect(panel.getByRole('region', { name: 'Checks' })).toHaveCount(0);
  await saveThemedScreenshots(page, testInfo, 'review-checks-none', page.locator('.review-toolbar'));
  // A check that cannot be read is left out, and the toolbar says where it is.
  fs.writeFileSync(casesPath, CASES.replace('- contains: Tokyo', '- regex: "(a+)+"'));
  const unread = page.locator('.checks-bar__problems');
  await expect(unread).toHaveText('1 check not read', { timeout: 15_000 });
  await expect(unread).toHaveAttribute('title', /capital-city\.cases\.yaml:\d+ /);
  // All of that was the one run, measured again: no other was started.
  expect((await callApi<unknown[]>(workbench.server, 'listRuns', { prompt: 'capital-city' })).length).toBe(1);
  expect(errors).toEqual([]);
});

const slowTest = testWithOllama({ latencyMs: 400 });

slowTest('a live run’s pass rates fill in as its samples finish', async ({ page, workbench }) => {
  slowTest.setTimeout(90_000);
  const errors = collectErrors(page);
  removeChecks(workbench.workspace, 'capital-city');
  fs.writeFileSync(promptFile(workbench.workspace, 'capital-city', '.cases.yaml'), CASES);
  const run = await callApi<{ runId: string }>(workbench.server, 'startRun', { prompt: 'capital-city', models: [MODEL], temperatures: [0], cases: ['France (easy)'], samples: 40, confirmed: true });
  await page.goto(`${workbench.server.url}#/runs/${run.runId}`);
  const badge = badgeOf(page, 0, 'France (easy)');
  // Part way, the count moves on while the run is still going: the figures follow the run, not only its end.
  const counted = async () => Number(/ (\d+)\/\d+ /.exec((await badge.textContent({ timeout: 20_000 })) ?? '')?.[1] ?? 0);
  await expect.poll(counted, { timeout: 20_000 }).toBeGreaterThan(0);
  const first = await counted();
  expect(first).toBeLessThan(30);
  await expect.poll(async () => { const now = await counted(); return now > first && now < 40; }, { timeout: 20_000, intervals: [200] }).toBe(true);
  await expect(badge).toHaveText('✓stable pass 40/40 [91%, 100%]', { timeout: 60_000 });
  expect(errors).toEqual([]);
});
