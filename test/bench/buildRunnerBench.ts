// Bundles the runner benchmark the way the app's main process is bundled (scripts/build-electron.js),
// so its memory is measured for the code the app runs, not for tsx compiling TypeScript on the fly.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'vite';
import { repoRoot } from '../support/workbenchCli';

const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** Packages stay in node_modules, as in the app; only the project's own code is bundled. */
const isExternal = (id: string) => builtins.has(id) || id.startsWith('node:') || !(id.startsWith('.') || path.isAbsolute(id));

export async function buildRunnerBench(): Promise<string> {
  const outDir = path.join(repoRoot, 'dist', 'bench');
  await build({
    configFile: false,
    root: repoRoot,
    publicDir: false,
    envDir: false,
    logLevel: 'warn',
    build: {
      ssr: path.join(repoRoot, 'test', 'bench', 'runnerBench.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rolldownOptions: { external: isExternal, output: { format: 'es', entryFileNames: 'runnerBench.js' } },
    },
    ssr: { target: 'node', noExternal: true },
  });
  return path.join(outDir, 'runnerBench.js');
}
