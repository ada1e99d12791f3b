// The review view with a 5,000-sample run, in Debian's Chromium against `workbench serve`:
// 1. open: from navigating to `#/runs/<id>` until the grid is on screen (`data-ready`), median over
//    fresh page loads (target < 1 s); and how fast a key pressed at that moment is answered;
// 2. rating: a digit pressed on the focused sample until its mark carries the rating in the DOM,
//    and until the core's answer to the save has arrived (its resource timing), both timed in the
//    page from the keydown, over 50 presses (target p95 < 50 ms).
// Figures are returned as lines, not asserted: the machine decides how fast things go.
import { chromium, type Page } from '@playwright/test';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startFakeProvider } from '../support/fakeProviders';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, serveWorkbench, startWorkbench } from '../support/workbenchCli';

const MODELS = ['openai/gpt-4o-mini', 'openai/gpt-4o'];
const TEMPERATURES = '0,0.5,1,1.5,2';
const CASES = ['France (easy)', 'Japan (easy)', 'South Africa (three capitals)', 'Bolivia (two capitals)', 'Australia (common trap)'];
/** 2 models × 5 temperatures × 5 cases × 100 = 5,000 samples. */
const PER_CELL = 100;
const LOADS = 5;
const PRESSES = 50;
const KEY = 'sk-bench';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface Stats {
  median: number;
  p95: number;
  max: number;
  n: number;
}

export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN, n: sorted.length };
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

export function line(label: string, figures: Stats, target?: { of: 'median' | 'p95'; ms: number }): string {
  const verdict = target ? ` (target ${target.of} < ${target.ms} ms): ${figures[target.of] < target.ms ? 'PASS' : 'FAIL'}` : '';
  return `${label}: median ${ms(figures.median)}, p95 ${ms(figures.p95)}, max ${ms(figures.max)} over ${figures.n}${verdict}`;
}

interface PageGlobals {
  document: { querySelector(selector: string): unknown };
}

/**
 * Navigates afresh and returns, in page time since navigation start, when the grid was drawn; and
 * how long a key pressed at once after that took (keydown until the focus had moved, in the page).
 */
export async function openReview(page: Page, url: string): Promise<{ ready: number; firstKey: number }> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  // This file is type-checked as Node code, without the DOM's types: the page's document is reached through globalThis.
  const ready = await page.waitForFunction(
    () => ((globalThis as unknown as PageGlobals).document.querySelector('.review[data-ready="true"]') ? performance.now() : null),
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  const readyAt = (await ready.jsonValue()) as number;
  await page.evaluate(`window.__keyTimer = new Promise((resolve) => {
    const before = document.querySelector('.mark.is-focused')?.getAttribute('data-sample-id');
    let started = 0;
    const observer = new MutationObserver(() => {
      const now = document.querySelector('.mark.is-focused')?.getAttribute('data-sample-id');
      if (started > 0 && now && now !== before) {
        observer.disconnect();
        resolve(performance.now() - started);
      }
    });
    document.addEventListener('keydown', () => (started = performance.now()), { capture: true, once: true });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'], childList: true });
  }); undefined`);
  await page.keyboard.press('j');
  const firstKey = (await page.evaluate('window.__keyTimer')) as number;
  return { ready: readyAt, firstKey };
}

/**
 * Installs, in the page, a timer from the next keydown until the rating is on screen: the sample's
 * mark carries it, or (when the focus moving on has paged that mark out of its cluster's row) the
 * count of rated samples has gone up to `ratedAfter`. Installed (awaited) before the key is sent,
 * and read afterwards with `readRatingTimer`.
 */
