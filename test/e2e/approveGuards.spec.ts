// The Approve dialog says what stands in the way as soon as it opens, not after the click: a run of
// a prompt that changed since cannot be approved (and says what to do instead); a run that stopped
// part way, whose answers are barely rated, or that passes its checks less often than the
// workspace's gate, can be approved once the person ticks that they know.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import type { RunDetail, RunSummary } from '../../shared/runs';
import { gitCli } from '../support/git';
import type { ServeProcess } from '../support/workbenchCli';
import { callApi, runToCompletion } from './coreApi';
import { expect, testWithOllama } from './fixtures';
import { collectErrors, promptFile, saveThemedScreenshots } from './helpers';

const PROMPT = 'capital-city';

// Each answer takes a moment, so a run can be cancelled part way.
const test = testWithOllama({ latencyMs: 150 });

const RUN = { prompt: PROMPT, models: ['ollama/llama3.2'], temperatures: [0, 1], cases: ['France (easy)'], samples: 20, concurrency: 1 };

const setAuthor = (server: ServeProcess) => callApi(server, 'setSetting', { key: 'author', value: { name: 'Ada Lovelace', email: 'ada@example.com' } });

async function openApproveDialog(page: Page, server: ServeProcess, runId: string) {
  await page.goto(`${server.url}#/runs/${runId}`);
  await expect(page.locator('.review[data-ready="true"]')).toBeVisible();
  await page.getByRole('button', { name: 'Approve…' }).click();
  const dialog = page.getByRole('dialog', { name: `Approve “${PROMPT}”` });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a run of a prompt that changed since is refused in the dialog, before any click', async ({ page, workbench }, testInfo) => {
  const errors = collectErrors(page);
  await setAuthor(workbench.server);
  const run = await runToCompletion(workbench.server, { ...RUN, samples: 2 });
  fs.appendFileSync(promptFile(workbench.workspace, PROMPT), 'Answer in English.\n');

  const dialog = await openApproveDialog(page, workbench.server, run.summary.runId);
  const guards = dialog.getByRole('region', { name: 'Why this run can’t be approved' });
  await expect(guards).toContainText('The prompt changed since this run');
  await expect(guards).toContainText(`prompts/${PROMPT}.prompt holds different text now`);
  await expect(guards).toContainText('Run the current prompt and approve that run, or restore the version that was run.');
  await expect(dialog.getByRole('button', { name: 'Approve and commit' })).toBeDisabled();
  // A block is not something to acknowledge.
  await expect(dialog.getByRole('checkbox', { name: 'Approve with this evidence anyway' })).toHaveCount(0);
  await saveThemedScreenshots(page, testInfo, 'approve-guard-stale', dialog);

  // The way out: the run dialog, on the prompt as it is now.
  await guards.getByRole('button', { name: 'Run the current prompt…' }).click();
  await expect(page.getByRole('dialog', { name: `Run “${PROMPT}”` })).toBeVisible();
  expect(gitCli(workbench.workspace, 'tag', '--list').trim()).toBe('');
  expect(errors).toEqual([]);
});

