// A run seen through its prompt's checks: each sample's outcome, and pass rates per cell and rolled
// up per case, per model × temperature and for the whole run. The core sends this; the CLI, the
// grid and the report read the same figures.
import { z } from 'zod';
import { Problem } from '../prompts';
import { Check, Verdict } from './checkTypes';
import { DEFAULT_PASS_N, passRate, type PassRate } from './passRate';

export const PassRateData = z.object({
  passed: z.number().int(),
  total: z.number().int(),
  rate: z.number().nullable(),
  low: z.number(),
  high: z.number(),
  label: z.enum(['stable pass', 'stable fail', 'flaky', 'no samples']),
  passN: z.object({ n: z.number().int(), estimate: z.number().nullable(), low: z.number(), high: z.number() }),
});

/** A sample that did not pass every check, and why. Samples of the run not listed passed, or are not finished. */
export const SampleChecks = z.object({
  sampleId: z.string(),
  /** false: failed a check (or the call failed); null: no check failed but some are undecided. */
  passed: z.boolean().nullable(),
  /** The call failed, so every check counts as failed: shown apart from wrong answers. */
  callFailed: z.boolean(),
  failed: z.array(z.object({ check: z.string(), reason: z.string() })),
  undecided: z.array(z.string()),
});
export type SampleChecks = z.infer<typeof SampleChecks>;

export const CellPassRate = PassRateData.extend({
  model: z.string(),
  temperature: z.number(),
  case: z.string(),
  /** Of the failures, how many were failed calls rather than wrong answers. */
  callFailures: z.number().int(),
  /** Finished samples not counted yet: a check on them is still undecided. */
  undecided: z.number().int(),
});
export type CellPassRate = z.infer<typeof CellPassRate>;

export const RunChecks = z.object({
  runId: z.string(),
  /** Hash of the checks (and output schema) the verdicts were given under. */
  checksHash: z.string(),
  checks: z.array(Check),
  /** Check definitions that could not be read, with file and line: they are left out until fixed. */
  problems: z.array(Problem),
  samples: z.array(SampleChecks),
  cells: z.array(CellPassRate),
  byCase: z.array(PassRateData.extend({ case: z.string() })),
  byModelTemperature: z.array(PassRateData.extend({ model: z.string(), temperature: z.number() })),
  overall: PassRateData,
});
export type RunChecks = z.infer<typeof RunChecks>;

/** Every check's verdict on one sample, for the focused sample's panel. */
export const SampleVerdicts = z.object({
  sampleId: z.string(),
  checks: z.array(Check),
  verdicts: z.array(Verdict),
  callFailed: z.boolean(),
});
export type SampleVerdicts = z.infer<typeof SampleVerdicts>;

export interface CheckedRunSample {
  sampleId: string;
  model: string;
  temperature: number;
  case: string;
  status: 'pending' | 'ok' | 'error' | 'cancelled';
}

/**
 * A finished sample's outcome from its verdicts; null for a sample not finished, or one no check
 * applies to (a case without checks of its own when the prompt has none for every case): it did
 * not pass anything, and counting it as a pass would make an unchecked prompt look perfect.
 */
export function sampleOutcome(sampleId: string, status: CheckedRunSample['status'], verdicts: readonly Verdict[]): SampleChecks | null {
  if (status === 'pending' || status === 'cancelled' || verdicts.length === 0) return null;
  const failed = verdicts.filter((verdict) => verdict.passed === false).map(({ check, reason }) => ({ check, reason }));
  const undecided = verdicts.filter((verdict) => verdict.passed === null).map((verdict) => verdict.check);
  const callFailed = status === 'error';
  return { sampleId, passed: failed.length > 0 || callFailed ? false : undecided.length > 0 ? null : true, callFailed, failed, undecided };
}

interface Tally {
  passed: number;
  total: number;
  callFailures: number;
  undecided: number;
}

/**
 * Pass rates from the samples and their outcomes. A sample counts once it is finished and decided:
 * pending, cancelled and undecided samples are not in n (undecided ones are counted apart).
 */
export function passRates(
  samples: readonly CheckedRunSample[],
  outcomes: ReadonlyMap<string, SampleChecks>,
  order: { models: readonly string[]; temperatures: readonly number[]; cases: readonly string[] },
  passN = DEFAULT_PASS_N,
): Pick<RunChecks, 'cells' | 'byCase' | 'byModelTemperature' | 'overall'> {
  const cells = new Map<string, Tally>();
  const byCase = new Map<string, Tally>();
  const byModelTemperature = new Map<string, Tally>();
  const overall = emptyTally();
  for (const sample of samples) {
    const outcome = outcomes.get(sample.sampleId);
    if (!outcome) continue;
    for (const tally of [
      tallyOf(cells, `${sample.model}\u0000${sample.temperature}\u0000${sample.case}`),
      tallyOf(byCase, sample.case),
      tallyOf(byModelTemperature, `${sample.model}\u0000${sample.temperature}`),
      overall,
    ]) {
      if (outcome.passed === null) {
        tally.undecided++;
        continue;
      }
      tally.total++;
      if (outcome.passed) tally.passed++;
      if (outcome.callFailed) tally.callFailures++;
    }
  }
  const rate = (tally: Tally | undefined): PassRate => passRate(tally?.passed ?? 0, tally?.total ?? 0, passN);
  const cellRates: CellPassRate[] = [];
  for (const model of order.models) {
    for (const temperature of order.temperatures) {
      for (const caseName of order.cases) {
        const tally = cells.get(`${model}\u0000${temperature}\u0000${caseName}`);
        if (tally) cellRates.push({ model, temperature, case: caseName, ...rate(tally), callFailures: tally.callFailures, undecided: tally.undecided });
      }
    }
  }
  return {
    cells: cellRates,
    byCase: order.cases.filter((name) => byCase.has(name)).map((name) => ({ case: name, ...rate(byCase.get(name)) })),
    byModelTemperature: order.models.flatMap((model) =>
      order.temperatures
        .filter((temperature) => byModelTemperature.has(`${model}\u0000${temperature}`))
        .map((temperature) => ({ model, temperature, ...rate(byModelTemperature.get(`${model}\u0000${temperature}`)) })),
    ),
    overall: rate(overall),
  };
}

function emptyTally(): Tally {
  return { passed: 0, total: 0, callFailures: 0, undecided: 0 };
}

function tallyOf(map: Map<string, Tally>, key: string): Tally {
  let tally = map.get(key);
  if (!tally) map.set(key, (tally = emptyTally()));
  return tally;
}
