// The review at scale (issue 18, point 7): a 20,000-sample run (5 models × 4 temperatures × 10
// cases × 100), in Debian's Chromium against `workbench serve`:
// 1. open: from navigating to `#/runs/<id>` until the grid is drawn and takes keys (`data-ready`),
//    median over fresh loads (target < 1.5 s);
// 2. search and filters: from the key, click or choice in the page until the DOM shows the grid for
//    the new filter (the bar's `data-filter`, drawn in the same commit as the grid), timed in the
//    page: typing a word letter by letter, clearing it, toggling ratings, failed calls, a model, a
//    cluster size (target p95 < 100 ms);
// 3. a rating keypress until its mark carries it, as reviewBench.ts times it (target p95 < 50 ms).
// The run is written to the store directly (syntheticRun.ts), not sampled: the output says so.
import { chromium, type Page } from '@playwright/test';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { filterQuery } from '../../renderer/lib/sampleFilter/filterParams';
import { NO_FILTER, type SampleFilter } from '../../renderer/lib/sampleFilter/sampleFilter';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, serveWorkbench } from '../support/workbenchCli';
import { armRatingTimer, CHROMIUM_ARGS, line, openReview, readRatingTimer, stats } from './reviewBench';
import { writeSyntheticRun, type SyntheticRunShape } from './syntheticRun';

const SHAPE: SyntheticRunShape = {
  prompt: 'scale',
  models: ['openai/gpt-4o-mini', 'openai/gpt-4o', 'anthropic/claude-haiku-4-5', 'ollama/llama3.2', 'ollama/qwen2.5:7b'],
  temperatures: [0, 0.4, 0.8, 1.2],
  cases: Array.from({ length: 10 }, (_, i) => `case-${String(i + 1).padStart(2, '0')}`),
  perCell: 100,
};
const TOTAL = SHAPE.models.length * SHAPE.temperatures.length * SHAPE.cases.length * SHAPE.perCell;
const LOADS = 5;
const ROUNDS = 2;
const PRESSES = 50;
const WORDS = ['because', 'production', 'thorough'];

/**
 * Installs, in the page, a timer from the next key, pointer press or choice until the filter bar
 * (and the grid, drawn in the same commit) shows `query`. Read with `readFilterTimer`.
 */
async function armFilterTimer(page: Page, query: string): Promise<void> {
  await page.evaluate(`window.__filterTimer = new Promise((resolve, reject) => {
    const selector = '.sample-filter[data-filter="' + CSS.escape(${JSON.stringify(query)}) + '"]';
    const kinds = ['keydown', 'pointerdown', 'input', 'change'];
    let started = 0;
    let observer;
    const start = () => { if (started === 0) started = performance.now(); };
    const stop = () => { observer.disconnect(); clearTimeout(timer); kinds.forEach((kind) => document.removeEventListener(kind, start, true)); };
    kinds.forEach((kind) => document.addEventListener(kind, start, true));
    observer = new MutationObserver(() => {
      if (started > 0 && document.querySelector(selector)) {
        const took = performance.now() - started;
        stop();
        resolve({ took, kept: document.querySelector('.sample-filter__count')?.getAttribute('data-kept') });
      }
    });
    const timer = setTimeout(() => { stop(); reject(new Error('the filter was not shown: ' + selector)); }, 15000);
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-filter'], childList: true });
  }); undefined`);
}

async function timed(page: Page, filter: SampleFilter, act: () => Promise<void>): Promise<{ took: number; kept: string }> {
  await armFilterTimer(page, filterQuery(filter));
  await act();
  return page.evaluate('window.__filterTimer') as Promise<{ took: number; kept: string }>;
}

