// The Electron main process keeps the window, the menu, dialogs and safeStorage; the core runs in a
// utility process. This walks the real import graph of main.ts (and of the preload) with the same
// bundler that builds the app, so a type-only import does not count and an import hidden behind a
// re-export does, and fails if it reaches the store, git, the runner, a provider or their packages.
import path from 'node:path';
import { builtinModules } from 'node:module';
import { build, type Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/workbenchCli';

const FORBIDDEN_FOLDERS = ['store', 'workspace', 'runner', 'providers'].map((folder) => `electron/core/${folder}/`);
const FORBIDDEN_PACKAGES = ['better-sqlite3', 'isomorphic-git', 'openai', '@anthropic-ai/sdk', 'ollama'];
/** What the shell may share with the core: the host's protocol, its client and its launcher. */
const SHARED_WITH_CORE = ['electron/core/host/hostClient.ts', 'electron/core/host/hostProtocol.ts', 'electron/core/host/hostSupervisor.ts'];

interface ImportGraph {
  /** Source files reached, relative to the repository. */
  files: string[];
  /** Packages and Node built-ins reached, by name. */
  packages: string[];
}

const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

async function importGraph(entry: string): Promise<ImportGraph> {
  const files = new Set<string>();
  const packages = new Set<string>();
  const recorder: Plugin = {
    name: 'record-import-graph',
    load(id) {
      if (path.isAbsolute(id)) files.add(path.relative(repoRoot, id).split(path.sep).join('/'));
      return null;
    },
  };
  await build({
    configFile: false,
    root: repoRoot,
    logLevel: 'silent',
    plugins: [recorder],
    build: {
      ssr: path.join(repoRoot, entry),
      write: false,
      rolldownOptions: {
        // Every package stays outside, as in the app's build; its name is what counts here. Only
        // imports written in a source file count (not a helper the bundler adds to its output).
        external: (id, importer) => {
          const bare = !id.startsWith('.') && !path.isAbsolute(id) && !id.startsWith('\0');
          if (bare && importer && path.isAbsolute(importer)) packages.add(builtins.has(id) ? id : packageName(id));
          return bare;
        },
      },
    },
    ssr: { target: 'node', noExternal: true },
  });
  return { files: [...files].sort(), packages: [...packages].sort() };
}

const coreFiles = (graph: ImportGraph) => graph.files.filter((file) => file.startsWith('electron/core/'));

describe('the Electron shell does not load the core', () => {
  it('main.ts reaches no store, workspace, runner or provider module, and none of their packages', async () => {
    const graph = await importGraph('electron/shell/main.ts');
    // The walk is real: it found main's own modules and Electron.
    expect(graph.files).toEqual(expect.arrayContaining(['electron/shell/main.ts', 'electron/shell/corePorts.ts', 'electron/shell/utilityCoreHost.ts']));
    expect(graph.packages).toContain('electron');
    expect(graph.files.filter((file) => FORBIDDEN_FOLDERS.some((folder) => file.startsWith(folder)))).toEqual([]);
    expect(graph.packages.filter((name) => FORBIDDEN_PACKAGES.includes(name))).toEqual([]);
    expect(coreFiles(graph).filter((file) => !SHARED_WITH_CORE.includes(file))).toEqual([]);
  });

  it('the preload reaches only Electron, and from the core only the host client and protocol', async () => {
    const graph = await importGraph('electron/shell/preload.ts');
    expect(graph.files).toContain('electron/shell/corePortClient.ts');
    expect(graph.packages.filter((name) => name !== 'zod')).toEqual(['electron']);
    expect(coreFiles(graph)).toEqual(['electron/core/host/hostClient.ts', 'electron/core/host/hostProtocol.ts']);
  });

  it('tells the two apart: the core host, walked the same way, reaches all of them', async () => {
    const graph = await importGraph('electron/core/host/coreHostMain.ts');
    for (const folder of FORBIDDEN_FOLDERS) expect(graph.files.some((file) => file.startsWith(folder)), folder).toBe(true);
    expect(graph.packages).toEqual(expect.arrayContaining(FORBIDDEN_PACKAGES));
  });
});
