// Reading a run's grid: each cluster in a few wrapped lines and whole on `w`, a cell expanded to
// every member (`e`, Esc), the prompt library folded away (`[` and its buttons, remembered), four
// temperatures side by side at 1440 px (six, compact, with the library folded), rating digits, a
// note's marker, and the density setting (remembered).
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { runToCompletion } from './coreApi';
import { expect, testWithOllama } from './fixtures';
import { collectErrors, removeChecks, saveScreenshot } from './helpers';

const test = testWithOllama();

/** Two long answers, far apart: every cell gets two clusters whose text runs well past three lines. */
const LONG_A = `Paris is the capital of France. ${'It sits on the Seine, in the north of the country, and has been the seat of government for centuries. '.repeat(4)}That is the short answer.`;
const LONG_B = `The answer is Paris.\nIt is France's largest city. ${'Museums, cafés and wide boulevards line its old quarters, home to about two million people. '.repeat(4)}`;

/** Light and dark shots of the page, to test-results/screenshots and /tmp/shots-grid (looked at by hand). */
async function shots(page: Page, testInfo: TestInfo, name: string, target: Page | Locator = page): Promise<void> {
  fs.mkdirSync('/tmp/shots-grid', { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(300);
    await saveScreenshot(page, testInfo, `readable-${name}-${scheme}`, target);
    fs.copyFileSync(path.join('test-results', 'screenshots', `readable-${name}-${scheme}.png`), `/tmp/shots-grid/${name}-${scheme}.png`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Every temperature heading lies inside the grid's visible box, and nothing scrolls sideways. */
async function expectColumnsVisible(page: Page, count: number): Promise<void> {
  const grid = page.locator('.review-grid');
  await expect(grid.locator('.review-grid__temp')).toHaveCount(count);
  const box = (await grid.boundingBox())!;
  for (const heading of await grid.locator('.review-grid__temp').all()) {
    const cell = (await heading.boundingBox())!;
    expect(cell.x).toBeGreaterThanOrEqual(box.x);
    expect(cell.x + cell.width).toBeLessThanOrEqual(box.x + box.width);
  }
  const overflow = await grid.evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** How many lines of text an element shows. */
const linesShown = (element: Locator) => element.evaluate((node) => Math.round(node.clientHeight / parseFloat(getComputedStyle(node).lineHeight)));

test('a readable grid: a few lines or the whole text, an expanded cell, a folding library, digits, notes and density', async ({ page, workbench, ollama }, testInfo) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  removeChecks(workbench.workspace, 'capital-city');
  let asked = 0;
  ollama.script(() => (asked++ % 3 === 2 ? LONG_B : LONG_A));
  const run = await runToCompletion(workbench.server, { prompt: 'capital-city', models: ['ollama/llama3.2'], temperatures: [0, 0.4, 0.8, 1.2], cases: ['France (easy)'], samples: 6 });
  const outputs = new Map(run.samples.map((sample) => [sample.sampleId, sample.output ?? '']));

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${workbench.server.url}#/runs/${run.summary.runId}`);
  await expect(page.locator('.review[data-ready="true"]')).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Prompt library' })).toBeVisible();

  // The shortcuts list has the new keys.
  await page.keyboard.press('?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(overlay).toContainText('Show the focused cell’s answers in full');
  await expect(overlay).toContainText('Expand the focused cell');
  await expect(overlay).toContainText('Collapse or show the prompt library');
  await page.keyboard.press('Escape');
  await expect(overlay).toBeHidden();

  // Four temperatures beside the open prompt library at 1440 px, none cut off.
  await expectColumnsVisible(page, 4);

  // A cluster shows two or three wrapped lines of its answer, not one cut line.
  const cell = page.locator('.grid-cell.is-focused');
  const lines = cell.locator('.cluster__lines').first();
  const shown = await linesShown(lines);
  expect(shown).toBeGreaterThanOrEqual(2);
  expect(shown).toBeLessThanOrEqual(3);
  expect(await lines.evaluate((node) => node.scrollHeight > node.clientHeight)).toBe(true);
  await shots(page, testInfo, 'comfortable-library-open');

  // `w` shows the focused cell's answers whole (line breaks kept); its button says so; `w` again folds them.
  const representative = (await cell.locator('.cluster__text').first().getAttribute('data-sample-id')) as string;
  await page.keyboard.press('w');
  await expect(cell.getByRole('button', { name: 'Full text' })).toHaveAttribute('aria-pressed', 'true');
  await expect(lines).toHaveText(outputs.get(representative)!.trim(), { useInnerText: true });
  expect(await linesShown(lines)).toBeGreaterThan(3);
  await page.keyboard.press('w');
  await expect(cell.getByRole('button', { name: 'Full text' })).toHaveAttribute('aria-pressed', 'false');
  expect(await linesShown(lines)).toBeLessThanOrEqual(3);
  // The same by its button, on another cell only.
  const second = page.locator('.grid-cell').nth(1);
  await second.getByRole('button', { name: 'Full text' }).click();
  await expect(second.locator('.cluster__text.is-full')).toHaveCount(await second.locator('.cluster__text').count());
  await expect(cell.locator('.cluster__text.is-full')).toHaveCount(0);
  await second.getByRole('button', { name: 'Full text' }).click();

  // A rating shows its digit on the mark, not only a colour.
  await page.keyboard.press('4');
  const ratedMark = page.locator('.grid-cell .mark[data-rating="4"]');
  await expect(ratedMark).toHaveCount(1);
  expect(await ratedMark.evaluate((node) => getComputedStyle(node, '::before').content)).toBe('"4"');
  await expect(ratedMark).toHaveAttribute('title', 'Rated 4');

  // A note gets a marker on its cluster (said in words) and a dot on its mark.
  await page.keyboard.press('n');
  await page.getByRole('textbox', { name: 'Note' }).fill('Reads well, a bit long.');
  await page.keyboard.press('Enter');
  await expect(cell.getByRole('img', { name: '1 note' })).toBeVisible();
  await expect(cell.locator('.mark[data-note="true"]')).toHaveCount(1);
  await expect(cell.locator('.mark[data-note="true"]')).toHaveAttribute('title', /has a note/);
  // Every rating has its digit: 5, 3 and 1 beside the 4.
  for (const digit of ['5', '3', '1']) await page.keyboard.press(digit);
  await expect(cell.locator('.mark[data-rating]')).toHaveCount(4);
  expect(await cell.locator('.mark[data-rating]').evaluateAll((marks) => marks.map((mark) => getComputedStyle(mark, '::before').content).sort())).toEqual(['"1"', '"3"', '"4"', '"5"']);
  await shots(page, testInfo, 'rated-cell', cell);

  // `e` expands the focused cell: every cluster and every one of its samples, each on a line.
  await page.keyboard.press('e');
  const expanded = page.getByRole('region', { name: /^Expanded cell: ollama\/llama3\.2, temperature 0,/ });
  await expect(expanded).toBeVisible();
  const cellSamples = run.samples.filter((sample) => sample.temperature === 0).map((sample) => sample.sampleId);
  await expect(expanded.locator('.expanded-member')).toHaveCount(cellSamples.length);
  expect((await expanded.locator('.expanded-member').evaluateAll((items) => items.map((item) => item.getAttribute('data-sample-id')))).sort()).toEqual([...cellSamples].sort());
  await expect(expanded.locator('.expanded-member__note')).toHaveText(/Reads well, a bit long\./);
  // Members are rated by keyboard here as in the grid: the focused one moves, and takes a digit.
  const current = expanded.locator('.expanded-member[aria-current="true"]');
  const before = await current.getAttribute('data-sample-id');
  await page.keyboard.press('k');
  await expect(current).not.toHaveAttribute('data-sample-id', before!);
  const target = (await current.getAttribute('data-sample-id')) as string;
  await page.keyboard.press('2');
  await expect(expanded.locator(`.expanded-member[data-sample-id="${target}"] .mark`)).toHaveAttribute('data-rating', '2');
  await shots(page, testInfo, 'expanded-cell');
  await page.keyboard.press('Escape');
  await expect(expanded).toBeHidden();
  // Its button opens another cell, with all of its members.
  await page.locator('.grid-cell').nth(2).getByRole('button', { name: 'Expand cell' }).click();
  const third = page.getByRole('region', { name: /^Expanded cell: ollama\/llama3\.2, temperature 0\.8,/ });
  await expect(third.locator('.expanded-member')).toHaveCount(run.samples.filter((sample) => sample.temperature === 0.8).length);
  await third.getByRole('button', { name: 'Close expanded cell' }).click();
  await expect(third).toBeHidden();

  // Density: compact rows are shorter; the choice survives a reload.
  const row = page.locator('.review-grid__row').first();
  const comfortable = (await row.boundingBox())!.height;
  await page.getByRole('group', { name: 'Density' }).getByRole('button', { name: 'Compact' }).click();
  await expect(page.locator('.review-grid')).toHaveAttribute('data-density', 'compact');
  await expect.poll(async () => (await row.boundingBox())!.height).toBeLessThan(comfortable);
  await shots(page, testInfo, 'compact-library-open');

  // `[` folds the prompt library to a rail; the choice survives a reload; its buttons fold and unfold it.
  await page.keyboard.press('[');
  await expect(page.getByRole('complementary', { name: 'Prompt library' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Prompt library (collapsed)' })).toBeVisible();
  await page.reload();
  await expect(page.locator('.review[data-ready="true"]')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Prompt library (collapsed)' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Density' }).getByRole('button', { name: 'Compact' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Show the prompt library' }).click();
  await expect(page.getByRole('complementary', { name: 'Prompt library' })).toBeVisible();
  await page.getByRole('button', { name: 'Collapse the prompt library' }).click();
  await expect(page.getByRole('complementary', { name: 'Prompt library' })).toBeHidden();
  await expectColumnsVisible(page, 4);

  // Six temperatures, compact, with the library folded: all six fit at 1440 px.
  const wide = await runToCompletion(workbench.server, { prompt: 'capital-city', models: ['ollama/llama3.2'], temperatures: [0, 0.3, 0.6, 0.9, 1.2, 1.5], cases: ['France (easy)', 'Japan (easy)'], samples: 3 });
  await page.goto(`${workbench.server.url}#/runs/${wide.summary.runId}`);
  await expect(page.locator('.review[data-ready="true"]')).toBeVisible();
  await expectColumnsVisible(page, 6);
  await shots(page, testInfo, 'compact-six-columns');
  // Comfortable, five fit and the sixth scrolls sideways under sticky headings and row names.
  await page.getByRole('group', { name: 'Density' }).getByRole('button', { name: 'Comfortable' }).click();
  await page.locator('.review-grid').evaluate((element) => (element.scrollLeft = element.scrollWidth));
  await expect(page.locator('.review-grid__row-label').first()).toBeInViewport();
  await shots(page, testInfo, 'comfortable-six-columns-scrolled');

  expect(errors).toEqual([]);
});
