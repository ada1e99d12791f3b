// A prompt keeps its past through a rename, and an approval of text already committed leaves that
// version as it was: in browser mode against a fake Ollama, checked in the History and Runs tabs and
// with the ordinary git command.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import type { ApprovedVersion } from '../../shared/approvals';
import type { RunDetail } from '../../shared/runs';
import { gitCli } from '../support/git';
import type { ServeProcess } from '../support/workbenchCli';
import { expect, testWithOllama } from './fixtures';
import { collectErrors, errorAnswer, promptFile, readPrompt, saveThemedScreenshots } from './helpers';
import { callApi, runToCompletion } from './coreApi';

const test = testWithOllama();

/** 1 model × 2 temperatures × 1 case × 3 samples of the prompt's working files, finished, its first two samples rated. */
async function ratedRun(server: ServeProcess, prompt: string, rating: number): Promise<RunDetail> {
  const run = await runToCompletion(server, { prompt, models: ['ollama/llama3.2'], temperatures: [0, 1], cases: ['France (easy)'], samples: 3 });
  await callApi(server, 'rateSamples', { runId: run.summary.runId, sampleIds: run.samples.slice(0, 2).map((sample) => sample.sampleId), rating });
  return run;
}

const setAuthor = (server: ServeProcess) => callApi(server, 'setSetting', { key: 'author', value: { name: 'Ada Lovelace', email: 'ada@example.com' } });
const approve = (server: ServeProcess, runId: string, message: string) => callApi<ApprovedVersion>(server, 'approveRun', { runId, message, confirmed: true });
const subjects = (workspace: string) => gitCli(workspace, 'log', '--format=%s').trim().split('\n');

async function openHistory(page: Page, server: ServeProcess, prompt: string) {
  await page.goto(`${server.url}#/prompts/${prompt}/history`);
  await expect(page.getByRole('listbox', { name: 'Versions' })).toBeVisible();
}

