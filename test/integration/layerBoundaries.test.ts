// The layer rules from docs/architecture.md are enforced by ESLint; these checks prove the rules fire.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/workbenchCli';

const eslint = new ESLint({ cwd: repoRoot });
const BOUNDARY_RULES = new Set(['no-restricted-imports', 'no-restricted-globals', 'workbench/feature-boundaries']);

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId)).map((m) => m.message);
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
    // A renderer feature never imports another feature (nor a page), however the path is spelt.
    ['renderer/features/review/probe.ts', "import { RunDialog } from '../runs/RunDialog';\nexport const x = RunDialog;\n", /"review" feature imports the "runs" feature/],
    ['renderer/features/review/sample/probe.ts', "import { formatCost } from '../../../features/runs/runFormat';\nexport const x = formatCost;\n", /"review" feature imports the "runs" feature/],
    ['renderer/features/history/probe.ts', "export const load = () => import('../editor/EditTab');\n", /"history" feature imports the "editor" feature/],
    ['renderer/features/prompts/probe.ts', "import '../history/history.css';\n", /"prompts" feature imports the "history" feature/],
    ['renderer/features/review/probe.ts', "import { PromptPage } from '../../pages/PromptPage';\nexport const x = PromptPage;\n", /Pages compose features/],
    ['renderer/components/probe.ts', "import { RunDialog } from '../features/runs/RunDialog';\nexport const x = RunDialog;\n", /Shared renderer code imports a feature/],
    ['renderer/lib/drafts/probe.ts', "import { caseRows } from '../../features/cases/caseModel';\nexport const x = caseRows;\n", /Shared renderer code imports a feature/],
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
    ['renderer/features/review/sample/probe.ts', "import { CompareRuns } from '../compare/CompareRuns';\nexport const x = CompareRuns;\n"],
    ['renderer/features/review/probe.ts', "import { plural } from '../../lib/labels';\nimport { Button } from '../../components/Button';\nexport const x = [plural, Button];\n"],
    ['renderer/pages/probe.ts', "import { RunDialog } from '../features/runs/RunDialog';\nimport { ReviewScreen } from '../features/review/ReviewScreen';\nexport const x = [RunDialog, ReviewScreen];\n"],
    ['electron/shell/probe.ts', "import { HostSupervisor } from '../core/host/hostSupervisor';\nexport const x = HostSupervisor;\n"],
    ['electron/shell/probe.ts', "import type { SecretsSnapshot } from '../core/host/hostProtocol';\nexport type X = SecretsSnapshot;\n"],
  ])('%s: allows %j', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
