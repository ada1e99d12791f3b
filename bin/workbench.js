#!/usr/bin/env -S node --max-semi-space-size=8
// `workbench`. Runs the bundled command line (dist/cli/workbench.js, from `npm run build` or
// `npm run build:cli`) when it is newer than every source file; otherwise the TypeScript sources
// through tsx, so `npx workbench` works right after `npm install` and never runs a stale build.
// The flag halves V8's young generation (8 MB per semi-space instead of 16): a 5,000-sample run
// allocates fast, and this holds about 8 MB less at the same speed (`npm run bench:runner`; at 4 MB
// it saves another 7 MB but costs about a tenth of the throughput in extra collections).
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
