// Removes the previous run's reports so the closing summary never counts stale results.
import fs from 'node:fs';

for (const file of ['test-results/vitest.json', 'test-results/e2e.json']) fs.rmSync(file, { force: true });
