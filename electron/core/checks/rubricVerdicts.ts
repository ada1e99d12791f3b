// Rubric verdicts come from the judgement cache, never from evaluating the output here: a sample's
// rubric check is undecided until its judge has answered as many times as the check asks, and then
// it is the majority of those answers. Which judge: the check's `judge:`, else the workspace's
// default judge (Settings → checks), else the model that wrote the sample.
import type { Check, CheckSpec, Verdict } from '../../../shared/checks/checkTypes';
import { majorityVerdict } from '../../../shared/checks/judgeMajority';
import type { RubricJudging } from '../../../shared/checks/judging';
import type { Sample } from '../../../shared/runs';
import type { StoredJudgement } from '../store/judgementStore';
import { judgeCacheKey } from './judgeRequest';

export const NOT_JUDGED = 'not judged yet: judging the run asks its judge';

/** One rubric check on one finished ok sample: who judges it, how often, and the cache key. */
export interface RubricTarget {
  check: string;
  judge: string;
  rubric: string;
  repeats: number;
  output: string;
  key: string;
}

type RubricSpec = Extract<CheckSpec, { kind: 'rubric' }>;

export function judgeFor(spec: RubricSpec, defaultJudge: string | null, sampleModel: string): string {
  return spec.judge ?? defaultJudge ?? sampleModel;
}

/** The rubric checks among `applicable` that a finished ok sample needs judged. */
export function rubricTargets(
  sample: Pick<Sample, 'status' | 'output' | 'model'>,
  applicable: readonly Check[],
  specs: ReadonlyMap<string, CheckSpec>,
  defaultJudge: string | null,
): RubricTarget[] {
  if (sample.status !== 'ok') return [];
  const output = sample.output ?? '';
  const targets: RubricTarget[] = [];
  for (const check of applicable) {
    const spec = specs.get(check.id);
    if (spec?.kind !== 'rubric') continue;
    const judge = judgeFor(spec, defaultJudge, sample.model);
    targets.push({ check: check.id, judge, rubric: spec.rubric, repeats: spec.judgeRepeats, output, key: judgeCacheKey(judge, spec.rubric, output) });
  }
  return targets;
}

/** The verdict the cache holds for one target: the majority of its first k answers, or undecided. */
export function judgedVerdict(target: RubricTarget, stored: StoredJudgement | undefined): Verdict {
  if (!stored || stored.votes.length < target.repeats) return { check: target.check, passed: null, reason: NOT_JUDGED };
  const verdict = majorityVerdict(stored.votes.slice(0, target.repeats));
  return { check: target.check, passed: verdict.pass, reason: verdict.reason, flipped: verdict.flipped, selfAgreement: verdict.selfAgreement };
}

/** `verdicts` with each rubric verdict replaced by what the cache holds. */
export function withJudgements(verdicts: readonly Verdict[], targets: readonly RubricTarget[], judgements: ReadonlyMap<string, StoredJudgement>): Verdict[] {
  if (targets.length === 0) return [...verdicts];
  const byCheck = new Map(targets.map((target) => [target.check, judgedVerdict(target, judgements.get(target.key))]));
  return verdicts.map((verdict) => byCheck.get(verdict.check) ?? verdict);
}

/** Per rubric check: judged, undecided and flipped counts over the verdicts of finished ok samples. */
export function rubricJudging(rubricChecks: readonly Check[], verdictsOfOkSamples: Iterable<readonly Verdict[]>): RubricJudging[] {
  const tallies = new Map(rubricChecks.map((check) => [check.id, { check: check.id, judged: 0, undecided: 0, flipped: 0 }]));
  for (const verdicts of verdictsOfOkSamples) {
    for (const verdict of verdicts) {
      const tally = tallies.get(verdict.check);
      if (!tally) continue;
      if (verdict.passed === null) tally.undecided++;
      else tally.judged++;
      if (verdict.flipped) tally.flipped++;
    }
  }
  return [...tallies.values()];
}
