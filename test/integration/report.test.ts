// The shareable report of real runs (fake providers, real database), opened in Chromium with every
// network request refused: it must render its charts from the file alone, and run nothing.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import type { Sample } from '../../shared/runs';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { repoRoot, starterDir } from '../support/workbenchCli';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const SCREENSHOTS = path.join(repoRoot, 'test-results', 'screenshots');
const HOSTILE = '<script>alert("run")</script><img src=x onerror=alert("img")>';

let root: string;
let core: WorkbenchCore;
let ollama: FakeProvider;
let openai: FakeProvider;
let browser: Browser;
let before = '';
let after = '';

async function sweep(): Promise<string> {
  const started = await core.api.startRun(
    api.methods.startRun.input.parse({
      prompt: 'capital-city',
      models: ['ollama/llama3.2', 'openai/gpt-4o-mini'],
      temperatures: [0, 0.7, 1.2, 2],
      cases: ['Japan (easy)', 'Bolivia (two capitals)'],
      samples: 5,
      confirmed: true,
    }),
  );
  await core.runs.finished(started.runId);
  return started.runId;
}

/** Ratings that fall with temperature and differ by model, as a person's might; a few with notes. */
async function rateLikeAPerson(runId: string, skill: number): Promise<Sample[]> {
  const samples = (await core.api.getRun({ runId })).samples.filter((sample) => sample.status === 'ok');
  for (const rating of [1, 2, 3, 4, 5]) {
    const chosen = samples.filter((sample, i) => {
      const base = skill - sample.temperature * 1.2 + (sample.model.startsWith('openai') ? 0.6 : 0) + ((i % 3) - 1) * 0.8;
      return Math.min(5, Math.max(1, Math.round(base))) === rating;
    });
    if (chosen.length > 0) await core.api.rateSamples({ runId, sampleIds: chosen.map((sample) => sample.sampleId), rating });
  }
  await core.api.setSampleNote({ runId, sampleId: samples[0]?.sampleId ?? '', note: 'Exactly right: one word, no punctuation.' });
  await core.api.setSampleNote({ runId, sampleId: samples[samples.length - 1]?.sampleId ?? '', note: 'Rambles <b>far</b> beyond one word.' });
  return samples;
}

async function openOffline(file: string, screenshot: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const fetched: string[] = [];
  const dialogs: string[] = [];
  await page.route('**', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) fetched.push(request.url());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`file://${file}`);
  const charts = page.locator('figure.chart > svg');
  const sizes = await charts.evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect()).map((box) => [box.width, box.height]));
  const lines = await page.locator('figure.chart path.line').count();
  const scripts = await page.locator('script, img, iframe').count();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, screenshot), fullPage: true });
  await page.close();
  return { fetched, dialogs, sizes, lines, scripts };
}

beforeAll(async () => {
  root = makeTempDir();
  ollama = await startFakeProvider({ kind: 'ollama' });
  openai = await startFakeProvider({ kind: 'openai', apiKey: 'sk-report' });
  core = await openCore({ workspaceDir: path.join(root, 'ws'), starterDir, create: true, env: { OLLAMA_HOST: ollama.url, OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: 'sk-report' } });
  before = await sweep();
  const samples = await rateLikeAPerson(before, 4.2);
  // An output a model was talked into writing as HTML: shown as text, never run.
  core.database.connection.prepare('UPDATE samples SET output = ? WHERE id = ?').run(HOSTILE, samples[1]?.sampleId);
  const file = path.join(core.workspace.promptsDir, 'capital-city.prompt');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('with no punctuation, explanation or extra words', 'and nothing else: no punctuation, no explanation'));
  after = await sweep();
  await rateLikeAPerson(after, 4.8);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await core.close();
  await ollama.close();
  await openai.close();
  removeDir(root);
});

describe('runReport in Chromium, offline', () => {
  it('renders a run with its four charts from the file alone, fetching and running nothing', async () => {
    const report = await core.api.runReport({ runId: before });
    expect(report.html).toContain('&lt;script&gt;alert(&quot;run&quot;)&lt;/script&gt;');
    // capital-city has checks: the pass rates, overall and per cell, with a chart against temperature.
    const checks = await core.api.runChecks(api.methods.runChecks.input.parse({ runId: before }));
    expect(report.html).toContain('<h2>Checks</h2>');
    expect(report.html).toContain(`Overall: ${checks.overall.passed}/${checks.overall.total} · `);
    expect(report.html).toContain('Pass rate by temperature (95% interval)');
    expect(report.html.match(/<table class="cells pass-rates">[\s\S]*?<\/table>/)?.[0].match(/<tr>/g)).toHaveLength(checks.cells.length + 1);
    expect(report.html).toContain('Measured by the prompt’s 3 checks for these cases, as its files hold them now: just the city&#39;s name; equals &quot;Tokyo&quot; (Japan (easy)); one of its two capitals, alone (Bolivia (two capitals)).');
    const file = path.join(root, report.fileName);
    fs.writeFileSync(file, report.html);

    const seen = await openOffline(file, 'report-run.png');
    expect(seen.fetched).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    expect(seen.scripts).toBe(0);
    expect(seen.sizes).toHaveLength(4);
    for (const [width, height] of seen.sizes) {
      expect(width).toBeGreaterThan(200);
      expect(height).toBeGreaterThan(100);
    }
    // A line per model in each of the three line charts (pass rate, rating, consistency).
    expect(seen.lines).toBe(6);
  });

  it('renders two runs compared, with the prompt diff', async () => {
    const report = await core.api.runReport({ runId: after, compareRunId: before });
    expect(report.html).toContain('<mark>');
    // Both runs measured by the same checks: the change per cell and overall, with a verdict.
    expect(report.html).toContain('<h2>Checks, A → B</h2>');
    expect(report.html).toMatch(/<tr class="overall"><th colspan="3">Whole run<\/th><td class="num">\d+\/\d+ → \d+\/\d+<\/td>/);
    expect(report.html).toMatch(/better|worse|can’t tell yet|can't tell yet/);
    const file = path.join(root, report.fileName);
    fs.writeFileSync(file, report.html);

    const seen = await openOffline(file, 'report-compare.png');
    expect(seen.fetched).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    expect(seen.sizes).toHaveLength(4);
    expect(seen.lines).toBe(12);
  });
});
