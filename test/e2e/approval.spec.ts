// Approving a version, in browser mode against a fake Ollama: run → rate → approve from the review
// (with the evidence previewed; the text is committed already, so the approval is a tag on that
// version) → the history's badge and evidence → the run it links to → a second approved version
// compared with the first (diff, figures, summary, report) → rollback to the first. And the guards,
// shown as the dialog opens: a run of an older text is refused with the reason, and a run nobody
// rated is approved only once that is acknowledged (approveGuards.spec.ts has the rest). The git
// side is checked with the ordinary git command.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import type { RunDetail } from '../../shared/runs';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders';
import { gitCli } from '../support/git';
import type { ServeProcess } from '../support/workbenchCli';
import { expect, test as base } from './fixtures';
import { collectErrors, errorAnswer, promptFile, readPrompt, replaceEditorLine, revealEditorLine, saveThemedScreenshots } from './helpers';
import { callApi, runToCompletion } from './coreApi';

const PROMPT = 'capital-city';

const test = base.extend<{ ollama: FakeProvider }>({
  // eslint-disable-next-line no-empty-pattern
  ollama: async ({}, use) => {
    const fake = await startFakeProvider({ kind: 'ollama', models: ['llama3.2', 'qwen2.5:7b'] });
    await use(fake);
    await fake.close();
  },
  workbenchEnv: async ({ ollama }, use) => use({ OLLAMA_HOST: ollama.url }),
});

/** 2 models × 2 temperatures × 1 case × 3 samples of the prompt's working files, finished. */
async function finishedRun(server: ServeProcess): Promise<RunDetail> {
  return runToCompletion(server, {
    prompt: PROMPT,
    models: ['ollama/llama3.2', 'ollama/qwen2.5:7b'],
    temperatures: [0, 1],
    cases: ['France (easy)'],
    samples: 3,
  });
}

/** The commit author, set once (the author dialog itself is covered by editing.spec.ts). */
const setAuthor = (server: ServeProcess) => callApi(server, 'setSetting', { key: 'author', value: { name: 'Ada Lovelace', email: 'ada@example.com' } });

async function openReview(page: Page, server: ServeProcess, runId: string) {
  await page.goto(`${server.url}#/runs/${runId}`);
  await expect(page.locator('.review[data-ready="true"]')).toBeVisible();
}

const approveDialog = (page: Page) => page.getByRole('dialog', { name: `Approve “${PROMPT}”` });

