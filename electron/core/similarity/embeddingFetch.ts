// Vectors for a run's outputs from an embedding model, fetched once and cached in the database.
// Only one text per distinct answer is ever sent (a cell that said the same thing 900 times costs
// one vector), in batches; each batch is cached as it arrives, so a failure part-way keeps what was
// fetched and trying again carries on from there. A batch refused for a passing reason (429, 5xx,
// a dropped connection) is tried again a few times first, as a sample's call would be.
import { setTimeout as sleep } from 'node:timers/promises';
import { normaliseOutput } from '../../../shared/cellStats';
import { WorkbenchError } from '../../../shared/errors';
import { splitModelId } from '../../../shared/models';
import type { ModelProvider, ProviderFailure } from '../providers/provider';
import { retryDelay, type RetryPolicy } from '../runner/retryPolicy';
import type { EmbeddingStore } from '../store/embeddingStore';

/** Texts per embeddings request: well under every API's limit (OpenAI takes 2048), small enough to time out alone. */
export const EMBEDDING_BATCH = 64;

/** Someone is waiting on the screen: fewer and shorter waits than a run's (Retry-After capped at 10 s). */
export const embeddingRetryPolicy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 4_000, maxRetryAfterMs: 10_000 };

export interface EmbeddingSource {
  /** The provider half of "provider/model"; null when there is none by that id. */
  provider: (id: string) => ModelProvider | null;
  store: EmbeddingStore;
  /** Per request, from Settings (the same timeout as a sample's call). */
  timeoutMs: number;
  batchSize?: number;
  retry?: RetryPolicy;
}

/** A sample whose output needs a vector: the first of its answer in some cell. */
export interface EmbeddingTarget {
  sampleId: string;
  text: string;
}

const EXAMPLES = 'e.g. ollama/nomic-embed-text or openai/text-embedding-3-small';

/** What sends the texts for one embedding model. */
export interface Embedder {
  /** "Ollama", "OpenAI" or the endpoint's name, for messages. */
  label: string;
  /** The provider's own model name, without the `provider/` prefix. */
  model: string;
  embed: NonNullable<ModelProvider['embed']>;
}

/** The embedder for `modelId` ("provider/model"), or an error that says what to pick instead. */
export function embedderFor(modelId: string, source: Pick<EmbeddingSource, 'provider'>): Embedder {
  const parts = splitModelId(modelId);
  if (!parts) throw new WorkbenchError('BAD_INPUT', `"${modelId}" is not a model id; write it as provider/model, ${EXAMPLES}.`);
  const provider = source.provider(parts.provider);
  if (!provider) {
    throw new WorkbenchError(
      'BAD_INPUT',
      `There is no provider "${parts.provider}" for the embedding model "${modelId}". Use ollama or openai, or add an OpenAI-compatible endpoint named "${parts.provider}" in Settings.`,
    );
  }
  if (!provider.embed) throw new WorkbenchError('BAD_INPUT', `${provider.label} has no embeddings API; pick an Ollama or OpenAI embedding model (${EXAMPLES}).`);
  return { label: provider.label, model: parts.model, embed: provider.embed.bind(provider) };
}

/**
 * Vectors by normalised answer text for every target with a non-blank output (blank outputs have
 * nothing to embed, and OpenAI refuses empty input). Throws a PROVIDER_ERROR the person can act on.
 */
export async function fetchEmbeddings(modelId: string, targets: readonly EmbeddingTarget[], source: EmbeddingSource): Promise<Map<string, number[]>> {
  const embedder = embedderFor(modelId, source);
  const byText = new Map<string, number[]>();
  /** Targets without a cached vector, by their normalised text: each text is sent at most once. */
  const wanted = new Map<string, EmbeddingTarget[]>();
  const cached = source.store.cached(
    targets.map((target) => target.sampleId),
    modelId,
  );
  for (const target of targets) {
    const text = normaliseOutput(target.text);
    if (text === '') continue;
    const vector = cached.get(target.sampleId);
    if (vector) byText.set(text, vector);
    else if (wanted.has(text)) wanted.get(text)?.push(target);
    else wanted.set(text, [target]);
  }
  const keep = (texts: readonly string[]) =>
    source.store.save(
      modelId,
      texts.flatMap((text) => (wanted.get(text) ?? []).map((target) => ({ sampleId: target.sampleId, vector: byText.get(text) ?? [] }))),
    );
  // A target whose answer another sample's cached vector already covers costs no call; it is cached under its own id too.
  keep([...wanted.keys()].filter((text) => byText.has(text)));
  const toSend = [...wanted.keys()].filter((text) => !byText.has(text));
  const batchSize = source.batchSize ?? EMBEDDING_BATCH;
  for (let start = 0; start < toSend.length; start += batchSize) {
    const texts = toSend.slice(start, start + batchSize);
    // The first sample's own text is sent (not the normalised one): it is what the person reads.
    const sent = texts.map((text) => wanted.get(text)?.[0]?.text ?? text);
    const vectors = await embedBatch(embedder, sent, { timeoutMs: source.timeoutMs, retry: source.retry ?? embeddingRetryPolicy }, start);
    // Rounded to Float32 as the cache keeps them, so this answer and every later (cached) one agree to the last digit.
    texts.forEach((text, index) => byText.set(text, Array.from(Float32Array.from(vectors[index] ?? []))));
    keep(texts);
  }
  return byText;
}

async function embedBatch(
  { label, model, embed }: Embedder,
  texts: string[],
  { timeoutMs, retry }: { timeoutMs: number; retry: RetryPolicy },
  fetchedBefore: number,
): Promise<number[][]> {
  let timeout: AbortSignal;
  let result: Awaited<ReturnType<Embedder['embed']>>;
  for (let attempt = 1; ; attempt++) {
    timeout = AbortSignal.timeout(timeoutMs);
    result = await embed(texts, { model, signal: timeout });
    if (result.ok) return result.vectors;
    // A timeout is not retried here: the person has waited the whole timeout once already.
    const delay = timeout.aborted ? null : retryDelay(result.failure, attempt, retry, Math.random);
    if (delay === null) break;
    await sleep(delay);
  }
  const kept = fetchedBefore > 0 ? ` The ${fetchedBefore} vectors fetched so far are kept; trying again carries on from there.` : '';
  // The provider reports its own timeout as a cancel; say what it was.
  if (timeout.aborted) {
    throw new WorkbenchError(
      'PROVIDER_ERROR',
      `${label} did not answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`} while embedding ${texts.length === 1 ? '1 output' : `${texts.length} outputs`}. Try again, or raise the timeout in Settings.${kept}`,
    );
  }
  throw new WorkbenchError('PROVIDER_ERROR', `${withAdvice(result.failure)}${kept}`, { kind: result.failure.kind, status: result.failure.status });
}

/** The failure's own message says what to do for a key, an address or a model; passing troubles only need a retry. */
function withAdvice(failure: ProviderFailure): string {
  const message = failure.message.replace(/\.?$/, '.');
  switch (failure.kind) {
    case 'rate_limit':
    case 'server':
    case 'timeout':
    case 'malformed':
      return `${message} Try again in a moment.`;
    case 'not_found':
      return `${message} Pick an embedding model this provider has (${EXAMPLES}).`;
    default:
      return message;
  }
}
