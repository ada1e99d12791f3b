// A rubric's judge against people, in browser mode: the fake Ollama plays the judge (a scripted
// verdict per output). The review says there is nothing to compare until someone rates judged
// samples, judges undecided outputs on "Judge now" with what it took, then shows the agreement,
// the 2×2 table and what was left out, and its filter walks exactly the disagreements.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, testWithOllama } from './fixtures';
import { callApi, runToCompletion } from './coreApi';
import { collectErrors, promptFile, saveThemedScreenshots } from './helpers';
import type { RunDetail } from '../../shared/runs';

const test = testWithOllama();

const CASES = `- name: France (easy)
  input:
    country: France
  expect:
    - rubric: Names the capital and nothing else
      name: names the capital
`;

const JUDGE_MARKER = 'workbench-judge/1';
/** The scripted judge passes an output of even length, fails an odd one. */
const judgePasses = (output: string) => output.length % 2 === 0;
const outputIn = (user: string) => /<(output-[0-9a-f]{16})>\n([\s\S]*)\n<\/\1>/.exec(user)?.[2] ?? '';

const blockOf = (page: Page) => page.getByRole('region', { name: 'Judge vs people' });
const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Focused sample' });

test('the judge is compared with people’s ratings, judged on demand, and its disagreements are one filter away', async ({ page, workbench, ollama }, testInfo) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  // The rubric is written after the run: checks are the yardstick, not part of the run, so its six
  // outputs are undecided and nothing has judged them yet.
  const casesPath = promptFile(workbench.workspace, 'capital-city', '.cases.yaml');
  fs.writeFileSync(casesPath, CASES.replace(/ {2}expect:\n(?: {4}.*\n)+/g, ''));
  const detail = await runToCompletion(workbench.server, {
    prompt: 'capital-city',
    models: ['ollama/llama3.2'],
    temperatures: [1.5],
    cases: ['France (easy)'],
    samples: 6,
    seedMode: 'per-sample',
    seed: 42,
  });
  const runId = detail.summary.runId;
  await page.goto(`${workbench.server.url}#/runs/${runId}`);
  await expect(page.locator('.review[data-ready="true"]')).toBeVisible();
  // No rubric check: nothing about judges, and no such filter.
  const filter = page.getByRole('combobox', { name: 'Show' });
  await expect(filter).toBeVisible();
  await expect(filter.locator('option', { hasText: 'Judge disagrees' })).toHaveCount(0);
  const block = blockOf(page);
  await expect(block).toHaveCount(0);

  // The rubric written into the cases file appears at once, with nothing to compare yet.
  fs.writeFileSync(casesPath, CASES);
  await expect(block).toContainText('good = rated ≥ 4, bad = rated ≤ 2');
  await expect(block).toContainText('Rate some judged samples to see how far the judge agrees with you.', { timeout: 15_000 });
  const judgeNow = block.getByRole('button', { name: /^Judge now/ });
  await expect(judgeNow).toHaveText('Judge now (6)', { timeout: 15_000 });

  // "Judge now" decides the six, and says what it took.
  ollama.script(({ system, user }) => (system.includes(JUDGE_MARKER) ? JSON.stringify({ pass: judgePasses(outputIn(user)), reason: 'scripted' }) : undefined));
  await judgeNow.click();
  await expect(block.getByRole('status')).toHaveText(/^Judged 6 of 6 outputs · 6 calls · /, { timeout: 30_000 });
  // Nothing is undecided any more: the button goes, what judging did stays.
  await expect(judgeNow).toHaveCount(0);
  await expect(block.getByRole('status')).toHaveText(/^Judged 6 of 6 outputs · 6 calls · /);

  // People rate four judged samples: three agree with the judge, one does not; a 3 is left out.
  const samples = (await callApi<RunDetail>(workbench.server, 'getRun', { runId })).samples.filter((sample) => sample.status === 'ok');
  const rate = (index: number, agree: boolean) => {
    const sample = samples[index]!;
    const good = judgePasses(sample.output ?? '') === agree;
    return callApi(workbench.server, 'rateSamples', { runId, sampleIds: [sample.sampleId], rating: good ? 5 : 1 });
  };
  await rate(0, true);
  await rate(1, false);
  await rate(2, true);
  await rate(3, true);
  await callApi(workbench.server, 'rateSamples', { runId, sampleIds: [samples[4]!.sampleId], rating: 3 });

  const rubric = block.getByRole('group', { name: 'Judge vs people: names the capital' });
  await expect(rubric).toContainText('agree 75% of 4', { timeout: 15_000 });
  await expect(rubric).toContainText('1 judged sample rated between 2 and 4 left out');
  const cells = await rubric.locator('tbody td').allTextContents();
  expect(cells.map(Number).reduce((sum, count) => sum + count, 0)).toBe(4);
  expect(await rubric.locator('td.judge-agreement__off').allTextContents()).toEqual(['1']);
  await saveThemedScreenshots(page, testInfo, 'review-judge-agreement', block);

  // The disagreement is one filter away, and j/k walk only it.
  await filter.selectOption({ label: 'Judge disagrees with a person (1)' });
  await expect(panelOf(page)).toContainText('Sample 1 of 1');
  await page.keyboard.press('j');
  await expect(panelOf(page)).toContainText('Sample 1 of 1');
  await saveThemedScreenshots(page, testInfo, 'review-judge-disagrees');
  expect(errors).toEqual([]);
});