test('run, rate, approve, see the evidence in the history, compare two approved versions, roll back', async ({ page, workbench }, testInfo) => {
  test.setTimeout(120_000);
  // The refused rollback at the end is an error answer (nothing to commit), logged by the browser.
  const errors = collectErrors(page, [errorAnswer(422)]);
  await setAuthor(workbench.server);
  const v1Text = readPrompt(workbench.workspace, PROMPT);

  // Run, then rate three samples from the keyboard.
  const first = await finishedRun(workbench.server);
  await openReview(page, workbench.server, first.summary.runId);
  for (const key of ['5', '4', '5']) await page.keyboard.press(key);
  await expect(page.locator('.rated-count__text')).toHaveText('3/12 rated');

  // Approve: the message is suggested, the trailers and the tag are previewed.
  await page.getByRole('button', { name: 'Approve…' }).click();
  const dialog = approveDialog(page);
  await expect(dialog.getByRole('textbox', { name: 'Tag message' })).toHaveValue(`Approve ${PROMPT}: 4.67 over 3 rated`);
  const preview = dialog.getByRole('region', { name: 'Evidence written with the tag' });
  await expect(preview).toContainText(`Workbench-Run:${first.summary.runId}`);
  await expect(preview).toContainText('Workbench-Rating:4.67 (n=3)');
  await expect(preview).toContainText(`approved/${PROMPT}/v1`);
  // The prompt's checks want the capital alone; the fake answers in sentences: 0 of 12 pass (Wilson's upper bound 3.84/15.84).
  await expect(preview).toContainText('Workbench-Pass-Rate:0.00 [0.00, 0.24] (n=12)');
  await expect(dialog.getByRole('region', { name: 'Before you approve' })).toContainText('Passes its checks 0% of the time, below the 90% gate');
  await saveThemedScreenshots(page, testInfo, 'approve-dialog');
  await dialog.getByRole('checkbox', { name: 'Approve with this evidence anyway' }).check();
  await dialog.getByRole('button', { name: 'Approve and tag' }).click();
  await expect(dialog).toBeHidden();
  const notice = page.getByRole('status').filter({ hasText: `tagged approved/${PROMPT}/v1` });
  await expect(notice).toBeVisible();
  await expect(page.getByRole('link', { name: 'Approved v1' })).toBeVisible();

  // The git side: the starter text was committed already, so no commit, only the tag, whose
  // message carries the trailers git itself can read.
  expect(gitCli(workbench.workspace, 'log', '--format=%s').trim().split('\n')).toEqual(['Add starter prompts']);
  const message = tagMessage(workbench.workspace, `approved/${PROMPT}/v1`);
  expect(message.startsWith(`Approve ${PROMPT}: 4.67 over 3 rated`)).toBe(true);
  const parsed = parseTrailers(workbench.workspace, message);
  expect(parsed).toContain(`Workbench-Run: ${first.summary.runId}`);
  expect(parsed).toContain('Workbench-Rating: 4.67 (n=3)');
  expect(parsed).toContain('Workbench-Pass-Rate: 0.00 [0.00, 0.24] (n=12)');
  expect(gitCli(workbench.workspace, 'tag', '--list', 'approved/*').trim()).toBe(`approved/${PROMPT}/v1`);

  // The history: the badge and the evidence; the run link opens the run.
  await notice.getByRole('link', { name: 'Open the history' }).click();
  await expect(page).toHaveURL(new RegExp(`#/prompts/${PROMPT}/history$`));
  const versions = page.getByRole('listbox', { name: 'Versions' });
  await expect(versions.getByRole('option').first()).toContainText('Approved v1');
  await expect(versions.getByRole('option').first()).toContainText('Add starter prompts');
  await expect(versions.getByRole('option').first()).toContainText('4.67 (3)');
  const evidence = page.getByRole('region', { name: 'Approval evidence' });
  await expect(evidence).toContainText('4.67');
  await expect(evidence).toContainText('3 rated samples');
  await expect(evidence).toContainText('0.00 [0.00, 0.24] (n=12)');
  await expect(evidence).toContainText('llama3.2');
  await evidence.getByRole('link', { name: 'Open the run' }).click();
  await expect(page).toHaveURL(new RegExp(`#/runs/${first.summary.runId}$`));
  await expect(page.locator('.review[data-ready="true"]')).toBeVisible();

  // A second version: edit, commit, run, rate lower, approve.
  await page.goto(`${workbench.server.url}#/prompts/${PROMPT}/edit`);
  await replaceEditorLine(page, 'Prompt source', 'What is the capital', 'Which city is the capital of {{country}}?');
  await expect.poll(() => readPrompt(workbench.workspace, PROMPT)).toContain('Which city is the capital');
  await page.getByRole('button', { name: 'Commit…' }).click();
  await page.getByRole('dialog', { name: `Commit “${PROMPT}”` }).getByRole('textbox', { name: 'Commit message' }).fill('Ask which city is the capital');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByRole('button', { name: 'Commit…' })).toBeHidden();
  const second = await finishedRun(workbench.server);
  await callApi(workbench.server, 'rateSamples', { runId: second.summary.runId, sampleIds: second.samples.map((sample) => sample.sampleId), rating: 2 });
  await openReview(page, workbench.server, second.summary.runId);
  await page.getByRole('button', { name: 'Approve…' }).click();
  await expect(approveDialog(page)).toContainText(`approved/${PROMPT}/v2`);
  await approveDialog(page).getByRole('checkbox', { name: 'Approve with this evidence anyway' }).check();
  await approveDialog(page).getByRole('button', { name: 'Approve and tag' }).click();
  await expect(page.getByRole('link', { name: 'Approved v2' })).toBeVisible();

  // Compare v2 with v1 (the previous approved version): text and figures. Both approvals are tags
  // on the versions that held their text, so there are two versions.
  await page.goto(`${workbench.server.url}#/prompts/${PROMPT}/history`);
  await expect(versions.getByRole('option')).toHaveCount(2);
  await expect(versions.getByRole('option').first()).toContainText('Ask which city is the capital');
  await versions.getByRole('option').first().click();
  await expect(page.getByRole('combobox', { name: 'Compare with' })).toContainText('Previous approved, v1');
  const changes = page.getByRole('region', { name: /^Changes from v1 / });
  await expect(changes.getByRole('insertion').first()).toBeVisible();
  const runs = page.getByRole('region', { name: 'Runs of the two versions' });
  await expect(runs.getByRole('region', { name: 'What changed' })).toContainText(/rating/i);
  const overall = runs.getByRole('table', { name: 'Overall figures' });
  await expect(overall.getByRole('columnheader', { name: /^v1 / })).toBeVisible();
  await expect(overall.getByRole('columnheader', { name: /^v2 / })).toBeVisible();
  await expect(overall.getByRole('row', { name: /Mean rating/ })).toContainText('4.67');
  await expect(overall.getByRole('row', { name: /Mean rating/ })).toContainText('2.00');
  await expect(overall.locator('.delta--worse').first()).toBeVisible();
  // Both versions measured by the same checks: the pass rate's change, and what it says.
  const passRates = runs.getByRole('table', { name: 'Pass rate changes' });
  await expect(passRates.getByRole('row', { name: /Whole run/ })).toContainText('0/12 → 0/12');
  await expect(passRates.getByRole('row', { name: /Whole run/ })).toContainText('can’t tell yet: the rates are the same so far'.replace('’', "'"));
  await runs.scrollIntoViewIfNeeded();
  await saveThemedScreenshots(page, testInfo, 'approval-compare');

  // The comparison as one HTML file, saved where the notice says.
  await runs.getByRole('button', { name: 'Download report' }).click();
  const saved = page.getByRole('status', { name: 'File saved' });
  await expect(saved).toContainText('Saved the comparison report to');
  const html = fs.readFileSync((await saved.locator('.toast__detail').getAttribute('title')) ?? '', 'utf8');
  expect(html).toContain('<html');
  expect(html).toContain(second.summary.runId);
  await saved.getByRole('button', { name: 'Dismiss' }).click();

  // Approved only: the two approved versions.
  await page.getByRole('checkbox', { name: 'Approved only' }).check();
  await expect(versions.getByRole('option')).toHaveCount(2);
  await expect(versions.getByRole('option').nth(1)).toContainText('Approved v1');
  await page.locator('.history__content').evaluate((element) => element.scrollTo(0, 0));
  await saveThemedScreenshots(page, testInfo, 'approval-history');
  await page.getByRole('checkbox', { name: 'Approved only' }).uncheck();

  // Roll back to v1: a new "Revert" commit on top; the files are v1's again; nothing lost.
  await versions.getByRole('option').filter({ hasText: 'Approved v1' }).click();
  await page.getByRole('button', { name: 'Make current…' }).click();
  const rollback = page.getByRole('dialog', { name: /^Make v1 \(\w+\) current\?$/ });
  await rollback.getByRole('button', { name: 'Make current' }).click();
  await expect(rollback).toBeHidden();
  await expect(versions.getByRole('option')).toHaveCount(3);
  await expect(versions.getByRole('option').first()).toContainText(`Revert ${PROMPT} to`);
  await expect(versions.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  expect(readPrompt(workbench.workspace, PROMPT)).toBe(v1Text);
  expect(gitCli(workbench.workspace, 'log', '--format=%s').trim().split('\n')).toHaveLength(3);
  await page.getByRole('tab', { name: 'Edit' }).click();
  await expect(await revealEditorLine(page, 'Prompt source', 'What is the capital of {{country}}?')).toBeVisible();

  // Making v1 current again is refused, inline, with the reason.
  await page.getByRole('tab', { name: 'History' }).click();
  await versions.getByRole('option').filter({ hasText: 'Approved v1' }).click();
  await page.getByRole('button', { name: 'Make current…' }).click();
  await rollback.getByRole('button', { name: 'Make current' }).click();
  await expect(rollback.getByRole('alert')).toContainText('already the current version');
  await rollback.getByRole('button', { name: 'Cancel' }).click();

  expect(errors).toEqual([]);
});

