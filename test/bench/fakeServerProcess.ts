// A fake OpenAI-compatible server in its own process, so the benchmark's figures for the runner
// (rate, peak memory) are not mixed with the server's work. Prints its URL, then serves until killed.
import { startFakeProvider } from '../support/fakeProviders/fakeServer';

const latencyMs = Number(process.argv[2] ?? '0');
const fake = await startFakeProvider({ kind: 'openai', latencyMs, record: false });
process.stdout.write(`${fake.url}\n`);
process.on('SIGTERM', () => void fake.close().then(() => process.exit(0)));
