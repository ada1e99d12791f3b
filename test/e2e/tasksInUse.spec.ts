// Prompts called as tasks, seen from the app: an application records its calls through the package
// export (prompt-workbench/tasks, with record: true) while `workbench serve` is open; History shows
// each version's "In use" figures, and "Roll back to v1…" makes v1 what @approved calls next.
import { openTasks, TaskOutputError } from 'prompt-workbench/tasks';
import { startFakeProvider } from '../support/fakeProviders';
import { gitCli } from '../support/git';
import { callApi } from './coreApi';
import { expect, test } from './fixtures';
import { promptFile, readPrompt, saveThemedScreenshots } from './helpers';
import fs from 'node:fs';

const PROMPT = 'ticket-triage';
const ticket = { subject: 'Charged twice', body: 'Please refund one of the charges.' };
const author = { name: 'Ada Tester', email: 'ada@example.com' };
/** Evidence trailers as an approval writes them, so History shows the versions as approved. */
const approvalMessage = (title: string) =>
  `${title}\n\nWorkbench-Run: run-${title.length}\nWorkbench-Models: openai/gpt-4o-mini\nWorkbench-Temperatures: 0.2\nWorkbench-Samples: 20\nWorkbench-Rating: 4.40 (n=20)\nWorkbench-Consistency: 0.91\n`;

test.setTimeout(120_000);

test('recorded calls show per version in History, and rolling back to v1 is what @approved calls next', async ({ page, workbench }, testInfo) => {
  const openai = await startFakeProvider({ kind: 'openai', apiKey: 'sk-e2e', latencyMs: 40 });
  try {
    const ws = workbench.workspace;
    const git = (...args: string[]) => gitCli(ws, '-c', `user.name=${author.name}`, '-c', `user.email=${author.email}`, ...args);
    fs.writeFileSync(promptFile(ws, PROMPT), readPrompt(ws, PROMPT).replace('model: ollama/llama3.2', 'model: openai/gpt-4o-mini'));
    git('commit', '-q', '-am', 'Triage tickets with gpt-4o-mini');
    git('tag', '-a', `approved/${PROMPT}/v1`, '-m', approvalMessage('Approve triage on gpt-4o-mini'));
    fs.writeFileSync(promptFile(ws, PROMPT), readPrompt(ws, PROMPT).replace('Set confidence between 0 and 1.', 'Set confidence between 0 and 1, and escalate when unsure.'));
    git('commit', '-q', '-am', 'Escalate when unsure');
    git('tag', '-a', `approved/${PROMPT}/v2`, '-m', approvalMessage('Approve escalating when unsure'));

    // The application: four calls of @approved (one answer does not fit the schema), two of v1.
    const tasks = await openTasks({ workspace: ws, record: true, schemaRetries: 0, env: { OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: 'sk-e2e' } });
    for (let i = 0; i < 3; i++) expect((await tasks.run(PROMPT, ticket)).version.tag).toBe(`approved/${PROMPT}/v2`);
    openai.inject({ fault: { type: 'reply', text: 'Billing, probably.' } });
    await expect(tasks.run(PROMPT, ticket)).rejects.toBeInstanceOf(TaskOutputError);
    const triageV1 = tasks.get(PROMPT, { version: 'v1' });
    for (let i = 0; i < 2; i++) await triageV1(ticket);

    await callApi(workbench.server, 'setSetting', { key: 'author', value: author });
    await page.goto(`${workbench.server.url}#/prompts/${PROMPT}/history`);
    const pane = page.locator('.history__pane');
    const inUse = pane.getByRole('region', { name: 'In use' });
    // The newest version, v2, is selected: what @approved calls now. (The history of a fresh serve on a busy machine takes a while.)
    await expect(inUse.locator('.version-usage__figure').first()).toContainText('Calls4', { timeout: 30_000 });
    await expect(inUse).toContainText('Schema failures1');
    await expect(inUse).toContainText('as v2');
    await saveThemedScreenshots(page, testInfo, 'tasks-in-use', pane);

    // v1: its own calls, and the way back to it. The list marks v2 as what @approved calls get.
    const versions = page.getByRole('listbox', { name: 'Versions' });
    const current = versions.getByRole('option').filter({ has: page.locator('.version-item__current') });
    await expect(current).toHaveCount(1);
    await expect(current).toContainText('Approved v2');
    const v1 = versions.getByRole('option').filter({ hasText: 'Triage tickets with gpt-4o-mini' });
    await v1.click();
    await expect(inUse.locator('.version-usage__figure').first()).toContainText('Calls2');
    await saveThemedScreenshots(page, testInfo, 'tasks-v1-pane', pane.locator('.version-heading'));
    await pane.getByRole('button', { name: 'Roll back to v1…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Roll back to v1?' });
    await dialog.getByRole('button', { name: 'Roll back to v1' }).click();
    await expect(dialog).toContainText('Say why v2 is rolled back');
    await dialog.getByLabel('Reason').fill('v2 escalates every ticket');
    await saveThemedScreenshots(page, testInfo, 'tasks-rollback-dialog', dialog);
    await dialog.getByRole('button', { name: 'Roll back to v1' }).click();
    await expect(dialog).toBeHidden();
    await expect(v1).toContainText('Approved v3');
    // The mark moves with the rollback: v1's commit is what @approved calls get now.
    await expect(current).toHaveCount(1);
    await expect(current).toContainText('Triage tickets with gpt-4o-mini');
    await saveThemedScreenshots(page, testInfo, 'tasks-rolled-back-list', versions);
    await expect(pane.getByRole('button', { name: /Roll back to/ })).toHaveCount(0);

    // The application's next call of @approved sends v1.
    const next = await tasks.run(PROMPT, ticket);
    expect(next.version.tag).toBe(`approved/${PROMPT}/v3`);
    expect(next.version.commit).toBe(git('rev-parse', `approved/${PROMPT}/v1^{commit}`).trim());
    await tasks.close();
    await expect(inUse.locator('.version-usage__figure').first()).toContainText('Calls3', { timeout: 15_000 });
  } finally {
    await openai.close();
  }
});
