// Runs: one prompt version sampled across models x temperatures x cases, N times per cell.
import { z } from 'zod';
import { SampleRating } from './ratings';
import { PromptName, RenderedMessage } from './prompts';
import { GitRef } from './versions';

export const MAX_SAMPLES_PER_CELL = 1000;

/**
 * - `none`: no seed is sent (the provider's own randomness).
 * - `fixed`: every call gets the same seed, to see how deterministic a provider really is.
 * - `per-sample`: sample i gets seed + i, so a rerun can reproduce each sample where the provider allows.
 */
export const SeedMode = z.enum(['none', 'fixed', 'per-sample']);
export type SeedMode = z.infer<typeof SeedMode>;

export const RunRequest = z.object({
  prompt: PromptName,
  /** A commit (id, HEAD~n, tag); absent runs the draft in the working tree. */
  ref: GitRef.optional(),
  /** `provider/model` ids. */
  models: z.array(z.string().min(3)).min(1, 'Choose at least one model').max(20),
  temperatures: z.array(z.number().min(0).max(2)).min(1, 'Choose at least one temperature').max(50),
  /** Case names from the prompt's cases file; absent takes all cases, else the input defaults. */
  cases: z.array(z.string().min(1)).min(1).optional(),
  samples: z.number().int().min(1).max(MAX_SAMPLES_PER_CELL),
  seedMode: SeedMode.default('none'),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
  maxTokens: z.number().int().min(1).max(1_000_000).optional(),
  topP: z.number().min(0).max(1).optional(),
  /** Calls in flight per provider for this run; absent takes the provider's setting. */
  concurrency: z.number().int().min(1).max(64).optional(),
  /** Stream responses (records time to first token). */
  stream: z.boolean().default(true),
});
export type RunRequest = z.infer<typeof RunRequest>;
export type RunRequestInput = z.input<typeof RunRequest>;

/**
 * A (model, temperature) the run leaves out because the model's provider cannot take its
 * parameters, such as Anthropic at temperature 1.5: its cells are shown as not sampled, with the
 * reason, instead of failing every call or being sampled at another value.
 */
export const SkippedCell = z.object({
  model: z.string(),
  temperature: z.number(),
  /** Short, after "not sampled: ", e.g. "Anthropic takes 0–1". */
  reason: z.string(),
});
export type SkippedCell = z.infer<typeof SkippedCell>;

export const CellEstimate = z.object({
  model: z.string(),
  calls: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  /** null when the model has no price in the pricing table. */
  costUsd: z.number().nullable(),
});

/** The calls judging the run's rubric checks will make, per judge model (an upper bound: outputs met before under the same rubric and judge are not judged again). */
export const JudgingEstimate = z.object({
  calls: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: z.number().nullable(),
  perJudge: z.array(CellEstimate),
});
export type JudgingEstimate = z.infer<typeof JudgingEstimate>;

export const RunEstimate = z.object({
  /** Sample calls plus judge calls (`judging`); tokens and cost below count both too. */
  calls: z.number().int(),
  cells: z.number().int(),
  cases: z.array(z.string()),
  inputTokens: z.number().int(),
  /** Output tokens are a guess: the mean of earlier samples of this prompt and model, else half of max tokens (256 when none is set). */
  outputTokens: z.number().int(),
  /** Sum over priced models; null when no model has a price. */
  costUsd: z.number().nullable(),
  /** Models without a known price ("cost unknown" for their share). */
  unpricedModels: z.array(z.string()),
  perModel: z.array(CellEstimate),
  /** Cells left out because their provider cannot take the parameters; the calls above do not count them. */
  skipped: z.array(SkippedCell),
  /** Reasons the run cannot start (unknown provider, a missing variable, nothing left to sample…). */
  problems: z.array(z.string()),
  /** The cost passes the confirmation threshold in Settings. */
  needsConfirmation: z.boolean(),
  thresholdUsd: z.number(),
  /** The share of the above that judging rubric checks takes. */
  judging: JudgingEstimate,
});
export type RunEstimate = z.infer<typeof RunEstimate>;

export const RunStatus = z.enum(['running', 'interrupted', 'cancelled', 'done']);
export type RunStatus = z.infer<typeof RunStatus>;

export const SampleStatus = z.enum(['pending', 'ok', 'error', 'cancelled']);
export type SampleStatus = z.infer<typeof SampleStatus>;

