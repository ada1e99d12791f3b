// promptfoo for the benchmark's comparison, installed on demand from the npm registry into a cache
// outside the repository (never a dependency of the project, never committed) and reused after.
// The version is pinned so the comparison stays the same one from run to run: the newest that
// still runs on Node 20, the engine this project supports.
// PROMPTFOO_BENCH_CACHE moves the cache; delete the folder to install afresh.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PROMPTFOO_VERSION = '0.121.20';

export type PromptfooInstall = { ok: true; entry: string; installedNow: boolean } | { ok: false; reason: string };

export function promptfooCacheDir(): string {
  const base = process.env.PROMPTFOO_BENCH_CACHE ?? path.join(os.homedir(), '.cache', 'prompt-workbench-bench');
  return path.join(base, `promptfoo-${PROMPTFOO_VERSION}`);
}

/** The promptfoo CLI's script, installing the pinned version first when the cache lacks it. */
export function ensurePromptfoo(): PromptfooInstall {
  const dir = promptfooCacheDir();
  const found = installedEntry(dir);
  if (found) return { ok: true, entry: found, installedNow: false };
  fs.mkdirSync(dir, { recursive: true });
  // --ignore-scripts: its optional extras (browsers, ML runtimes) download from elsewhere in their
  // install scripts; a plain `eval` against an OpenAI-compatible server needs none of them.
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const install = spawnSync(npm, ['install', '--prefix', dir, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', `promptfoo@${PROMPTFOO_VERSION}`], {
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  const entry = installedEntry(dir);
  if (install.status === 0 && entry) return { ok: true, entry, installedNow: true };
  // npm's first lines name the error (code, errno); its last ones only point at its log.
  const said = `${install.error?.message ?? ''}\n${install.stderr ?? ''}`.split('\n').map((line) => line.replace(/^npm error\s*/, '').trim()).filter(Boolean).slice(0, 2).join('; ');
  return { ok: false, reason: `npm install promptfoo@${PROMPTFOO_VERSION} into ${dir} failed${said ? `: ${said}` : ''}` };
}

function installedEntry(dir: string): string | null {
  try {
    const packageDir = path.join(dir, 'node_modules', 'promptfoo');
    const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version?: string; bin?: Record<string, string> };
    const bin = manifest.bin?.promptfoo;
    if (manifest.version !== PROMPTFOO_VERSION || !bin) return null;
    const entry = path.join(packageDir, bin);
    return fs.existsSync(entry) ? entry : null;
  } catch {
    return null;
  }
}
