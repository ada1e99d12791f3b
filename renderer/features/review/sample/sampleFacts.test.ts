import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../../shared/runs';
import { makeSample } from '../../../../test/support/runFixtures';
import { sampleFacts } from './sampleFacts';

const sample: Sample = makeSample({
  model: 'openai/gpt-4o-mini',
  temperature: 0.7,
  case: 'default',
  index: 2,
  status: 'ok',
  output: 'Hi',
  finishReason: 'stop',
  inputTokens: 1200,
  outputTokens: 34,
  latencyMs: 850,
  costUsd: 0.0021,
  seed: 44,
  attempts: 1,
});

const byLabel = (facts: ReturnType<typeof sampleFacts>) => Object.fromEntries(facts.map((fact) => [fact.label, fact.value]));

describe('sampleFacts', () => {
  it('lists what was recorded for the sample', () => {
    expect(byLabel(sampleFacts(sample, false))).toEqual({
      Model: 'openai/gpt-4o-mini',
      Temperature: '0.7',
      Seed: '44',
      Case: 'default',
      Sample: '#3',
      Tokens: '1,200 in · 34 out',
      Latency: '850 ms',
      'First token': '—',
      'Finish reason': 'stop',
      Cost: '$0.0021',
    });
  });

  it('hides model, temperature, seed, cost and the repeat number in blind review', () => {
    const labels = sampleFacts(sample, true).map((fact) => fact.label);
    expect(labels).not.toContain('Sample');
    expect(labels).not.toContain('Model');
    expect(labels).not.toContain('Temperature');
    expect(labels).not.toContain('Seed');
    expect(labels).not.toContain('Cost');
    expect(labels).toContain('Tokens');
  });

  it('mentions retries only when there were some', () => {
    expect(byLabel(sampleFacts({ ...sample, attempts: 3 }, false)).Attempts).toBe('3');
  });
});
