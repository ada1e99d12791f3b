// `workbench test`, the CI gate, as a CI job calls it: real processes against a fake Ollama that
// answers what each test asks (the `reply` fault), real SQLite and git in a temp workspace.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, startWorkbench } from '../support/workbenchCli';
import { assertWellFormed } from '../support/xmlCheck';

interface GateJson {
  runId: string;
  gate: { threshold: number; passed: boolean };
  cells: { model: string; temperature: number; case: string; passed: number; total: number; passRate: number | null; low: number; high: number; label: string }[];
}

let root: string;
let ws: string;
let ollama: FakeProvider;
let env: NodeJS.ProcessEnv;

const PROMPT = ['---', 'model: ollama/llama3.2', '---', 'What is the capital of {{country}}? One word.', ''].join('\n');
const SWEEP = ['-m', 'ollama/llama3.2', '-t', '0', '-n', '10'];

const test = (args: string[]) => startWorkbench(['test', '--workspace', ws, ...args], env).done;
const writeCases = (name: string, yaml: string) => fs.writeFileSync(path.join(ws, 'prompts', `${name}.cases.yaml`), yaml);
const writePrompt = (name: string) => fs.writeFileSync(path.join(ws, 'prompts', `${name}.prompt`), PROMPT);
/** The next `paris` answers are "Paris", the `other` after them something else (order within a cell does not matter). */
const answer = (paris: number, other: number, otherText = `Lyon <b>&"it's"</b>`) =>
  ollama.inject({ fault: { type: 'reply', text: 'Paris' }, times: paris }, { fault: { type: 'reply', text: otherText }, times: other });

beforeAll(async () => {
  root = makeTempDir();
  ws = path.join(root, 'ws');
  expect(runWorkbench(['init', '--workspace', ws]).status).toBe(0);
  ollama = await startFakeProvider({ kind: 'ollama' });
  env = { HOME: root, OLLAMA_HOST: ollama.url };
  // `--all` below gates the prompts this file writes, with answers it scripts; the starters that
  // carry checks would be sampled too (starterChecks.test.ts covers them), so they are removed.
  for (const starter of ['capital-city', 'extract-contacts', 'ticket-triage']) {
    for (const file of [`${starter}.prompt`, `${starter}.cases.yaml`]) fs.rmSync(path.join(ws, 'prompts', file), { force: true });
  }
  writePrompt('capital');
  writeCases('capital', ['- name: France', '  input: { country: France }', '  expect:', '    - equals: Paris', ''].join('\n'));
});

afterAll(async () => {
  await ollama.close();
  removeDir(root);
});

