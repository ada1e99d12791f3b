// `npm run bench`: figures printed, each with its target and PASS or FAIL where it has one; nothing
// is asserted and the exit code says nothing about them. First how the versions features scale with
// a long history (one prompt with 1,000 commits: commit latency, listing all versions, rendering);
// then the review's metrics and page (metricsBench.ts, reviewBench.ts) and the review of a
// 20,000-sample run: open, search and filters, rating (reviewScaleBench.ts); then the run store's writes
// (storeBench.ts), re-checking a run's stored outputs after a check is edited (recheckBench.ts), and
// the sampling engine: throughput, memory, scheduling and the comparison with promptfoo, measured
// on real `workbench` processes (runnerBench.ts); last, how quickly
// `workbench serve` answers a rating and the prompt list during a large run (serveDuringRunBench.ts).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gitCli } from '../support/git';
import { makeTempDir, removeDir } from '../support/tempDir';
import { repoRoot, starterDir } from '../support/workbenchCli';
import { promptFilePaths } from '../../electron/core/workspace/promptLibrary';
import { renderPromptSource } from '../../electron/core/workspace/promptRenderer';
import { commitPrompt, promptHistory } from '../../electron/core/workspace/promptVersions';
import { openWorkspace } from '../../electron/core/workspace/workspace';
import { benchMetrics } from './metricsBench';
import { benchReview } from './reviewBench';
import { benchReviewScale } from './reviewScaleBench';
import { benchRunner } from './runnerBench';
import { benchServeDuringRun } from './serveDuringRunBench';
import { benchRecheck } from './recheckBench';
import { benchStore } from './storeBench';
import { buildPromptHistory } from './syntheticHistory';
import { measure, report } from './timing';

const HISTORY = 1_000;
const PROMPT = 'summarize';
const author = { name: 'Bench Author', email: 'bench@example.com' };

async function main(): Promise<void> {
  const root = makeTempDir('workbench-bench-');
  try {
    const workspace = await openWorkspace({ workspaceDir: path.join(root, 'ws'), starterDir: starterDir, create: true });
    const setupStarted = performance.now();
    await buildPromptHistory(workspace, PROMPT, HISTORY);
    const commits = Number(gitCli(workspace.path, 'rev-list', '--count', 'HEAD').trim());
    console.log(`setup: ${commits.toLocaleString('en')} commits (${HISTORY.toLocaleString('en')} of "${PROMPT}") in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);

    const file = path.join(workspace.path, promptFilePaths(PROMPT).prompt);
    const base = fs.readFileSync(file, 'utf8');
    const commit = await measure(30, async (run) => {
      fs.writeFileSync(file, `${base}\nBench edit ${run}.\n`);
      await commitPrompt(workspace, PROMPT, `Bench edit ${run}`, author);
    });
    console.log(report(`commit (${HISTORY.toLocaleString('en')} commits in history)`, commit, 100));

    let listed = 0;
    const history = await measure(10, async () => {
      listed = (await promptHistory(workspace, PROMPT)).length;
    });
    console.log(report(`history (${listed.toLocaleString('en')} versions listed)`, history, 200));

    const firstPage = await measure(10, () => promptHistory(workspace, PROMPT, 50));
    console.log(report('history, first 50 versions', firstPage));

    const source = fs.readFileSync(path.join(repoRoot, 'prompts', 'capital-city.prompt'), 'utf8');
    const render = await measure(200, () => renderPromptSource('prompts/capital-city.prompt', source, { country: 'Japan' }));
    console.log(report('render preview (capital-city)', render));
  } finally {
    removeDir(root);
  }
}

await main();

// The review: variance metrics in plain Node, then the review page in Chromium.
for (const line of await benchMetrics()) console.log(line);
for (const line of await benchReview()) console.log(line);
for (const line of await benchReviewScale()) console.log(line);

for (const line of benchStore()) console.log(line);
for (const line of await benchRecheck()) console.log(line);
await benchRunner(5, (line) => console.log(line));
for (const line of await benchServeDuringRun()) console.log(line);
