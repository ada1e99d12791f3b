// Rating a whole cluster (`c`, then a digit) fills the members nobody rated yet: a rating a person
// already gave one member stays, the status line says how many kept theirs, and one `u` takes the
// whole cluster rating back.
import type { RunDetail } from '../../shared/runs';
import { callApi, runToCompletion } from './coreApi';
import { expect, testWithOllama } from './fixtures';
import { collectErrors } from './helpers';

const test = testWithOllama();

test('a cluster rating keeps the rating a member already has, says so, and undoes as one', async ({ page, workbench }) => {
  const errors = collectErrors(page);
  // Temperature 0: the fake answers the same every time, so the cell is one cluster of 4.
  const run = await runToCompletion(workbench.server, { prompt: 'capital-city', models: ['ollama/llama3.2'], temperatures: [0], cases: ['France (easy)'], samples: 4 });
  const runId = run.summary.runId;
  await page.goto(`${workbench.server.url}#/runs/${runId}`);
  await expect(page.locator('.review[data-ready="true"]')).toBeVisible();
  const cluster = page.locator('.grid-cell .cluster').first();
  await expect(cluster.locator('.cluster__count')).toHaveText('×4');
  const members = await cluster.locator('.mark').evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-sample-id') as string));
  const mark = (id: string) => page.locator(`.mark[data-sample-id="${id}"]`);

  // One member gets its own 4 first.
  const own = members[2] as string;
  await mark(own).click();
  await page.keyboard.press('4');
  await expect(mark(own)).toHaveAttribute('data-rating', '4');

  // Then the whole cluster a 3: the other three get it, the 4 stays.
  await cluster.locator('.cluster__text').click();
  await page.keyboard.press('c');
  await expect(page.getByRole('status').filter({ hasText: 'Cluster of 4' })).toBeVisible();
  await page.keyboard.press('3');
  for (const id of members) await expect(mark(id)).toHaveAttribute('data-rating', id === own ? '4' : '3');
  await expect(page.getByRole('status').filter({ hasText: 'Rated 3: 3 of the cluster of 4; 1 kept its own rating · u to undo' })).toBeVisible();
  await expect(page.locator('.rated-count__text')).toHaveText('4/4 rated');
  const saved = async () => new Map((await callApi<RunDetail>(workbench.server, 'getRun', { runId })).ratings.map((entry) => [entry.sampleId, entry.rating]));
  await expect.poll(async () => [...(await saved()).values()].sort()).toEqual([3, 3, 3, 4]);
  expect((await saved()).get(own)).toBe(4);

  // Every member rated: another cluster rating changes nothing, and says why.
  await page.keyboard.press('c');
  await page.keyboard.press('5');
  await expect(page.getByRole('status').filter({ hasText: 'Every sample in this cluster of 4 already has its own rating; nothing changed' })).toBeVisible();

  // One undo takes the cluster rating back, and only it: the 4 is still there.
  await page.keyboard.press('u');
  await expect(page.getByRole('status').filter({ hasText: 'Undone: 3 samples are back as they were' })).toBeVisible();
  for (const id of members) {
    if (id === own) await expect(mark(id)).toHaveAttribute('data-rating', '4');
    else await expect(mark(id)).not.toHaveAttribute('data-rating');
  }
  await expect.poll(async () => [...(await saved()).entries()]).toEqual([[own, 4]]);
  expect(errors).toEqual([]);
});