describe('workbench test', () => {
  let runId = '';

  it('samples, prints a row per cell with its rate and interval, and gates on the pass rate', async () => {
    answer(8, 2);
    const sampled = await test(['capital', ...SWEEP, '--min-pass-rate', '0.8', '--json']);
    expect(sampled.status, sampled.stderr).toBe(0);
    const report = JSON.parse(sampled.stdout) as GateJson;
    expect(Object.keys(report)).toEqual(['runId', 'gate', 'cells']);
    expect(report.gate).toEqual({ threshold: 0.8, passed: true });
    expect(report.cells).toHaveLength(1);
    const [cell] = report.cells;
    expect(Object.keys(cell ?? {})).toEqual(['model', 'temperature', 'case', 'passed', 'total', 'passRate', 'low', 'high', 'label']);
    expect(cell).toMatchObject({ model: 'ollama/llama3.2', temperature: 0, case: 'France', passed: 8, total: 10, passRate: 0.8, label: 'flaky' });
    // Wilson's 95% interval for 8/10.
    expect(cell?.low).toBeCloseTo(0.4902, 3);
    expect(cell?.high).toBeCloseTo(0.9433, 3);
    expect(ollama.completions).toBe(10);
    runId = report.runId;

    const table = await test(['--run', runId, '--min-pass-rate', '90%']);
    expect(table.status).toBe(1);
    expect(table.stdout).toMatch(/^ollama\/llama3\.2\s+0\s+France\s+8\/10\s+80%\s+\[49%, 94%\]\s+\d+%\s+flaky\s+BELOW$/m);
    expect(table.stdout).toContain(`2× equals "Paris": expected "Paris", got "Lyon <b>&"it's"</b>"`);
    expect(table.stdout).toMatch(/^overall: 8\/10 · 80% \[49%, 94%\]/m);
    expect(table.stdout).toMatch(/^gate: FAIL \(1 of 1 cells have a pass rate below 90%\)$/m);
    // The threshold defaults to every sample passing.
    expect((await test(['--run', runId])).status).toBe(1);
  }, 120_000);

  it('--confident holds the interval\'s lower bound to the threshold, which flips a borderline cell', async () => {
    const byRate = await test(['--run', runId, '--min-pass-rate', '0.8']);
    expect(byRate.status).toBe(0);
    expect(byRate.stdout).toMatch(/^gate: PASS \(every cell's pass rate ≥ 80%\)$/m);
    const confident = await test(['--run', runId, '--min-pass-rate', '0.8', '--confident', '--json']);
    expect(confident.status).toBe(1);
    expect((JSON.parse(confident.stdout) as GateJson).gate).toEqual({ threshold: 0.8, passed: false });
    const lowBar = await test(['--run', runId, '--min-pass-rate', '0.45', '--confident']);
    expect(lowBar.status).toBe(0);
    expect(lowBar.stdout).toMatch(/^gate: PASS \(every cell's 95% lower bound ≥ 45%\)$/m);
  }, 60_000);

  it('--junit writes well-formed JUnit XML, a failure per cell below the gate with every failing sample\'s reason', async () => {
    const file = path.join(root, 'report.xml');
    const result = await test(['--run', runId, '--min-pass-rate', '0.9', '--junit', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Wrote the JUnit report to ${file}.`);
    const xml = fs.readFileSync(file, 'utf8');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    assertWellFormed(xml.slice(xml.indexOf('\n') + 1));
    expect(xml).toContain('<testsuites name="workbench test" tests="1" failures="1">');
    expect(xml).toContain('<testcase classname="capital" name="ollama/llama3.2 @ 0 / France" time="0">');
    const failure = /<failure message="([^"]*)" type="below gate">([^<]*)<\/failure>/.exec(xml);
    expect(failure?.[1]).toBe("8/10 passed; the pass rate is below 90%");
    const reasons = (failure?.[2] ?? '').split('\n');
    expect(reasons).toHaveLength(2);
    for (const reason of reasons) expect(reason).toMatch(/^sample \S+: equals &quot;Paris&quot;: expected &quot;Paris&quot;, got &quot;Lyon &lt;b&gt;&amp;&quot;it&#39;s&quot;&lt;\/b&gt;&quot;$/);

    const passing = await test(['--run', runId, '--min-pass-rate', '0.8', '--junit', file]);
    expect(passing.status).toBe(0);
    const clean = fs.readFileSync(file, 'utf8');
    expect(clean).toContain('tests="1" failures="0"');
    expect(clean).not.toContain('<failure');
  }, 60_000);

  it('re-evaluates an edited check on the stored outputs with zero provider calls', async () => {
    const before = { completions: ollama.completions, requests: ollama.requests.length };
    // Now "Lyon" is what the case expects, so the verdicts turn over: 2 of 10 pass.
    writeCases('capital', ['- name: France', '  input: { country: France }', '  expect:', '    - contains: Lyon', ''].join('\n'));
    const edited = await test(['--run', runId, '--min-pass-rate', '0.8', '--json']);
    expect(edited.status).toBe(1);
    expect((JSON.parse(edited.stdout) as GateJson).cells[0]).toMatchObject({ passed: 2, total: 10, passRate: 0.2, label: 'flaky' });
    writeCases('capital', ['- name: France', '  input: { country: France }', '  expect:', '    - max-words: 5', ''].join('\n'));
    const loosened = await test(['--run', runId, '--json']);
    expect(loosened.status).toBe(0);
    expect((JSON.parse(loosened.stdout) as GateJson).cells[0]).toMatchObject({ passed: 10, total: 10, label: 'stable pass' });
    expect({ completions: ollama.completions, requests: ollama.requests.length }).toEqual(before);
  }, 60_000);

  it('prints a check it cannot read with its file and line, and fails the gate for it', async () => {
    writeCases('capital', ['- name: France', '  input: { country: France }', '  expect:', '    - max-words: 5', '    - regex: "(unclosed"', ''].join('\n'));
    const result = await test(['--run', runId]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^prompts\/capital\.cases\.yaml:5: Case "France", check 2: .*regular expression/m);
    expect(result.stdout).toMatch(/^gate: FAIL \(1 check could not be read/m);
    writeCases('capital', ['- name: France', '  input: { country: France }', '  expect:', '    - equals: Paris', ''].join('\n'));
  }, 60_000);

  it('--all tests every prompt with checks, names those it skips, and prints an array with --json', async () => {
    writePrompt('capital-two');
    writeCases('capital-two', ['- name: Japan', '  input: { country: Japan }', '  expect:', '    - max-words: 5', '- name: Korea', '  input: { country: Korea }', ''].join('\n'));
    answer(2, 0);
    ollama.inject({ fault: { type: 'reply', text: 'Tokyo' }, times: 4 });
    const result = await test(['--all', '-m', 'ollama/llama3.2', '-t', '0', '-n', '2', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const reports = JSON.parse(result.stdout) as (GateJson & { prompt: string })[];
    expect(reports.map((report) => [report.prompt, report.gate.passed, report.cells.map((cell) => `${cell.passed}/${cell.total}`)])).toEqual([
      ['capital', true, ['2/2']],
      ['capital-two', true, ['2/2']],
    ]);
    expect(result.stderr).toMatch(/Not tested \(no checks\): code-review, product-description, summarize/);
    // Korea has no check of its own and the prompt none for every case: its samples are not counted, and the table says so.
    const table = await test(['--run', reports[1]?.runId ?? '']);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('No check applies to "Korea": its samples are not counted.');
  }, 120_000);

  it('refuses usage mistakes with exit 2 and what to do, before any provider call', async () => {
    const before = ollama.completions;
    const cases: [string[], RegExp][] = [
      [[], /test needs the names of prompts, --all, or --run RUN_ID/],
      [['no-such-prompt', ...SWEEP], /no prompt named "no-such-prompt"/],
      [['summarize', ...SWEEP], /"summarize" has no checks, so there is nothing to test\. Add some under a case's `expect:` in prompts\/summarize\.cases\.yaml .* `metadata\.workbench\.checks`/],
      [['summarize', '--run', runId], /run \S+ is a run of "capital", not "summarize"/],
      [['--run', 'no-such-run'], /no run "no-such-run"/],
      [['--run', runId, '-m', 'ollama/llama3.2'], /--run re-checks a run made already, so -m .* does not go with it/],
      [['capital', '--all'], /give either --all or names, not both/],
      [['capital', ...SWEEP, '--min-pass-rate', '1.5'], /--min-pass-rate takes a pass rate from 0 to 1, such as 0\.9, or a percentage such as 90%; "1\.5" is not one/],
      [['capital', ...SWEEP, '--pass-n', '0'], /--pass-n must be a whole number from 1 to 100/],
    ];
    for (const [args, message] of cases) {
      const result = await test(args);
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    writeCases('broken', ['- name: one', '  input: {}', '  expect:', '    - no-such-kind: 1', ''].join('\n'));
    writePrompt('broken');
    const broken = await test(['broken', ...SWEEP]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/"broken" has no check that can be read; fix these:\n {2}prompts\/broken\.cases\.yaml:4: /);
    expect(ollama.completions).toBe(before);
  }, 180_000);
});
