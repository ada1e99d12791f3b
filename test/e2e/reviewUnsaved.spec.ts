// A rating given while another process holds the database's write lock (a real one: a separate
// Node process in the middle of a write transaction). It stays on screen marked "unsaved — retrying"
// rather than being dropped or put back, and is saved, and the mark goes, once the lock is released.
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders';
import { holdWriteLock } from '../support/sqliteLockHolder';
import { runWorkbench, startWorkbench } from '../support/workbenchCli';
import { databaseFile } from '../support/workspaceDatabase';
import { expect, test as base } from './fixtures';
import { collectErrors, errorAnswer, saveScreenshot } from './helpers';

const test = base.extend<{ ollama: FakeProvider; runId: string }>({
  // eslint-disable-next-line no-empty-pattern
  ollama: async ({}, use) => {
    const fake = await startFakeProvider({ kind: 'ollama' });
    await use(fake);
    await fake.close();
  },
  workbenchEnv: async ({ ollama }, use) => use({ OLLAMA_HOST: ollama.url }),
  runId: async ({ workbench, ollama }, use) => {
    const args = ['run', 'capital-city', '-m', 'ollama/llama3.2', '-t', '0', '--case', 'Japan (easy)', '-n', '3', '--yes', '--json'];
    const run = await startWorkbench([...args, '--workspace', workbench.workspace], { OLLAMA_HOST: ollama.url }).done;
    if (run.status !== 0) throw new Error(`workbench run failed: ${run.stderr}`);
    await use((JSON.parse(run.stdout) as { runId: string }).runId);
  },
});

function exportedRatings(workspace: string, runId: string): Map<string, number | null> {
  const result = runWorkbench(['export', runId, '--format', 'jsonl', '--workspace', workspace]);
  if (result.status !== 0) throw new Error(`workbench export failed: ${result.stderr}`);
  const rows = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { sampleId: string; rating: number | null });
  return new Map(rows.map((row) => [row.sampleId, row.rating]));
}

test('a rating made while another program writes to the database shows as unsaved, is retried, and is saved', async ({ page, workbench, runId }, testInfo) => {
  test.setTimeout(90_000);
  // The browser logs each refusal (503, DB_BUSY) the retries get; those are the point of the test.
  const errors = collectErrors(page, [errorAnswer(503)]);
  await page.goto(`${workbench.server.url}#/runs/${runId}`);
  await expect(page.locator('.review[data-ready="true"]')).toBeVisible();
  const panel = page.getByRole('complementary', { name: 'Focused sample' });
  await expect(panel).toContainText('Sample 1 of 3');
  const first = await page.locator('.mark.is-focused').first().getAttribute('data-sample-id');

  const holder = await holdWriteLock(databaseFile(workbench.workspace));
  let released = false;
  try {
    await page.keyboard.press('4');
    // The rating is on screen at once, and stays there while the core cannot save it.
    await expect(panel).toContainText('Sample 2 of 3');
    await page.keyboard.press('k');
    await expect(panel.getByRole('button', { name: 'Rate 4' })).toHaveAttribute('aria-pressed', 'true');
    await expect(panel.getByText('Unsaved — retrying')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('status').filter({ hasText: '1 change unsaved — retrying' })).toBeVisible();
    await saveScreenshot(page, testInfo, 'review-unsaved');
    expect(exportedRatings(workbench.workspace, runId).get(first ?? '')).toBeNull();
    // It survives more than one refusal: still shown, still marked, never put back.
    await page.waitForTimeout(3000);
    await expect(panel.getByRole('button', { name: 'Rate 4' })).toHaveAttribute('aria-pressed', 'true');
    await expect(panel.getByText('Unsaved — retrying')).toBeVisible();

    await holder.release();
    released = true;
    await expect(panel.getByText('Unsaved — retrying')).toBeHidden({ timeout: 15_000 });
    await expect(page.getByRole('status').filter({ hasText: 'unsaved — retrying' })).toHaveCount(0);
  } finally {
    if (!released) await holder.release();
  }
  await expect(panel.getByRole('button', { name: 'Rate 4' })).toHaveAttribute('aria-pressed', 'true');
  expect(exportedRatings(workbench.workspace, runId).get(first ?? '')).toBe(4);
  // Still there after a reload: it was saved, not only shown.
  await page.reload();
  await expect(page.locator('.review[data-ready="true"]')).toBeVisible();
  await expect(page.locator('.rated-count__text')).toHaveText('1/3 rated');
  expect(errors).toEqual([]);
});
