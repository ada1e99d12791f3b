#!/usr/bin/env node
// Builds the Electron side: electron/main.ts -> dist/electron/main.js (ESM, for Electron's Node)
// and electron/preload.ts -> dist/electron/preload.cjs (CommonJS: sandboxed preloads cannot load ES
// modules or require anything but 'electron', so everything else is bundled in).
// The renderer is built separately by `vite build`. Nothing here loads Electron itself.
import { builtinModules } from 'node:module';
import { readFile } from 'node:fs/promises';
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

async function buildMain() {
  await build({
    ...common,
    build: {
      // An SSR build resolves packages the Node way (no 'browser' fields) and targets Node.
      ssr: path.join(root, 'electron', 'main.ts'),
      outDir,
      emptyOutDir: false,
      target: 'node22',
      sourcemap: true,
      minify: false,
      rolldownOptions: {
        external: isMainExternal,
        output: { format: 'es', entryFileNames: 'main.js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
    ssr: { target: 'node', noExternal: true },
  });
}

async function buildPreload() {
  await build({
    ...common,
    // zod and friends are bundled; make sure no development-only branch is left behind.
    define: { 'process.env.NODE_ENV': JSON.stringify(common.mode) },
    build: {
      lib: {
        entry: path.join(root, 'electron', 'preload.ts'),
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

const started = Date.now();
try {
  await buildMain();
  await buildPreload();
  console.log(`Built dist/electron/main.js and dist/electron/preload.cjs in ${Date.now() - started} ms.`);
} catch (error) {
  console.error('Building the Electron main and preload bundles failed:');
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
