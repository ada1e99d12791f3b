// The core runs in a process of its own; when it dies the app says so, starts it again, and the page
// carries on without a reload (what changed meanwhile is fetched again).
import fs from 'node:fs';
import path from 'node:path';
import { coreHostPid } from '../support/processTree';
import { expect, test } from './fixtures';
import { collectErrors } from './helpers';

test('a core process that dies is restarted, the status bar says so, and the page keeps working', async ({ page, workbench }) => {
  const errors = collectErrors(page);
  await page.goto(workbench.server.url);
  const list = page.getByRole('list', { name: 'Prompts' });
  await expect(list.getByRole('link', { name: /^summarize/ })).toBeVisible();
  const status = page.getByRole('contentinfo', { name: 'Status' });

  process.kill(await coreHostPid(workbench.server.child.pid ?? -1), 'SIGKILL');
  // Changed while the core was down: the page has no event for it and must fetch again.
  fs.appendFileSync(path.join(workbench.workspace, 'prompts', 'summarize.prompt'), '\nKeep it short.\n');

  const restarted = status.getByRole('status').filter({ hasText: 'Core restarted' });
  await expect(restarted).toBeVisible({ timeout: 20_000 });
  await expect(restarted).toHaveAttribute('title', /stopped unexpectedly \(ended by SIGKILL\) and was started again/);
  await expect(list.getByRole('link', { name: /^summarize/ }).getByText('Uncommitted changes')).toHaveCount(1);

  await list.getByRole('link', { name: /^ticket-triage/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ticket-triage' })).toBeVisible();
  await restarted.click();
  await expect(restarted).toHaveCount(0);
  expect(errors).toEqual([]);
});
