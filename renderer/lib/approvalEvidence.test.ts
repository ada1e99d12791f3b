import { describe, expect, it } from 'vitest';
import { metricsByCell } from '../../shared/variance/cellMetrics';
import { makeRating, makeSample, makeSummary } from '../../test/support/varianceFixtures';
import {
  approvalLabel,
  approvalNumber,
  defaultApprovalMessage,
  evidenceOf,
  messageBody,
  nextApprovalTag,
  allApprovals,
  trailerLines,
  versionName,
  type Evidence,
} from './approvalEvidence';

const evidence: Evidence = {
  runId: 'run-1',
  models: ['ollama/llama3.2', 'openai/gpt-4o-mini'],
  temperatures: [0, 0.7],
  samples: 24,
  rating: 4.25,
  rated: 8,
  consistency: 0.8765,
};

describe('evidenceOf', () => {
  it('takes the rating over rated samples only and the mean consistency of the cells', () => {
    const samples = [
      makeSample({ runId: 'run-e', case: 'a', output: 'Paris' }),
      makeSample({ runId: 'run-e', case: 'a', output: 'Paris' }),
      makeSample({ runId: 'run-e', case: 'b', output: 'Lyon' }),
    ];
    const ratings = [makeRating(samples[0]!.sampleId, 5), makeRating(samples[1]!.sampleId, 3), makeRating(samples[2]!.sampleId, null, 'a note')];
    const summary = makeSummary(samples);
    const detail = { summary, samples, ratings, output: null, request: { prompt: 'p', models: summary.models, temperatures: summary.temperatures, samples: 1, seedMode: 'none', seed: 42, stream: true } } as const;
    const result = evidenceOf({ summary, samples, ratings, metrics: metricsByCell(detail, { threshold: 1 }) });
    expect(result).toMatchObject({ runId: 'run-e', samples: 3, rating: 4, rated: 2, consistency: 1 });
  });
});

describe('trailerLines', () => {
  it('lists the six trailers in order, as git will show them', () => {
    expect(trailerLines(evidence)).toEqual([
      ['Workbench-Run', 'run-1'],
      ['Workbench-Models', 'ollama/llama3.2, openai/gpt-4o-mini'],
      ['Workbench-Temperatures', '0, 0.7'],
      ['Workbench-Samples', '24'],
      ['Workbench-Rating', '4.25 (n=8)'],
      ['Workbench-Consistency', '0.88'],
    ]);
  });

  it('says plainly when nothing is rated or nothing finished', () => {
    const lines = new Map(trailerLines({ ...evidence, rating: null, rated: 0, consistency: null }));
    expect(lines.get('Workbench-Rating')).toBe('none (n=0)');
    expect(lines.get('Workbench-Consistency')).toBe('none');
  });
});

describe('trailerLines with checks', () => {
  it('adds the pass rate after the six, as the core writes it', () => {
    const lines = trailerLines({ ...evidence, passRate: { rate: 0.93, low: 0.8846, high: 0.9585, n: 200 } });
    expect(lines).toHaveLength(7);
    expect(lines[6]).toEqual(['Workbench-Pass-Rate', '0.93 [0.88, 0.96] (n=200)']);
    expect(new Map(trailerLines({ ...evidence, passRate: { rate: null, low: 0, high: 1, n: 0 } })).get('Workbench-Pass-Rate')).toBe('none (n=0)');
  });
});

describe('defaultApprovalMessage', () => {
  it('names the prompt and what the approval rests on', () => {
    expect(defaultApprovalMessage('capital-city', evidence)).toBe('Approve capital-city: 4.25 over 8 rated');
    expect(defaultApprovalMessage('capital-city', { rating: null, rated: 0 })).toBe('Approve capital-city (no ratings)');
  });
});

describe('approval numbers and tags', () => {
  it('reads k from approved/<name>/v<k>', () => {
    expect(approvalNumber('approved/capital-city/v3')).toBe(3);
    expect(approvalNumber('approved/a/b/v12')).toBe(12);
    expect(approvalNumber(null)).toBeNull();
    expect(approvalNumber('release-1')).toBeNull();
  });

  it('labels a version by its number, or plainly when its tag is gone', () => {
    expect(approvalLabel({ tag: 'approved/x/v2' })).toBe('Approved v2');
    expect(approvalLabel({ tag: null })).toBe('Approved');
    expect(versionName({ shortOid: 'abc1234', approval: { tag: 'approved/x/v2' } })).toBe('v2 (abc1234)');
    expect(versionName({ shortOid: 'abc1234', approval: null })).toBe('abc1234');
  });

  it('numbers the next approval one past the highest so far', () => {
    expect(nextApprovalTag('x', [])).toBe('approved/x/v1');
    const history = [{ approval: null }, { approval: { tag: 'approved/x/v1' } }, { approval: { tag: 'approved/x/v4' } }, { approval: { tag: null } }];
    expect(nextApprovalTag('x', history)).toBe('approved/x/v5');
    // Every approval of a version counts, and the tags of the name the prompt had before a rename.
    const renamed = [{ approval: { tag: 'approved/old/v3' }, approvals: [{ tag: 'approved/old/v3' }, { tag: 'approved/old/v2' }] }, { approval: null, approvals: [] }];
    expect(nextApprovalTag('x', renamed)).toBe('approved/x/v4');
  });

  it('lists every approval of a history, a version approved twice giving two', () => {
    const history = [
      { approval: { runId: 'r3' }, approvals: [{ runId: 'r3' }, { runId: 'r1' }] },
      { approval: null, approvals: [] },
      { approval: { runId: 'r0' } },
    ];
    expect(allApprovals(history).map((approval) => approval.runId)).toEqual(['r3', 'r1', 'r0']);
  });
});

describe('messageBody', () => {
  it('drops the evidence trailers and keeps what the person wrote', () => {
    const message = 'Approve x: 4.00 over 3 rated\n\nShorter answers.\n\nWorkbench-Run: r1\nWorkbench-Models: openai/m\nWorkbench-Rating: 4.00 (3 rated)\n';
    expect(messageBody({ message, summary: 'Approve x: 4.00 over 3 rated' })).toBe('Shorter answers.');
    expect(messageBody({ message: 'Just a title\n', summary: 'Just a title' })).toBe('');
  });
});