export async function armRatingTimer(page: Page, sampleId: string, rating: string, ratedAfter: number): Promise<void> {
  const selector = `[data-sample-id="${sampleId}"][data-rating="${rating}"], [data-rated="${ratedAfter}"]`;
  // Plain JavaScript, not a function from this file: the TypeScript loader adds helpers to compiled
  // functions that do not exist in the page.
  await page.evaluate(`window.__ratingTimer = new Promise((resolve, reject) => {
    const selector = ${JSON.stringify(selector)};
    let started = 0;
    let shown = 0;
    let saved = 0;
    let observer;
    let timer;
    const settle = () => {
      if (shown === 0 || saved === 0) return;
      clearTimeout(timer);
      resources.disconnect();
      resolve({ shown, saved });
    };
    // The save: the rateSamples request sent after the key, until its answer had arrived.
    const resources = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (started > 0 && saved === 0 && entry.name.includes('rateSamples') && entry.startTime >= started) {
          saved = entry.responseEnd - started;
          settle();
        }
      }
    });
    resources.observe({ type: 'resource' });
    const finish = () => {
      observer.disconnect();
      document.removeEventListener('keydown', onKey, true);
      shown = performance.now() - started;
      settle();
    };
    const onKey = () => {
      started = performance.now();
      if (document.querySelector(selector)) finish();
    };
    observer = new MutationObserver(() => {
      if (started > 0 && document.querySelector(selector)) finish();
    });
    timer = setTimeout(() => reject(new Error('the rating was not shown: ' + selector)), 10000);
    document.addEventListener('keydown', onKey, true);
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-rating', 'data-rated'], childList: true });
  }); undefined`);
}

export function readRatingTimer(page: Page): Promise<{ shown: number; saved: number }> {
  return page.evaluate('window.__ratingTimer') as Promise<{ shown: number; saved: number }>;
}

export async function benchReview(): Promise<string[]> {
  const lines: string[] = [];
  const root = makeTempDir('workbench-review-bench-');
  const workspace = path.join(root, 'ws');
  const fake = await startFakeProvider({ kind: 'openai', latencyMs: 0, apiKey: KEY, record: false });
  const env = { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: KEY, HOME: root, XDG_CONFIG_HOME: path.join(root, '.config') };
  let server: Awaited<ReturnType<typeof serveWorkbench>> | undefined;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const init = runWorkbench(['init', '--workspace', workspace], env);
    if (init.status !== 0) throw new Error(`workbench init failed: ${init.stderr}`);
    const setupStarted = performance.now();
    const args = ['run', 'capital-city', ...MODELS.flatMap((model) => ['-m', model]), '-t', TEMPERATURES, ...CASES.flatMap((name) => ['--case', name])];
    const run = await startWorkbench([...args, '-n', String(PER_CELL), '--concurrency', '16', '--yes', '--json', '--workspace', workspace], env).done;
    if (run.status !== 0) throw new Error(`workbench run failed (${run.status}): ${run.stderr}`);
    const { runId } = JSON.parse(run.stdout) as { runId: string };
    lines.push(`setup: a run of ${(MODELS.length * 5 * CASES.length * PER_CELL).toLocaleString('en')} samples in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);

    server = await serveWorkbench(workspace, ['--port', '0'], { ...process.env, ...env });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const url = `${server.url}#/runs/${runId}`;

    // One load first that is not counted: it pays for the server's and the browser's cold caches.
    await openReview(page, url);
    const ready: number[] = [];
    const firstKey: number[] = [];
    for (let load = 0; load < LOADS; load++) {
      const timing = await openReview(page, url);
      ready.push(timing.ready);
      firstKey.push(timing.firstKey);
    }
    lines.push(line('open review, navigation → grid drawn', stats(ready), { of: 'median', ms: 1000 }));
    lines.push(line('then a key at once (j: keydown → focus moved, while the full metrics are computed)', stats(firstKey)));

    const shown: number[] = [];
    const saved: number[] = [];
    for (let press = 0; press < PRESSES; press++) {
      const sampleId = await page.locator('.mark.is-focused').getAttribute('data-sample-id');
      if (!sampleId) throw new Error('no focused sample');
      const rating = String((press % 5) + 1);
      const rated = Number(await page.locator('[data-rated]').getAttribute('data-rated'));
      await armRatingTimer(page, sampleId, rating, rated + 1);
      await page.keyboard.press(rating);
      const timing = await readRatingTimer(page);
      shown.push(timing.shown);
      saved.push(timing.saved);
    }
    lines.push(line('rating keypress → shown in the DOM', stats(shown), { of: 'p95', ms: 50 }));
    lines.push(line('rating keypress → saved (the core’s answer received)', stats(saved), { of: 'p95', ms: 50 }));
  } finally {
    await browser.close();
    await server?.stop();
    await fake.close();
    removeDir(root);
  }
  return lines;
}
