#!/usr/bin/env node
// `workbench`. Runs the bundled command line (dist/cli/workbench.js, from `npm run build` or
// `npm run build:cli`) when it is newer than every source file; otherwise the TypeScript sources
// through tsx, so `npx workbench` works right after `npm install` and never runs a stale build.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentBundle } from './cliEntry.js';

const bundle = currentBundle(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
let cli;
if (bundle) {
  cli = await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../electron/cli/cli.ts');
}
await cli.main();