/** One round of searches and filters; returns each update's time, and what a search kept. */
async function filterRound(page: Page, notes: string[]): Promise<number[]> {
  const times: number[] = [];
  let filter: SampleFilter = NO_FILTER;
  const step = async (next: SampleFilter, act: () => Promise<void>) => {
    const { took, kept } = await timed(page, next, act);
    filter = next;
    times.push(took);
    return kept;
  };
  const search = page.getByRole('searchbox', { name: 'Search outputs' });
  await page.keyboard.press('/');
  for (const word of WORDS) {
    let kept = '';
    for (let end = 1; end <= word.length; end++) kept = await step({ ...filter, text: word.slice(0, end) }, () => page.keyboard.type(word[end - 1] as string));
    notes.push(`"${word}" keeps ${Number(kept).toLocaleString('en')}`);
    await step({ ...filter, text: '' }, () => search.press('Escape'));
  }
  await search.press('Escape');
  const ratings = page.getByRole('group', { name: 'Rating' });
  await step({ ...filter, ratings: ['unrated'] }, () => ratings.getByRole('button', { name: 'Unrated' }).click());
  await step({ ...filter, ratings: [] }, () => ratings.getByRole('button', { name: 'Unrated' }).click());
  await step({ ...filter, failed: true }, () => page.getByRole('button', { name: 'Failed', exact: true }).click());
  await step({ ...filter, failed: false }, () => page.getByRole('button', { name: 'Failed', exact: true }).click());
  await step({ ...filter, cluster: 1 }, () => page.getByRole('combobox', { name: 'Cluster size' }).selectOption('1').then(() => undefined));
  await step({ ...filter, cluster: null }, () => page.getByRole('combobox', { name: 'Cluster size' }).selectOption('').then(() => undefined));
  await page.getByRole('button', { name: 'Model: all' }).click();
  const models = page.getByRole('group', { name: 'Model' });
  for (const model of SHAPE.models.slice(0, 2)) {
    await step({ ...filter, models: [model] }, () => models.getByRole('checkbox', { name: model, exact: true }).check());
    await step({ ...filter, models: [] }, () => models.getByRole('checkbox', { name: model, exact: true }).uncheck());
  }
  await page.keyboard.press('Escape');
  return times;
}

export async function benchReviewScale(): Promise<string[]> {
  const lines: string[] = [];
  const root = makeTempDir('workbench-review-scale-');
  const workspace = path.join(root, 'ws');
  const env = { HOME: root, XDG_CONFIG_HOME: path.join(root, '.config') };
  let server: Awaited<ReturnType<typeof serveWorkbench>> | undefined;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const init = runWorkbench(['init', '--workspace', workspace], env);
    if (init.status !== 0) throw new Error(`workbench init failed: ${init.stderr}`);
    const setupStarted = performance.now();
    const runId = writeSyntheticRun(workspace, SHAPE);
    const shape = `${SHAPE.models.length} models × ${SHAPE.temperatures.length} temperatures × ${SHAPE.cases.length} cases × ${SHAPE.perCell}`;
    lines.push(`setup: a run of ${TOTAL.toLocaleString('en')} samples (${shape}) written to the store directly, not sampled, in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);

    server = await serveWorkbench(workspace, ['--port', '0'], { ...process.env, ...env });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const url = `${server.url}#/runs/${runId}`;

    // One load first that is not counted: it pays for the server's and the browser's cold caches.
    await openReview(page, url);
    const ready: number[] = [];
    for (let load = 0; load < LOADS; load++) ready.push((await openReview(page, url)).ready);
    lines.push(line(`open review of ${TOTAL.toLocaleString('en')} samples, navigation → interactive grid`, stats(ready), { of: 'median', ms: 1500 }));

    const notes: string[] = [];
    const updates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) updates.push(...(await filterRound(page, round === 0 ? notes : [])));
    lines.push(line(`search or filter → grid shown (${notes.join(', ')}; ratings, failed, cluster size, model)`, stats(updates), { of: 'p95', ms: 100 }));

    const shown: number[] = [];
    for (let press = 0; press < PRESSES; press++) {
      const sampleId = await page.locator('.mark.is-focused').getAttribute('data-sample-id');
      if (!sampleId) throw new Error('no focused sample');
      const rating = String((press % 5) + 1);
      const rated = Number(await page.locator('[data-rated]').getAttribute('data-rated'));
      await armRatingTimer(page, sampleId, rating, rated + 1);
      await page.keyboard.press(rating);
      shown.push((await readRatingTimer(page)).shown);
    }
    lines.push(line(`rating keypress → shown in the DOM (${TOTAL.toLocaleString('en')} samples)`, stats(shown), { of: 'p95', ms: 50 }));
  } finally {
    await browser.close();
    await server?.stop();
    removeDir(root);
  }
  return lines;
}