test('approving says first when nothing is rated, and refuses a run of text that has changed since', async ({ page, workbench }, testInfo) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  await setAuthor(workbench.server);
  const run = await finishedRun(workbench.server);
  await openReview(page, workbench.server, run.summary.runId);

  // Nobody rated anything: the dialog says so as it opens, and approves once that is acknowledged.
  await page.getByRole('button', { name: 'Approve…' }).click();
  const dialog = approveDialog(page);
  await expect(dialog.getByRole('textbox', { name: 'Tag message' })).toHaveValue(`Approve ${PROMPT} (no ratings)`);
  await expect(dialog.getByRole('region', { name: 'Evidence written with the tag' })).toContainText('Workbench-Rating:none (n=0)');
  await expect(dialog.getByRole('region', { name: 'Before you approve' })).toContainText('No answer is rated');
  await expect(dialog.getByRole('button', { name: 'Approve and tag' })).toBeDisabled();
  await expect(dialog.getByRole('checkbox', { name: 'Approve with this evidence anyway' })).not.toBeChecked();
  await saveThemedScreenshots(page, testInfo, 'approve-confirm');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(gitCli(workbench.workspace, 'tag', '--list').trim()).toBe('');

  // The prompt changes after the run: the dialog says it cannot be approved, and why, before any click.
  fs.appendFileSync(promptFile(workbench.workspace, PROMPT), 'Answer in English.\n');
  await page.getByRole('button', { name: 'Approve…' }).click();
  await expect(dialog.getByRole('region', { name: 'Why this run can’t be approved' })).toContainText('The prompt changed since this run');
  await expect(dialog.getByRole('button', { name: 'Approve and commit' })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Run the current prompt…' })).toBeVisible();
  await saveThemedScreenshots(page, testInfo, 'approve-refused');
  expect(gitCli(workbench.workspace, 'log', '--format=%s').trim().split('\n')).toHaveLength(1);
  expect(errors).toEqual([]);
});

/** An annotated tag's message, as `git tag -l --format` prints it. */
function tagMessage(workspace: string, tag: string): string {
  return gitCli(workspace, 'for-each-ref', '--format=%(contents)', `refs/tags/${tag}`);
}

/** `git interpret-trailers --parse` on a message, as a person would check it. */
function parseTrailers(workspace: string, message: string): string {
  const file = test.info().outputPath('approval-message.txt');
  fs.writeFileSync(file, message);
  return gitCli(workspace, 'interpret-trailers', '--parse', file);
}
