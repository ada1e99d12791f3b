// `npm run bench:runner`: only the sampling engine's figures (the last part of `npm run bench`).
// RUNNER_REPEATS sets how many measured `workbench run` processes per answer mode (default 5).
import { benchRunner } from './runnerBench';

await benchRunner(Number(process.env.RUNNER_REPEATS ?? 5), (line) => console.log(line));
