// `npm run fake-providers`: the three fake model providers on fixed ports, for trying the app (or
// curl) without keys or network. Flags: --openai-port N, --anthropic-port N, --ollama-port N,
// --latency-ms N, --api-key KEY (then requests must carry it). Runs until Ctrl+C.
import { startFakeProvider, type FakeKind, type FakeProvider } from '../test/support/fakeProviders/fakeServer';

const DEFAULT_PORTS: Record<FakeKind, number> = { openai: 4011, anthropic: 4012, ollama: 4013 };

/** `--name value` or `--name=value`. */
function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === `--${name}`) return args[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

function numberFlag(name: string, fallback: number): number {
  const raw = flag(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    process.stderr.write(`--${name} expects a whole number, got ${JSON.stringify(raw)}\n`);
    process.exit(2);
  }
  return value;
}

const latencyMs = numberFlag('latency-ms', 0);
const apiKey = flag('api-key');
const providers: FakeProvider[] = [];
try {
  for (const kind of ['openai', 'anthropic', 'ollama'] as const) {
    providers.push(await startFakeProvider({ kind, port: numberFlag(`${kind}-port`, DEFAULT_PORTS[kind]), latencyMs, apiKey, record: false }));
  }
} catch (error) {
  process.stderr.write(`Could not start the fake providers: ${error instanceof Error ? error.message : String(error)}\n`);
  await Promise.all(providers.map((provider) => provider.close()));
  process.exit(1);
}

const [openai, anthropic, ollama] = providers as [FakeProvider, FakeProvider, FakeProvider];
const key = apiKey ?? 'test-key';
process.stdout.write(
  [
    'Fake model providers are running:',
    `  OpenAI     ${openai.url}`,
    `  Anthropic  ${anthropic.url}`,
    `  Ollama     ${ollama.url}`,
    '',
    'Point the app or the SDKs at them with:',
    `  OPENAI_BASE_URL=${openai.url} OPENAI_API_KEY=${key} ANTHROPIC_BASE_URL=${anthropic.url} ANTHROPIC_API_KEY=${key} OLLAMA_HOST=${ollama.url}`,
    '',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n'),
);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void Promise.all(providers.map((provider) => provider.close())).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