test('a cancelled run and a barely rated one are warned about, and approved once acknowledged', async ({ page, workbench }, testInfo) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  await setAuthor(workbench.server);

  // Cancelled part way.
  const started = await callApi<RunSummary>(workbench.server, 'startRun', { ...RUN, confirmed: true });
  const detail = () => callApi<RunDetail>(workbench.server, 'getRun', { runId: started.runId });
  await expect.poll(async () => (await detail()).summary.ok, { timeout: 20_000 }).toBeGreaterThanOrEqual(4);
  await callApi(workbench.server, 'cancelRun', { runId: started.runId });
  const cancelled = await detail();
  const finished = cancelled.summary.ok;
  await callApi(workbench.server, 'rateSamples', {
    runId: started.runId,
    sampleIds: cancelled.samples.filter((sample) => sample.status === 'ok').map((sample) => sample.sampleId),
    rating: 4,
  });

  const dialog = await openApproveDialog(page, workbench.server, started.runId);
  const guards = dialog.getByRole('region', { name: 'Before you approve' });
  await expect(guards).toContainText(`This run stopped at ${finished} of 40 samples`);
  await expect(guards).toContainText('It was cancelled, so the evidence covers only the samples that finished.');
  await expect(guards.getByRole('button', { name: 'Resume the run' })).toBeVisible();
  const approve = dialog.getByRole('button', { name: 'Approve and tag' });
  await expect(approve).toBeDisabled();
  await saveThemedScreenshots(page, testInfo, 'approve-guard-incomplete', dialog);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Finished, with 2 of 40 answers rated.
  const full = await runToCompletion(workbench.server, RUN);
  await callApi(workbench.server, 'rateSamples', { runId: full.summary.runId, sampleIds: full.samples.slice(0, 2).map((sample) => sample.sampleId), rating: 5 });
  const second = await openApproveDialog(page, workbench.server, full.summary.runId);
  const lowGuards = second.getByRole('region', { name: 'Before you approve' });
  await expect(lowGuards).toContainText('Only 2 of 40 answers are rated (5%)');
  await expect(lowGuards).not.toContainText('stopped at');
  const secondApprove = second.getByRole('button', { name: 'Approve and tag' });
  await expect(secondApprove).toBeDisabled();
  await saveThemedScreenshots(page, testInfo, 'approve-guard-low-coverage', second);
  await second.getByRole('checkbox', { name: 'Approve with this evidence anyway' }).check();
  await expect(secondApprove).toBeEnabled();
  await secondApprove.click();
  await expect(page.getByRole('status').filter({ hasText: `tagged approved/${PROMPT}/v1` })).toBeVisible();
  expect(gitCli(workbench.workspace, 'tag', '--list').trim()).toBe(`approved/${PROMPT}/v1`);
  expect(errors).toEqual([]);
});

test('a run below the pass-rate gate is warned about; the evidence carries its pass rate; a lower gate lets it through', async ({ page, workbench }, testInfo) => {
  const errors = collectErrors(page);
  await setAuthor(workbench.server);
  // capital-city checks every answer is the capital alone; the fake answers in sentences, so none of 10 passes.
  const run = await runToCompletion(workbench.server, { ...RUN, samples: 5 });
  await callApi(workbench.server, 'rateSamples', { runId: run.summary.runId, sampleIds: run.samples.map((sample) => sample.sampleId), rating: 4 });

  const dialog = await openApproveDialog(page, workbench.server, run.summary.runId);
  const guards = dialog.getByRole('region', { name: 'Before you approve' });
  await expect(guards).toContainText('Passes its checks 0% of the time, below the 90% gate');
  // Wilson's upper bound for 0/10 is 3.84/13.84 = 0.28.
  await expect(guards).toContainText('0 of 10 decided samples passed every check (95% interval 0%–28%)');
  const preview = dialog.getByRole('region', { name: 'Evidence written with the tag' });
  await expect(preview).toContainText('Workbench-Pass-Rate:0.00 [0.00, 0.28] (n=10)');
  const approve = dialog.getByRole('button', { name: 'Approve and tag' });
  await expect(approve).toBeDisabled();
  await saveThemedScreenshots(page, testInfo, 'approve-guard-pass-rate', dialog);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // A workspace that asks for no pass rate in particular: nothing to acknowledge.
  await callApi(workbench.server, 'setSetting', { key: 'gate', value: { minPassRate: 0 } });
  await page.reload();
  const again = await openApproveDialog(page, workbench.server, run.summary.runId);
  await expect(again.getByRole('region', { name: 'Evidence written with the tag' })).toContainText('Workbench-Pass-Rate');
  await expect(again.getByRole('region', { name: 'Before you approve' })).toHaveCount(0);
  await again.getByRole('button', { name: 'Approve and tag' }).click();
  await expect(page.getByRole('status').filter({ hasText: `tagged approved/${PROMPT}/v1` })).toBeVisible();
  expect(gitCli(workbench.workspace, 'tag', '-l', '--format=%(contents)', 'approved/*')).toContain('Workbench-Pass-Rate: 0.00 [0.00, 0.28] (n=10)\n');
  expect(errors).toEqual([]);
});