export const RunSummary = z.object({
  runId: z.string(),
  prompt: z.string(),
  /** The commit run, or null for a draft. */
  commit: z.string().nullable(),
  /** Hash of the prompt file's content as run (drafts are told apart by it). */
  contentHash: z.string(),
  status: RunStatus,
  /** Why a run stopped early (a rejected key, a crash), with what to do next. */
  stopReason: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  models: z.array(z.string()),
  temperatures: z.array(z.number()),
  cases: z.array(z.string()),
  samplesPerCell: z.number().int(),
  total: z.number().int(),
  ok: z.number().int(),
  errors: z.number().int(),
  pending: z.number().int(),
  cancelled: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: z.number().nullable(),
  /** A person's name for the run (the Runs page, the review header); null when it has none. */
  label: z.string().nullable(),
  /** When the run was pinned (pinned runs list first, in the order pinned); null when not pinned. */
  pinnedAt: z.string().nullable(),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const SampleError = z.object({
  /** auth, rate_limit, server, network, timeout, bad_request, not_found, malformed, cancelled */
  code: z.string(),
  message: z.string(),
  status: z.number().int().nullable(),
});
export type SampleError = z.infer<typeof SampleError>;

export const Sample = z.object({
  sampleId: z.string(),
  runId: z.string(),
  model: z.string(),
  temperature: z.number(),
  case: z.string(),
  /** 0-based repeat number within the cell. */
  index: z.number().int(),
  status: SampleStatus,
  output: z.string().nullable(),
  error: SampleError.nullable(),
  finishReason: z.string().nullable(),
  inputTokens: z.number().int().nullable(),
  outputTokens: z.number().int().nullable(),
  latencyMs: z.number().nullable(),
  /** Time to first token, when streaming. */
  ttftMs: z.number().nullable(),
  costUsd: z.number().nullable(),
  seed: z.number().int().nullable(),
  attempts: z.number().int(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type Sample = z.infer<typeof Sample>;

// A sample's fields fall in two parts. Its identity is fixed when the run is written; everything
// else is its result, which executing it records and a retry clears. A new field is a result
// unless it is named here.
const IDENTITY = { sampleId: true, runId: true, model: true, temperature: true, case: true, index: true, seed: true } as const;
export const SampleIdentity = Sample.pick(IDENTITY);
export type SampleIdentity = z.infer<typeof SampleIdentity>;
export const SampleResult = Sample.omit(IDENTITY);
export type SampleResult = z.infer<typeof SampleResult>;

type NonNullKeys<T> = { [K in keyof T]-?: null extends T[K] ? never : K }[keyof T];

/** The result of a sample not run yet (or reopened for a retry): null wherever the schema allows it. */
export const PENDING_RESULT: Readonly<SampleResult> = Object.freeze(
  emptyOf(SampleResult, { status: 'pending', attempts: 0 }),
);

/** Every field null except those that cannot be, whose empty value the type asks for. */
function emptyOf<T extends z.ZodObject>(schema: T, notNull: Pick<z.infer<T>, NonNullKeys<z.infer<T>>>): z.infer<T> {
  const empty: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) empty[key] = Object.hasOwn(notNull, key) ? (notNull as Record<string, unknown>)[key] : null;
  return empty as z.infer<T>;
}

/** Each field of a Sample, in the schema's order, and whether it belongs to the result. */
const SAMPLE_PARTS = Object.keys(Sample.shape).map((key) => [key, Object.hasOwn(SampleResult.shape, key)] as const);

/**
 * A whole sample from its identity and what it recorded; result fields left out are empty, keys
 * that are not fields are dropped. Built key by key, not by spreading: it runs for every finished
 * sample, and V8 spreads objects of this size slowly (see `npm run bench:runner`).
 */
export function sampleOf(identity: SampleIdentity, result: Partial<SampleResult>): Sample {
  const sample: Record<string, unknown> = {};
  for (const [key, inResult] of SAMPLE_PARTS) {
    const value = inResult ? result[key as keyof SampleResult] : identity[key as keyof SampleIdentity];
    sample[key] = value === undefined ? PENDING_RESULT[key as keyof SampleResult] : value;
  }
  return sample as Sample;
}

/** Everything recorded for one sample, including what exactly was sent. */
export const SampleDetail = Sample.extend({
  messages: z.array(RenderedMessage),
  /** The parameters as sent to the provider (model, temperature, seed, max tokens, response format…). */
  params: z.record(z.string(), z.unknown()),
  input: z.record(z.string(), z.unknown()),
});
export type SampleDetail = z.infer<typeof SampleDetail>;

export const RunOutputSpec = z.object({
  format: z.literal('json'),
  /** JSON Schema, when the prompt declares `output.schema`: outputs are checked against it. */
  schema: z.record(z.string(), z.unknown()).optional(),
});
export type RunOutputSpec = z.infer<typeof RunOutputSpec>;

export const RunDetail = z.object({
  summary: RunSummary,
  request: RunRequest,
  /** What the prompt asked the output to be, as run; null for free text. */
  output: RunOutputSpec.nullable(),
  samples: z.array(Sample),
  /** Cells the run left out, with why; they have no samples. */
  skipped: z.array(SkippedCell),
  /** Only samples with a rating or a note. */
  ratings: z.array(SampleRating),
  /** Hash of the cases file as run (compared with the prompt's `casesHash`); absent or null for runs from before runs kept it. */
  casesHash: z.string().nullable().optional(),
});
export type RunDetail = z.infer<typeof RunDetail>;

export const RunProgress = z.object({
  runId: z.string(),
  status: RunStatus,
  total: z.number().int(),
  done: z.number().int(),
  ok: z.number().int(),
  errors: z.number().int(),
  /** Samples per second over the last few seconds. */
  rate: z.number(),
  /** null until there is a rate to go by. */
  etaMs: z.number().nullable(),
  stopReason: z.string().nullable(),
});
export type RunProgress = z.infer<typeof RunProgress>;

export const RunId = z.object({ runId: z.string().min(1) });
export const ListRunsRequest = z.object({
  prompt: PromptName.optional(),
  /** Only runs of (or linked to) this commit, full id. */
  commit: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});

/** Long enough for a sentence, short enough to stay one line in a table. */
export const RUN_LABEL_MAX = 120;

export const LabelRunRequest = RunId.extend({
  /** Blank clears the label. */
  label: z.string().max(RUN_LABEL_MAX, `A run's label is at most ${RUN_LABEL_MAX} characters.`),
});
export const PinRunRequest = RunId.extend({ pinned: z.boolean() });

/** A run as the Runs page lists it: its summary and how much of it people have rated. */
export const RunOverview = z.object({
  run: RunSummary,
  /** Samples with a rating (1–5); coverage is this over the run's ok samples. */
  rated: z.number().int(),
  /** Mean of those ratings; null when none is rated. */
  meanRating: z.number().nullable(),
});
export type RunOverview = z.infer<typeof RunOverview>;
