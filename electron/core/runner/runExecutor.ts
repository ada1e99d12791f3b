// Executes a run's pending samples: grouped by provider, each provider limited to its concurrency,
// each sample written the moment it finishes. Everything per run (providers, prices, model names,
// messages) is looked up once before the first call, so the per-sample path is a call, one UPDATE and
// an in-memory progress update.
import { setMaxListeners } from 'node:events';
import { splitModelId } from '../../../shared/models';
import { priceFor, type PriceEntry } from '../../../shared/pricing';
import type { RenderedMessage } from '../../../shared/prompts';
import { sampleOf, type Sample } from '../../../shared/runs';
import type { CompletionRequest, ModelProvider, ProviderFailure } from '../providers/provider';
import type { PendingSample, RunSetup, RunStore, SampleOutcome } from '../store/runStore';
import { callSample, type CallContext } from './sampleCall';
import { sampleWriter } from './sampleWriter';
import { runProviderQueues, type ProviderQueue } from './sampleScheduler';
import type { RetryPolicy } from './retryPolicy';
import type { CallLimits } from './callLimits';

export interface ExecutorDeps {
  store: RunStore;
  provider: (id: string) => ModelProvider | null;
  concurrency: (id: string) => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  random: () => number;
  retry: RetryPolicy;
  /** Runs a write once no other process holds the database's lock (the samples wait meanwhile). */
  waitForLock: <T>(write: () => T) => Promise<T>;
}

export interface Execution {
  setup: RunSetup;
  /** The run's samples still to run (each knows its run). */
  pending: readonly PendingSample[];
  /** Each call's silence and overall timeouts. */
  limits: CallLimits;
  pricing: readonly PriceEntry[];
  /** Aborted by cancel or close: in-flight calls stop and their samples stay pending. */
  signal: AbortSignal;
  onSample: (sample: Sample) => void;
}

export interface ExecutionOutcome {
  /** Providers that refused the key, with the failure that stopped each. */
  authFailures: ProviderFailure[];
}

interface ModelRoute {
  provider: string | null;
  name: string;
  price: PriceEntry | null;
}

export async function executeRun(execution: Execution, deps: ExecutorDeps): Promise<ExecutionOutcome> {
  const { setup, signal } = execution;
  const routes = new Map<string, ModelRoute>();
  const byProvider = new Map<string | null, PendingSample[]>();
  for (const sample of execution.pending) {
    let route = routes.get(sample.model);
    if (!route) {
      const parts = splitModelId(sample.model);
      route = { provider: parts?.provider ?? null, name: parts?.model ?? sample.model, price: priceFor(sample.model, execution.pricing) };
      routes.set(sample.model, route);
    }
    const list = byProvider.get(route.provider);
    if (list) list.push(sample);
    else byProvider.set(route.provider, [sample]);
  }
  const messages = new Map(setup.cases.map((planned) => [planned.name, planned.messages]));
  const writer = sampleWriter(deps.store, (sample, outcome) => execution.onSample(sampleOf(sample, outcome)), deps.waitForLock);
  const publish = (sample: PendingSample, outcome: SampleOutcome) => writer.add(sample, outcome);

  const authFailures: ProviderFailure[] = [];
  const queues: ProviderQueue<PendingSample>[] = [];
  const detach: (() => void)[] = [];
  // A cancel marks what is left as cancelled right after the abort: write the answers already in first.
  signal.addEventListener('abort', writer.flush, { once: true });
  detach.push(() => signal.removeEventListener('abort', writer.flush));
  for (const [id, samples] of byProvider) {
    const provider = id === null ? null : deps.provider(id);
    if (id === null || !provider) {
      recordUnknownProvider(samples, publish);
      continue;
    }
    // One controller per provider: a refused key stops this provider only; a cancel stops them all.
    const stop = new AbortController();
    // Every call in flight for this provider listens to it; with high concurrency that is not a leak.
    setMaxListeners(0, stop.signal);
    const onRunAbort = () => stop.abort(signal.reason);
    if (signal.aborted) onRunAbort();
    else signal.addEventListener('abort', onRunAbort, { once: true });
    detach.push(() => signal.removeEventListener('abort', onRunAbort));
    const common = { provider, signal: stop.signal, limits: execution.limits, retry: deps.retry, sleep: deps.sleep, random: deps.random };
    // Per model, since the price is per model: built once, shared by all its samples.
    const contexts = new Map<string, CallContext>();
    for (const [model, route] of routes) if (route.provider === id) contexts.set(model, { ...common, price: route.price });
    queues.push({
      items: samples,
      limit: setup.request.concurrency ?? deps.concurrency(id),
      signal: stop.signal,
      work: async (sample) => {
        // Answers that could not be kept are not worth asking for: the sample stays pending for a resume.
        if (writer.failure !== null) return;
        const route = routes.get(sample.model) as ModelRoute;
        const completion = completionRequest(sample, route.name, messages.get(sample.case) ?? [], setup);
        const result = await callSample(completion, sample.seed, contexts.get(sample.model) as CallContext);
        if (result.kind === 'recorded') publish(sample, result.outcome);
        else if (result.kind === 'auth' && !stop.signal.aborted) {
          authFailures.push(result.failure);
          stop.abort(new Error(result.failure.message));
        }
      },
    });
  }
  try {
    await runProviderQueues(queues);
    await writer.drain();
  } finally {
    writer.flush();
    for (const undo of detach) undo();
  }
  return { authFailures };
}

function completionRequest(sample: PendingSample, model: string, messages: RenderedMessage[], setup: RunSetup): CompletionRequest {
  const { request, output } = setup;
  const completion: CompletionRequest = { model, messages, temperature: sample.temperature, stream: request.stream };
  // Only what the run sets: an absent parameter leaves the provider's default.
  if (request.topP !== undefined) completion.topP = request.topP;
  if (request.maxTokens !== undefined) completion.maxTokens = request.maxTokens;
  if (sample.seed !== null) completion.seed = sample.seed;
  if (output !== undefined) completion.output = output;
  return completion;
}

/** Samples whose provider is not configured fail at once, without a call, in one group commit. */
function recordUnknownProvider(samples: readonly PendingSample[], publish: (sample: PendingSample, outcome: SampleOutcome) => void): void {
  const at = new Date().toISOString();
  for (const sample of samples) {
    const id = splitModelId(sample.model)?.provider;
    const message = id
      ? `There is no provider "${id}" for the model ${sample.model}. Add an OpenAI-compatible endpoint named "${id}" in Settings, or choose another model.`
      : `"${sample.model}" is not a model id; write it as provider/model (for example ollama/llama3.2).`;
    publish(sample, { status: 'error', error: { code: 'not_found', message, status: null }, params: null, attempts: 0, startedAt: at, finishedAt: at });
  }
}
