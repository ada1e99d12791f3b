// Every view follows the core's events, whoever made the change: a run started in a terminal shows
// in the prompt's Runs tab while it goes and as it ends; an approval made in another window moves
// the run to its commit there; "Make current" in another window moves the status bar. Each within
// moments (the budget is 0.5 s; the assertions allow for a loaded test machine).
import type { RunSummary } from '../../shared/runs';
import type { VersionWithApproval } from '../../shared/approvals';
import { startWorkbench } from '../support/workbenchCli';
import { callApi, runToCompletion } from './coreApi';
import { expect, testWithOllama } from './fixtures';
import { collectErrors } from './helpers';

/** Well past the 0.5 s budget, well short of anything a cache would wait for. */
const PROMPTLY = { timeout: 1500 };

const test = testWithOllama({ latencyMs: 300 });

test('a terminal’s run, another window’s approval and “Make current” show at once', async ({ page, workbench, ollama }) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  await callApi(workbench.server, 'setSetting', { key: 'author', value: { name: 'Ada Lovelace', email: 'ada@example.com' } });
  await page.goto(`${workbench.server.url}#/prompts/capital-city/runs`);
  await expect(page.getByText('No runs yet')).toBeVisible();
  const rows = page.locator('.runs-table tbody tr');

  // A run in another process: listed while it goes, done as it ends.
  const cli = startWorkbench(
    ['run', 'capital-city', '-m', 'ollama/llama3.2', '-t', '0', '--case', 'France (easy)', '-n', '8', '--concurrency', '1', '--yes', '--workspace', workbench.workspace],
    { OLLAMA_HOST: ollama.url },
  );
  await expect(rows).toHaveCount(1, { timeout: 10_000 });
  await expect(rows.first()).toContainText('Running');
  const ended = await cli.done;
  expect(ended.status, ended.stderr).toBe(0);
  await expect(rows.first()).toContainText('Done', PROMPTLY);
  await expect(rows.first()).toContainText('8 / 0 / 8', PROMPTLY);
  await expect(rows.first()).toContainText('draft · content');

  // Approved from another window: this one shows the run under its commit.
  const [run] = await callApi<RunSummary[]>(workbench.server, 'listRuns', { prompt: 'capital-city' });
  await callApi(workbench.server, 'approveRun', { runId: run?.runId, message: 'Approve capital-city', confirmed: true });
  const [approved] = await callApi<VersionWithApproval[]>(workbench.server, 'promptHistory', { name: 'capital-city' });
  await expect(rows.first()).toContainText(approved?.shortOid ?? 'no commit', PROMPTLY);
  await expect(page.locator('.status-bar__oid')).toHaveText(approved?.shortOid ?? '', PROMPTLY);

  // Another version, then "Make current" on the first from another window: the status bar follows.
  const other = await runToCompletion(workbench.server, { prompt: 'capital-city', models: ['ollama/llama3.2'], temperatures: [0], cases: ['France (easy)'], samples: 1 });
  await expect(rows).toHaveCount(2, PROMPTLY);
  await callApi(workbench.server, 'saveCases', { name: 'capital-city', cases: [{ name: 'Peru', input: { country: 'Peru' } }] });
  await callApi(workbench.server, 'commitPrompt', { name: 'capital-city', message: 'Only Peru' });
  const rolledBack = await callApi<VersionWithApproval>(workbench.server, 'rollbackPrompt', { name: 'capital-city', ref: approved?.oid });
  await expect(page.locator('.status-bar__oid')).toHaveText(rolledBack.shortOid, PROMPTLY);
  expect(other.summary.status).toBe('done');
  expect(errors).toEqual([]);
});
