// Matches regex checks' patterns for regexSandbox.ts, in a worker thread of its own. Plain
// JavaScript with no imports, so it runs as is from the sources, from the bundles (copied beside
// them) and in tests.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, pattern, flags, texts }) => {
  const regex = new RegExp(pattern, flags);
  parentPort.postMessage({ id, matches: texts.map((text) => regex.test(text)) });
});
