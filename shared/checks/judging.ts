// The wire shapes of rubric judging: what a judgeRun did, its progress, and how a rubric's judge
// agrees with people's ratings (shared by the core, the CLI and the UI).
import { z } from 'zod';

export const JudgeRunResult = z.object({
  runId: z.string(),
  /** Outputs that needed a judgement (an output met again under the same rubric and judge counts once). */
  wanted: z.number().int(),
  /** Of those, answered now as often as asked (an unreadable answer leaves its verdict undecided, with why); the rest failed and stay undecided. */
  judged: z.number().int(),
  /** Calls made to judge models now; 0 when every judgement was already cached. */
  calls: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  /** Of the calls made now; null when no judge model has a price. */
  costUsd: z.number().nullable(),
  /** Why judgements failed (distinct messages, a few at most): a key, a model, a timeout. */
  failures: z.array(z.string()),
});
export type JudgeRunResult = z.infer<typeof JudgeRunResult>;

/** Published while a run's outputs are judged (throttled, and once at the end with `finished`). */
export const JudgeProgress = z.object({
  runId: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  calls: z.number().int(),
  finished: z.boolean(),
  /** At the end: why judgements failed (as in JudgeRunResult), for a run judged on its own after it ended. */
  failures: z.array(z.string()).default([]),
});
export type JudgeProgress = z.infer<typeof JudgeProgress>;

/** Per rubric check of a run, in RunChecks: how much is judged and how often the judge wavered. */
export const RubricJudging = z.object({
  check: z.string(),
  /** Finished ok samples with a decided verdict from the judge. */
  judged: z.number().int(),
  /** Finished ok samples still undecided (not judged yet, or the judge's answers could not be read). */
  undecided: z.number().int(),
  /** Samples whose judge said pass and fail to the same output across its repeats. */
  flipped: z.number().int(),
});
export type RubricJudging = z.infer<typeof RubricJudging>;

export const CalibrationTable = z.object({
  passGood: z.number().int(),
  passBad: z.number().int(),
  failGood: z.number().int(),
  failBad: z.number().int(),
});

export const RubricCalibration = z.object({
  check: z.string(),
  label: z.string(),
  /** Samples both judged (pass or fail) and rated good or bad. */
  n: z.number().int(),
  agreement: z.number().nullable(),
  /** Cohen's kappa with its 95% interval (shared/checks/agreement.ts); null with a note when undefined. */
  kappa: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  note: z.string().nullable(),
  table: CalibrationTable,
  /** Judged samples rated between the two thresholds: neither good nor bad, left out. */
  leftOut: z.number().int(),
  /** Where judge and person disagree, to read first. */
  disagreements: z.array(z.object({ sampleId: z.string(), judgePassed: z.boolean(), rating: z.number().int() })),
});
export type RubricCalibration = z.infer<typeof RubricCalibration>;

export const JudgeCalibration = z.object({
  runId: z.string(),
  /** Ratings at or above `good` count as good, at or below `bad` as bad (Settings → checks). */
  thresholds: z.object({ good: z.number().int(), bad: z.number().int() }),
  rubrics: z.array(RubricCalibration),
});
export type JudgeCalibration = z.infer<typeof JudgeCalibration>;
