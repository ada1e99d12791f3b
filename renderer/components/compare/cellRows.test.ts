import { describe, expect, it } from 'vitest';
import type { CellMetrics } from '../../../shared/variance/cellMetrics';
import type { CellDelta } from '../../../shared/variance/runComparison';
import { cellRows } from './cellRows';

function metrics(patch: Partial<CellMetrics>): CellMetrics {
  return {
    model: 'openai/gpt-4o-mini',
    temperature: 0.7,
    case: 'France',
    total: 5,
    ok: 5,
    errors: 0,
    pending: 0,
    distinct: 3,
    mostCommonShare: 0.4,
    meanLength: 120,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: null,
    latencyP50Ms: null,
    latencyP95Ms: null,
    meanSimilarity: 0.7,
    lengthSd: 10,
    schemaValidRate: null,
    ratingMean: 3,
    ratingSd: null,
    rated: 2,
    clusters: [],
    consistency: 0.7,
    mostCommonOutput: null,
    sampleIds: [],
    ...patch,
  };
}

function delta(a: CellMetrics, b: CellMetrics): CellDelta {
  return { model: a.model, temperature: a.temperature, case: a.case, a, b, ratingMean: null, consistency: null, meanSimilarity: null, distinct: 0, meanLength: null, errors: 0, schemaValidRate: null };
}

describe('cellRows', () => {
  it('shows each run’s value, the change and its tone', () => {
    const [row] = cellRows([delta(metrics({}), metrics({ ratingMean: 4, consistency: 0.72, distinct: 1, meanLength: 90.4, errors: 2 }))]);
    expect(row?.rating).toEqual({ values: '3.0 → 4.0', change: '+1.0', tone: 'better' });
    expect(row?.consistency).toEqual({ values: '0.70 → 0.72', change: '+0.02', tone: 'neutral' });
    expect(row?.distinct).toEqual({ values: '3 → 1', change: '−2', tone: 'neutral' });
    expect(row?.length).toEqual({ values: '120 → 90', change: '−30', tone: 'neutral' });
    expect(row?.errors).toEqual({ values: '0 → 2', change: '+2', tone: 'worse' });
  });

  it('says nothing of a change that is none', () => {
    const [row] = cellRows([delta(metrics({}), metrics({}))]);
    expect(row?.errors).toEqual({ values: '0 → 0', change: null, tone: 'neutral' });
  });

  it('dashes a side without a value', () => {
    const [row] = cellRows([delta(metrics({ ratingMean: null }), metrics({}))]);
    expect(row?.rating).toEqual({ values: '— → 3.0', change: null, tone: 'neutral' });
  });
});
