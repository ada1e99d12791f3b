// Prints one plain closing line for the whole test run ("N passed, N failed"), from the JSON
// reports vitest and Playwright write, and fails when a stage did not run or had failures.
import fs from 'node:fs';

const reports = [
  { name: 'unit and integration (vitest)', file: 'test-results/vitest.json', read: (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0), skipped: r.numPendingTests + r.numTodoTests }) },
  { name: 'end to end (playwright)', file: 'test-results/e2e.json', read: (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected + (r.errors?.length ?? 0), skipped: r.stats.skipped }) },
];

let passed = 0;
let failed = 0;
let skipped = 0;
let missing = 0;
for (const report of reports) {
  if (!fs.existsSync(report.file)) {
    console.log(`${report.name}: did not run (an earlier step failed)`);
    missing += 1;
    continue;
  }
  const counts = report.read(JSON.parse(fs.readFileSync(report.file, 'utf8')));
  console.log(`${report.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
}
console.log(`total: ${passed} passed, ${failed + missing} failed, ${skipped} skipped`);
process.exitCode = failed + missing > 0 ? 1 : 0;
