import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../shared/runs';
import { makeSample } from '../../../test/support/varianceFixtures';
import { retryHeard, retryOutcome, retryOutcomeText } from './retryOutcome';

const unknownModel = { code: 'not_found', message: 'Unknown model "x" at Ollama — pull it with `ollama pull x`', status: 404 };
const limited = { code: 'rate_limit', message: 'OpenAI is limiting the request rate (429)', status: 429 };
const failedWith = (error: Sample['error']) => makeSample({ status: 'error', output: null, error });

describe('retryOutcome', () => {
  it('counts only the retried samples: ok now, still failing with the reason, not run', () => {
    const fixed = makeSample({ status: 'ok' });
    const still = [failedWith(unknownModel), failedWith(unknownModel)];
    const cut = makeSample({ status: 'cancelled', output: null });
    const untouched = failedWith(limited);
    const samples = [fixed, ...still, cut, untouched];
    const outcome = retryOutcome([fixed, ...still, cut].map((sample) => sample.sampleId), samples);
    expect(outcome).toMatchObject({ retried: 4, ok: 1, failing: 2, unfinished: 1 });
    expect(retryOutcomeText(outcome)).toBe('Retried 4 samples: 1 ok, 2 still failing, 1 not run (the run stopped first) — Unknown model "x" at Ollama — pull it with `ollama pull x`');
  });

  it('says what is still failing, the largest kind first, and how many other kinds', () => {
    const samples = [failedWith(unknownModel), failedWith(limited), failedWith(unknownModel)];
    const outcome = retryOutcome(samples.map((sample) => sample.sampleId), samples);
    expect(retryOutcomeText(outcome)).toBe('Retried 3 samples: 0 ok, 3 still failing — Unknown model "x" at Ollama — pull it with `ollama pull x` (and 1 other kind of failure)');
    expect(retryOutcomeText(outcome, false)).toBe('Retried 3 samples: 0 ok, 3 still failing');
  });

  it('says so when every retried sample now has an answer', () => {
    const samples = [makeSample({ status: 'ok' })];
    expect(retryOutcomeText(retryOutcome([samples[0]?.sampleId ?? ''], samples))).toBe('Retried 1 sample: ok');
  });
});

describe('retryHeard', () => {
  it('waits until no retried sample still shows the result it had before the retry', () => {
    const since = '2025-01-01T10:00:00.000Z';
    const before = failedWith(unknownModel);
    before.finishedAt = '2025-01-01T09:59:59.000Z';
    const after = { ...before, finishedAt: '2025-01-01T10:00:01.000Z' };
    const other = makeSample({ finishedAt: '2025-01-01T09:00:00.000Z' });
    expect(retryHeard([before.sampleId], [before, other], since)).toBe(false);
    expect(retryHeard([before.sampleId], [after, other], since)).toBe(true);
    expect(retryHeard([before.sampleId], [{ ...before, status: 'pending', finishedAt: null }], since)).toBe(true);
  });
});
