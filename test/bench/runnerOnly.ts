// `npm run bench:runner`: only the sampling engine's figures (the last part of `npm run bench`).
// RUNNER_REPEATS sets how many measured runs per mode (default 5).
import { benchRunner } from './runnerBench';

const repeats = Number(process.env.RUNNER_REPEATS ?? 5);
for (const line of await benchRunner(repeats)) console.log(line);
