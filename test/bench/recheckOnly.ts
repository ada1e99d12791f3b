// `npm run bench:recheck`: only the re-check figures (checkRun over 20,000 stored samples).
import { benchRecheck } from './recheckBench';

for (const line of await benchRecheck()) console.log(line);
