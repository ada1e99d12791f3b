#!/usr/bin/env node
// Runs the TypeScript CLI directly (through tsx), so `npx workbench` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli.ts');
await main();
