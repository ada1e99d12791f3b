// A run's samples and report written out from its review: the file is saved where the notice says
// (the Downloads folder, else the workspace's exports folder), the path can be copied, and a
// browser can download a copy. The CSV is what `workbench export` writes.
import fs from 'node:fs';
import path from 'node:path';
import { runWorkbench } from '../support/workbenchCli';
import { runToCompletion } from './coreApi';
import { expect, testWithOllama } from './fixtures';
import { collectErrors, saveThemedScreenshots } from './helpers';

const test = testWithOllama();

test('export a run as CSV and JSON lines and save its report, told where each went', async ({ page, workbench, context }, testInfo) => {
  test.setTimeout(60_000);
  const errors = collectErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const run = await runToCompletion(workbench.server, { prompt: 'capital-city', models: ['ollama/llama3.2'], temperatures: [0, 1], cases: ['France (easy)'], samples: 2 });
  const runId = run.summary.runId;
  await page.goto(`${workbench.server.url}#/runs/${runId}`);
  await expect(page.locator('.review[data-ready="true"]')).toBeVisible();

  // CSV: saved (no Downloads folder in this home: the workspace's exports folder), and said so.
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'Samples as CSV' }).click();
  const notice = page.getByRole('status', { name: 'File saved' });
  await expect(notice).toContainText(`Saved 4 samples as CSV to capital-city-run-${runId}.csv`);
  const csvPath = path.join(workbench.workspace, '.workbench', 'exports', `capital-city-run-${runId}.csv`);
  await expect(notice).toContainText(csvPath);
  const cli = runWorkbench(['export', runId, '--format', 'csv', '--workspace', workbench.workspace]);
  expect(fs.readFileSync(csvPath, 'utf8')).toBe(`${cli.stdout.trimEnd()}\n`);
  await saveThemedScreenshots(page, testInfo, 'export-saved');

  // The path to the clipboard; a copy through the browser.
  await notice.getByRole('button', { name: 'Copy path' }).click();
  await expect(notice).toContainText('Path copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(csvPath);
  const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Download a copy' }).click()]);
  expect(download.suggestedFilename()).toBe(`capital-city-run-${runId}.csv`);
  expect(fs.readFileSync(await download.path(), 'utf8')).toBe(fs.readFileSync(csvPath, 'utf8'));

  // JSON lines, then the same again: a new name, never over the first file.
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'Samples as JSON lines' }).click();
  await expect(notice).toContainText(`Saved 4 samples as JSON lines to capital-city-run-${runId}.jsonl`);
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'Samples as JSON lines' }).click();
  await expect(notice).toContainText(`capital-city-run-${runId} (2).jsonl`);
  const lines = fs.readFileSync(path.join(workbench.workspace, '.workbench', 'exports', `capital-city-run-${runId}.jsonl`), 'utf8').trim().split('\n');
  expect(lines.map((line) => (JSON.parse(line) as { runId: string }).runId)).toEqual([runId, runId, runId, runId]);

  // The report: saved the same way.
  await page.getByRole('button', { name: 'Report' }).click();
  await expect(notice).toContainText(`Saved the report to capital-city-run-${runId}.html`);
  expect(fs.readFileSync(path.join(workbench.workspace, '.workbench', 'exports', `capital-city-run-${runId}.html`), 'utf8')).toContain('<html');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
  expect(errors).toEqual([]);
});