test('renaming a prompt keeps its history, runs, ratings and approvals, and numbering goes on', async ({ page, workbench }, testInfo) => {
  test.setTimeout(120_000);
  // A read of the prompt already on its way when its files move is answered 404 (and logged).
  const errors = collectErrors(page, [errorAnswer(404)]);
  await setAuthor(workbench.server);
  const { workspace, server } = workbench;

  // v1 commits an edited draft; v2 approves the same text again, from a second run: a tag on v1's commit.
  fs.writeFileSync(promptFile(workspace, 'capital-city'), readPrompt(workspace, 'capital-city').replace('exactly one word', 'one word only'));
  const first = await ratedRun(server, 'capital-city', 5);
  await approve(server, first.summary.runId, 'Ask for one word only');
  const second = await ratedRun(server, 'capital-city', 3);
  await approve(server, second.summary.runId, 'Approve again after rating more');
  const tagsBefore = gitCli(workspace, 'show-ref', '--tags').trim();

  await page.goto(`${server.url}#/prompts/capital-city/history`);
  await page.getByRole('button', { name: 'Prompt actions' }).click();
  await page.getByRole('menuitem', { name: 'Rename…' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename “capital-city”' });
  await rename.getByRole('textbox', { name: 'Name' }).fill('capital');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(page).toHaveURL(/#\/prompts\/capital\/history$/);

  // History follows the rename: the versions before it say the name they were made under.
  const versions = page.getByRole('listbox', { name: 'Versions' });
  await expect(versions.getByRole('option')).toHaveCount(3);
  await expect(versions.getByRole('option').nth(0)).toContainText('Rename capital-city to capital');
  await expect(versions.getByRole('option').nth(0)).toContainText('Renamed from capital-city');
  const approved = versions.getByRole('option').nth(1);
  await expect(approved).toContainText('Ask for one word only');
  await expect(approved).toContainText('Approved v2');
  await expect(versions.getByRole('option').nth(2)).toContainText('Add starter prompts');
  await saveThemedScreenshots(page, testInfo, 'history-after-rename');

  // The approved version: its description, the newest approval's own message and the one before it;
  // compared with the version before it, its runs are there, linked by content.
  await approved.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ask for one word only' })).toBeVisible();
  await expect(page.locator('.version-heading__name')).toHaveText('Made as capital-city, before a rename');
  const evidence = page.getByRole('region', { name: 'Approval evidence' });
  await expect(evidence).toContainText('approved/capital-city/v2');
  await expect(evidence).toContainText('Approve again after rating more');
  await expect(evidence.getByRole('link', { name: 'v1' })).toHaveAttribute('href', `#/runs/${first.summary.runId}`);
  const runs = page.getByRole('region', { name: 'Runs of the two versions' });
  // The starter was never run; the approved version's newest run speaks for it.
  await expect(runs.getByRole('link', { name: /^Run .* 6 samples/ })).toHaveCount(1);
  await expect(runs).toContainText('No finished run of this version');
  await page.locator('.history__content').evaluate((element) => element.scrollTo(0, 0));
  await saveThemedScreenshots(page, testInfo, 'version-evidence-after-rename', page.locator('.history__pane'));

  // The runs, with their ratings, stay with the prompt.
  await page.getByRole('tab', { name: 'Runs' }).click();
  const rows = page.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('commit');
  await rows.first().getByRole('link').click();
  await expect(page.locator('.review[data-ready="true"]')).toBeVisible();
  await expect(page.locator('.rated-count__text')).toHaveText('2/6 rated');
  await expect(page.getByRole('link', { name: 'Approved v2' })).toBeVisible();
  // The first run's approval, on the same version, still shows in its review.
  await page.goto(`${server.url}#/runs/${first.summary.runId}`);
  await expect(page.getByRole('link', { name: 'Approved v1' })).toBeVisible();

  // Old tags stay as they were; the next approval continues the numbering under the new name.
  expect(gitCli(workspace, 'show-ref', '--tags').trim()).toBe(tagsBefore);
  fs.appendFileSync(promptFile(workspace, 'capital'), 'Answer in English.\n');
  const third = await ratedRun(server, 'capital', 4);
  // A run of the draft is named by its content, never like a commit id.
  await page.goto(`${server.url}#/prompts/capital/runs`);
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText(`draft · content ${third.summary.contentHash.slice(0, 7)}`);
  await expect(rows.nth(1)).toContainText(`commit ${gitCli(workspace, 'rev-parse', '--short=7', 'approved/capital-city/v1^{commit}').trim()}`);
  await saveThemedScreenshots(page, testInfo, 'runs-after-rename', page.locator('.runs-table'));
  expect((await approve(server, third.summary.runId, 'Answer in English')).tag).toBe('approved/capital/v3');
  await openHistory(page, server, 'capital');
  await page.getByRole('checkbox', { name: 'Approved only' }).check();
  await expect(versions.getByRole('option')).toHaveCount(2);
  await expect(versions.getByRole('option').first()).toContainText('Approved v3');
  expect(errors).toEqual([]);
});

test('approving a version already committed tags it: no new commit, its description intact', async ({ page, workbench }, testInfo) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  await setAuthor(workbench.server);
  const { workspace, server } = workbench;
  fs.writeFileSync(promptFile(workspace, 'capital-city'), readPrompt(workspace, 'capital-city').replace('exactly one word', 'one word only'));
  await callApi(server, 'commitPrompt', { name: 'capital-city', message: 'Ask for one word only\n\nLonger answers were cut off by the parser.' });
  const head = gitCli(workspace, 'rev-parse', 'HEAD').trim();
  const run = await ratedRun(server, 'capital-city', 4);

  await page.goto(`${server.url}#/runs/${run.summary.runId}`);
  await expect(page.locator('.review[data-ready="true"]')).toBeVisible();
  await expect(page.locator('.review-header__meta')).toContainText(`draft · content ${run.summary.contentHash.slice(0, 7)}`);
  await page.getByRole('button', { name: 'Approve…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Approve “capital-city”' });
  await dialog.getByRole('textbox', { name: 'Tag message' }).fill('Approve the one-word answers');
  // The fakes answer in sentences, so capital-city's one-word checks put the run below the pass-rate gate.
  await dialog.getByRole('checkbox', { name: 'Approve with this evidence anyway' }).check();
  await dialog.getByRole('button', { name: 'Approve and tag' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'tagged approved/capital-city/v1' });
  await expect(notice).toContainText(`on ${head.slice(0, 7)}, which already held this text`);
  // Linked to the version it approved, the run is named by it now.
  await expect(page.locator('.review-header__meta')).toContainText(`commit ${head.slice(0, 7)}`);

  expect(gitCli(workspace, 'rev-parse', 'HEAD').trim()).toBe(head);
  expect(subjects(workspace)).toEqual(['Ask for one word only', 'Add starter prompts']);
  expect(gitCli(workspace, 'for-each-ref', '--format=%(contents:subject)|%(contents:trailers:key=Workbench-Run,valueonly)', 'refs/tags/approved/capital-city/v1').trim()).toBe(
    `Approve the one-word answers|${run.summary.runId}`,
  );

  await notice.getByRole('link', { name: 'Open the history' }).click();
  const versions = page.getByRole('listbox', { name: 'Versions' });
  await expect(versions.getByRole('option')).toHaveCount(2);
  await expect(versions.getByRole('option').first()).toContainText('Ask for one word only');
  await expect(versions.getByRole('option').first()).toContainText('Approved v1');
  await expect(page.getByRole('heading', { level: 2, name: 'Ask for one word only' })).toBeVisible();
  await expect(page.locator('.version-heading__body')).toHaveText('Longer answers were cut off by the parser.');
  const evidence = page.getByRole('region', { name: 'Approval evidence' });
  await expect(evidence).toContainText('Approve the one-word answers');
  const runs = page.getByRole('region', { name: 'Runs of the two versions' });
  await expect(runs.getByRole('link', { name: /^Run .* 6 samples/ })).toBeVisible();
  await page.locator('.history__content').evaluate((element) => element.scrollTo(0, 0));
  await saveThemedScreenshots(page, testInfo, 'version-evidence-tag-approval', page.locator('.history__pane'));
  expect(errors).toEqual([]);
});
