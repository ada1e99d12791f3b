// `npm run bench:serve`: only how `workbench serve` answers during a large run (the last part of `npm run bench`).
import { benchServeDuringRun } from './serveDuringRunBench';

for (const line of await benchServeDuringRun()) console.log(line);
