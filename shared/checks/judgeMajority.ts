// A rubric verdict from k answers of the same judge to the same question: the majority, and how
// often the judge agreed with itself. k is odd (checkDefinition.ts), so two readable answers never
// tie; unreadable answers count for neither side, so too many of them leave the verdict undecided.
import type { JudgeVote } from './judgeAnswer';

export interface JudgedVerdict {
  pass: boolean | null;
  reason: string;
  /** Share of the k answers that gave the majority's verdict (1 when the judge never wavered). */
  selfAgreement: number;
  /** The judge said pass and fail to the same output. */
  flipped: boolean;
}

export function majorityVerdict(votes: readonly JudgeVote[]): JudgedVerdict {
  const k = votes.length;
  if (k === 0) return { pass: null, reason: 'not judged yet', selfAgreement: 0, flipped: false };
  const passes = votes.filter((vote) => vote.pass === true);
  const fails = votes.filter((vote) => vote.pass === false);
  const flipped = passes.length > 0 && fails.length > 0;
  const selfAgreement = Math.max(passes.length, fails.length) / k;
  const tally = `the judge said pass ${passes.length} and fail ${fails.length} of ${k} times`;
  const side = passes.length * 2 > k ? passes : fails.length * 2 > k ? fails : null;
  if (side) {
    const reason = (side[0] as JudgeVote).reason;
    return { pass: side === passes, reason: flipped ? `${reason} (${tally})` : reason, selfAgreement, flipped };
  }
  const unreadable = votes.find((vote) => vote.pass === null) as JudgeVote;
  const reason = k === 1 ? unreadable.reason : `no majority: ${tally}; ${unreadable.reason}`;
  return { pass: null, reason, selfAgreement, flipped };
}
