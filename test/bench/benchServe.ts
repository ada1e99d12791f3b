// What the serve and runner benchmarks share: a fresh CLI bundle, the fake OpenAI-compatible server
// in its own process (so its work is not mixed into the figures), and a workspace with a one-line
// prompt and 5 cases.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, runWorkbench } from '../support/workbenchCli';

export const BENCH_CASES = 5;

/** The figures are of the bundled command line (as people run it): build it from the sources first. */
export function buildCli(): void {
  const built = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-electron.js'), 'cli'], { cwd: repoRoot, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the CLI failed: ${built.stderr}`);
}

export async function startFakeServerProcess(latencyMs: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test/bench/fakeServerProcess.ts'), String(latencyMs)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`the fake server exited with ${code}`)));
  });
  return { url, child };
}

/** A fresh workspace under `root` with the prompt `bench` (openai/gpt-4o-mini, input `topic`) and its cases. */
export function makeBenchWorkspace(root: string, name: string): string {
  const workspace = path.join(root, name);
  const init = runWorkbench(['init', '--workspace', workspace]);
  if (init.status !== 0) throw new Error(`workbench init failed: ${init.stderr}`);
  const prompts = path.join(workspace, 'prompts');
  fs.writeFileSync(path.join(prompts, 'bench.prompt'), '---\nmodel: openai/gpt-4o-mini\ninput:\n  schema:\n    topic: string\n---\n{{role "system"}}\nAnswer in one sentence.\n{{role "user"}}\nTell me about {{topic}}.\n');
  const cases = Array.from({ length: BENCH_CASES }, (_, i) => `- name: case-${i + 1}\n  input: { topic: topic number ${i + 1} }\n`).join('');
  fs.writeFileSync(path.join(prompts, 'bench.cases.yaml'), cases);
  return workspace;
}
