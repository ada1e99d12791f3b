// The engine against promptfoo on identical work, whole process against whole process: the same
// prompt (a system and a user message), the same 5 cases, 4 temperatures and 250 repeats, so 5,000
// calls each, 16 at a time, against the same local zero-latency OpenAI-compatible server, answered
// as plain JSON (promptfoo does not stream), every answer stored (the workbench in its SQLite
// database, promptfoo in its own). What is compared is the wall time of the whole command, start-up
// and exit included, in interleaved pairs so that both meet the same machine.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensurePromptfoo, promptfooCacheDir, PROMPTFOO_VERSION } from './promptfooInstall';
import { CASES, caseTopic, median, runCommand, SYSTEM_MESSAGE, TEMPERATURES, USER_TEMPLATE } from './workbenchRuns';

const REPEATS = 250;
const CONCURRENCY = 16;
const CALLS = TEMPERATURES.length * CASES * REPEATS;
const TARGET_RATIO = 5;

/** promptfoo's config for the same work as the workbench's bench prompt. */
function writeConfig(dir: string, serverUrl: string): string {
  const prompt = JSON.stringify([
    { role: 'system', content: SYSTEM_MESSAGE },
    { role: 'user', content: USER_TEMPLATE },
  ]);
  const config = {
    description: 'prompt-workbench benchmark',
    prompts: [prompt],
    providers: TEMPERATURES.map((temperature) => ({ id: 'openai:chat:gpt-4o-mini', label: `t${temperature}`, config: { apiBaseUrl: serverUrl, apiKey: 'sk-bench', temperature } })),
    tests: Array.from({ length: CASES }, (_, i) => ({ vars: { topic: caseTopic(i) } })),
  };
  const file = path.join(dir, 'promptfooconfig.yaml');
  fs.writeFileSync(file, JSON.stringify(config, null, 2)); // JSON is YAML
  return file;
}

/** Everything promptfoo writes stays in `home`, and nothing it sends leaves this machine. */
function promptfooEnv(home: string): NodeJS.ProcessEnv {
  // Even with telemetry off, promptfoo posts a "telemetry disabled" event to its own server. Every
  // address but the local server's goes through a proxy on a closed local port, so it fails here.
  const closedProxy = 'http://127.0.0.1:9';
  return {
    ...process.env,
    PROMPTFOO_CONFIG_DIR: home,
    PROMPTFOO_DISABLE_TELEMETRY: '1',
    PROMPTFOO_DISABLE_UPDATE: '1',
    PROMPTFOO_CACHE_ENABLED: 'false',
    // Its default debug log writes lines per call to a file and, at exit, sometimes crashes while
    // still flushing it; without it promptfoo only gets faster, so the comparison stays fair.
    PROMPTFOO_DISABLE_DEBUG_LOG: '1',
    HTTP_PROXY: closedProxy,
    HTTPS_PROXY: closedProxy,
    http_proxy: closedProxy,
    https_proxy: closedProxy,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
  };
}

/** One `promptfoo eval` as a whole process: its wall time and how many of its calls passed. */
async function promptfooEval(entry: string, config: string, home: string, repeats: number): Promise<{ wallSeconds: number; passed: number }> {
  const args = [entry, 'eval', '-c', config, '--repeat', String(repeats), '--max-concurrency', String(CONCURRENCY), '--no-cache', '--no-progress-bar', '--no-table'];
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: path.dirname(config), env: promptfooEnv(home), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const wallSeconds = (performance.now() - started) / 1000;
  const passed = Number((/([\d,]+) passed/.exec(output)?.[1] ?? '0').replace(/,/g, ''));
  if (code !== 0) throw new Error(`promptfoo eval exited with ${code}: ${output.slice(-800)}`);
  return { wallSeconds, passed };
}

/** Printable lines; `pairs` interleaved measurements of each. */
export async function benchAgainstPromptfoo(root: string, serverUrl: string, pairs: number): Promise<string[]> {
  const install = ensurePromptfoo();
  if (!install.ok) return [`engine vs promptfoo: SKIPPED, promptfoo could not be installed (${install.reason}); no comparison was made`];
  const dir = fs.mkdtempSync(path.join(root, 'promptfoo-'));
  const home = path.join(dir, 'home');
  const config = writeConfig(dir, serverUrl);
  const workbench: number[] = [];
  const promptfoo: number[] = [];
  try {
    // Not counted: creates its database and reads its code from disk once, as the workbench's earlier runs did for it.
    await promptfooEval(install.entry, config, home, 1);
    for (let pair = 0; pair < pairs; pair++) {
      const ours = await runCommand(root, serverUrl, REPEATS, CONCURRENCY, false);
      if (ours.ok !== CALLS) throw new Error(`workbench run answered ${ours.ok} of ${CALLS} calls`);
      workbench.push(ours.wallSeconds);
      const theirs = await promptfooEval(install.entry, config, home, REPEATS);
      if (theirs.passed !== CALLS) throw new Error(`promptfoo eval passed ${theirs.passed} of ${CALLS} calls`);
      promptfoo.push(theirs.wallSeconds);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [`engine vs promptfoo: NOT MEASURED, ${message} (if promptfoo's install is damaged, delete ${promptfooCacheDir()} to install it afresh)`];
  }
  const ratio = median(promptfoo) / median(workbench);
  const seconds = (values: number[]) => values.map((value) => `${value.toFixed(1)} s`).join(', ');
  return [
    `engine vs promptfoo ${PROMPTFOO_VERSION}${install.installedNow ? ' (installed now)' : ''}, ${CALLS.toLocaleString('en')} calls each, whole process: workbench run median ${median(workbench).toFixed(1)} s (${seconds(workbench)}), promptfoo eval median ${median(promptfoo).toFixed(1)} s (${seconds(promptfoo)}): ${ratio.toFixed(1)}× faster (target ≥ ${TARGET_RATIO}×): ${ratio >= TARGET_RATIO ? 'PASS' : 'FAIL'}`,
  ];
}
