// The layer rules from docs/architecture.md are enforced by ESLint; these checks prove the rules fire.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/workbenchCli';

const eslint = new ESLint({ cwd: repoRoot });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('layer boundaries', () => {
  it.each([
    ['shared/probe.ts', "import fs from 'node:fs';\nexport const x = fs;\n", /no Node APIs/],
    ['shared/probe.ts', "import { app } from 'electron';\nexport const x = app;\n", /no Electron/],
    ['shared/probe.ts', "import React from 'react';\nexport const x = React;\n", /no React/],
    ['shared/probe.ts', "import { startServer } from '../electron/server';\nexport const x = startServer;\n", /only shared/],
    ['shared/probe.ts', 'export const x = document.title;\n', /document/],
    ['electron/core/probe.ts', "import { app } from 'electron';\nexport const x = app;\n", /plain Node/],
    ['renderer/probe.ts', "import fs from 'node:fs';\nexport const x = fs;\n", /no Node/],
    ['renderer/probe.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", /no Electron/],
    ['renderer/probe.ts', "import { openCore } from '../electron/core/core';\nexport const x = openCore;\n", /only shared\/ and its own/],
    ['electron/shell/probe.ts', "import { openCore } from '../core/core';\nexport const x = openCore;\n", /only through core\/host/],
    ['electron/shell/probe.ts', "import { dispatch } from '../core/dispatch';\nexport const x = dispatch;\n", /only through core\/host/],
    ['electron/shell/probe.ts', "import { runCoreHost } from '../core/host/coreHost';\nexport const x = runCoreHost;\n", /only through core\/host/],
    ['electron/shell/probe.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n", /belong to the core process/],
    ['electron/shell/probe.ts', "import git from 'isomorphic-git';\nexport const x = git;\n", /belong to the core process/],
  ])('%s: refuses %j', async (file, code, message) => {
    const errors = await boundaryErrors(file, code);
    expect(errors.join('\n')).toMatch(message);
  });

  it.each([
    ['shared/probe.ts', "import { z } from 'zod';\nexport const x = z;\n"],
    ['electron/core/probe.ts', "import fs from 'node:fs';\nexport const x = fs;\n"],
    ['renderer/probe.ts', "import { api } from '../shared/api';\nexport const x = api;\n"],
    ['electron/shell/probe.ts', "import { HostSupervisor } from '../core/host/hostSupervisor';\nexport const x = HostSupervisor;\n"],
    ['electron/shell/probe.ts', "import type { SecretsSnapshot } from '../core/host/hostProtocol';\nexport type X = SecretsSnapshot;\n"],
  ])('%s: allows %j', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
