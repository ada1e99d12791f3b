#!/usr/bin/env node
// Builds what runs in Node: electron/shell/main.ts -> dist/electron/main.js (ESM, for Electron's Node),
// electron/shell/preload.ts -> dist/electron/preload.cjs (CommonJS: sandboxed preloads cannot load ES
// modules or require anything but 'electron', so everything else is bundled in), the core host
// electron/core/host/coreHostMain.ts -> coreHost.js beside main.js (the app's utility process) and
// beside the command line, electron/cli/cli.ts -> dist/cli/workbench.js (whose `serve` forks it),
// which bin/workbench.js runs when it is up to date (it starts sooner than through tsx, and without
// the compiler's memory).
// `node scripts/build-electron.js cli` builds only the command line and the tasks runtime (what the
// tests need); `… tasks` only the runtime of the `prompt-workbench/tasks` package export.
// The renderer is built separately by `vite build`. Nothing here loads Electron itself.
import { builtinModules } from 'node:module';
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist', 'electron');
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

// Runtime dependencies stay in node_modules (better-sqlite3 is native; the rest ship there anyway).
const externalPackages = new Set(['electron', ...Object.keys(pkg.dependencies ?? {})]);
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** True for 'electron', dependencies and their subpaths ('isomorphic-git/http/node'), and builtins. */
function isMainExternal(id) {
  if (builtins.has(id) || id.startsWith('node:')) return true;
  const parts = id.split('/');
  const name = id.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return externalPackages.has(name);
}

/** Options every build shares: no config file, no public dir, no .env, readable output. */
const common = {
  configFile: false,
  root,
  publicDir: false,
  envDir: false,
  logLevel: 'warn',
  mode: process.env.NODE_ENV === 'development' ? 'development' : 'production',
};

/**
 * An ES-module bundle for Node; `entries` maps output names (without .js) to sources under
 * electron/. Packages matching `external` stay in node_modules.
 */
async function buildNodeBundle({ entries, outDir: dir, emptyOutDir, target, external, chunkFileNames }) {
  const input = Object.fromEntries(Object.entries(entries).map(([name, entry]) => [name, path.join(root, 'electron', entry)]));
  await build({
    ...common,
    build: {
      // An SSR build resolves packages the Node way (no 'browser' fields) and targets Node.
      ssr: true,
      outDir: dir,
      emptyOutDir,
      target,
      sourcemap: true,
      minify: false,
      rolldownOptions: { input, external, output: { format: 'es', entryFileNames: '[name].js', chunkFileNames } },
    },
    ssr: { target: 'node', noExternal: true },
  });
}

const buildMain = () =>
  buildNodeBundle({ entries: { main: 'shell/main.ts' }, outDir, emptyOutDir: false, target: 'node22', external: isMainExternal, chunkFileNames: 'chunks/[name]-[hash].js' });

// The app's core host: its chunks stay beside it, where the template worker is found (see copyWorker).
const buildAppHost = () =>
  buildNodeBundle({ entries: { coreHost: 'core/host/coreHostMain.ts' }, outDir, emptyOutDir: false, target: 'node22', external: isMainExternal, chunkFileNames: 'host-[name]-[hash].js' });

/** For the command line every package stays in node_modules, devDependencies too (vite, for serve). */
const isPackageOrBuiltin = (id) => builtins.has(id) || id.startsWith('node:') || !(id.startsWith('.') || path.isAbsolute(id));

// Chunks stay beside the entries: cli/paths.ts finds the app's files two folders up, and `serve`
// finds coreHost.js beside itself.
const buildCli = () =>
  buildNodeBundle({
    entries: { workbench: 'cli/cli.ts', coreHost: 'core/host/coreHostMain.ts' },
    outDir: path.join(root, 'dist', 'cli'),
    emptyOutDir: true,
    target: 'node20',
    external: isPackageOrBuiltin,
    chunkFileNames: '[name]-[hash].js',
  });

// The `prompt-workbench/tasks` package export (package.json "exports"; its types are types/tasks.d.ts):
// approved prompts called from a Node application. Packages stay in node_modules; the database code
// is its own chunk, loaded only when calls are recorded, so an application that does not record
// never loads better-sqlite3.
const buildTasks = () =>
  buildNodeBundle({
    entries: { tasks: 'core/tasks/index.ts' },
    outDir: path.join(root, 'dist', 'tasks'),
    emptyOutDir: true,
    target: 'node20',
    external: isPackageOrBuiltin,
    chunkFileNames: '[name]-[hash].js',
  });

async function buildPreload() {
  await build({
    ...common,
    // zod and friends are bundled; make sure no development-only branch is left behind.
    define: { 'process.env.NODE_ENV': JSON.stringify(common.mode) },
    build: {
      lib: {
        entry: path.join(root, 'electron', 'shell', 'preload.ts'),
        formats: ['cjs'],
        fileName: () => 'preload.cjs',
      },
      outDir,
      emptyOutDir: false,
      target: 'chrome140',
      sourcemap: true,
      minify: false,
      rolldownOptions: {
        external: ['electron'],
        output: { codeSplitting: false },
      },
    },
  });
}

// Templates render and regex checks match in worker threads, each from a plain JavaScript file found
// beside the code that starts it (workspace/templateSandbox.ts, checks/regexSandbox.ts); each
// bundle gets a copy of both beside it.
const WORKERS = [
  path.join(root, 'electron', 'core', 'workspace', 'templateRenderWorker.js'),
  path.join(root, 'electron', 'core', 'checks', 'regexWorker.js'),
];
const copyWorker = async (dir) => {
  for (const file of WORKERS) await copyFile(file, path.join(dir, path.basename(file)));
};

const started = Date.now();
const cliOnly = process.argv[2] === 'cli';
const tasksOnly = process.argv[2] === 'tasks';
try {
  if (tasksOnly) {
    await buildTasks();
    await copyWorker(path.join(root, 'dist', 'tasks'));
    console.log(`Built dist/tasks/tasks.js in ${Date.now() - started} ms.`);
    process.exit(0);
  }
  if (!cliOnly) {
    await buildMain();
    await buildAppHost();
    await copyWorker(outDir);
    await buildPreload();
  }
  await buildCli();
  await copyWorker(path.join(root, 'dist', 'cli'));
  await buildTasks();
  await copyWorker(path.join(root, 'dist', 'tasks'));
  console.log(`Built ${cliOnly ? '' : 'dist/electron/main.js, coreHost.js, preload.cjs, '}dist/cli/workbench.js, coreHost.js and dist/tasks/tasks.js in ${Date.now() - started} ms.`);
} catch (error) {
  console.error('Building the Node bundles failed:');
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
