import { describe, expect, it } from 'vitest';
import { readCheck } from './checkDefinition';
import type { CheckSpec } from './checkTypes';
import { evaluateCheck, sampleContext, type CheckedSample } from './evaluateCheck';

const answered = (output: string, extra: Partial<CheckedSample> = {}): CheckedSample => ({ status: 'ok', output, latencyMs: 900, costUsd: 0.002, error: null, ...extra });
const spec = (raw: unknown): CheckSpec => {
  const read = readCheck(raw);
  if (!read.ok) throw new Error(read.message);
  return read.spec;
};
const verdict = (raw: unknown, output: string, extra: Partial<CheckedSample> = {}, schema?: unknown) =>
  evaluateCheck('c', spec(raw), sampleContext(answered(output, extra), schema));

describe('evaluateCheck', () => {
  it('checks text and says what it found', () => {
    expect(verdict({ equals: 'Paris' }, ' Paris\n')).toEqual({ check: 'c', passed: true, reason: 'is "Paris"' });
    expect(verdict({ equals: 'Paris' }, 'Lyon')).toEqual({ check: 'c', passed: false, reason: 'expected "Paris", got "Lyon"' });
    expect(verdict({ contains: 'reset' }, 'Use the reset link')?.passed).toBe(true);
    expect(verdict({ contains: 'reset' }, 'Use the Reset link')).toMatchObject({ passed: false, reason: '"reset" not found' });
    expect(verdict({ icontains: 'reset' }, 'Use the RESET link')?.passed).toBe(true);
    expect(verdict({ 'not-contains': 'sorry' }, 'I am sorry')).toMatchObject({ passed: false, reason: 'contains "sorry", which it must not' });
    expect(verdict({ 'contains-any': ['refund', 'credit'] }, 'a credit note')).toMatchObject({ passed: true, reason: 'contains "credit"' });
    expect(verdict({ 'contains-all': ['a', 'b', 'c'] }, 'a c')).toMatchObject({ passed: false, reason: '"b" not found' });
    expect(verdict({ 'starts-with': 'Dear' }, '  Dear Ada')?.passed).toBe(true);
    expect(verdict({ regex: '^[A-Z][a-z]+$' }, 'Paris')?.passed).toBe(true);
    expect(verdict({ regex: '^paris$', flags: 'i' }, 'PARIS')?.passed).toBe(true);
  });

  it('takes regex matches made beforehand, and says when one was stopped', () => {
    const regex = spec({ regex: '^T' });
    const stopped = sampleContext(answered('Tokyo'), undefined, () => null);
    expect(evaluateCheck('c', regex, stopped)).toMatchObject({ passed: false, reason: 'matching /^T/ took too long and was stopped: simplify the pattern' });
    expect(evaluateCheck('c', regex, sampleContext(answered('Tokyo'), undefined, () => false))).toMatchObject({ passed: false, reason: 'does not match /^T/' });
    expect(evaluateCheck('c', regex, sampleContext(answered('Tokyo'), undefined, () => undefined))).toBeNull();
  });

  it('counts length and words', () => {
    expect(verdict({ 'max-words': 1 }, 'Paris.')).toMatchObject({ passed: true, reason: '1 word' });
    expect(verdict({ 'max-words': 1 }, 'The capital is Paris.')).toMatchObject({ passed: false, reason: '4 words, more than 1' });
    expect(verdict({ 'max-length': 3 }, 'abcd')).toMatchObject({ passed: false, reason: '4 characters, more than 3' });
  });

  it('reads JSON, fenced or not, and holds it to the output schema', () => {
    const schema = { type: 'object', properties: { intent: { type: 'string' } }, required: ['intent'] };
    expect(verdict('json', '```json\n{"intent":"billing"}\n```', {}, schema)).toMatchObject({ passed: true, reason: 'valid JSON that fits the output schema' });
    expect(verdict('json', '{"topic":"billing"}', {}, schema)).toMatchObject({ passed: false, reason: 'JSON, but it does not fit the output schema' });
    expect(verdict('json', 'Sure! {"intent"')).toMatchObject({ passed: false, reason: 'the output is not JSON' });
  });

  it('checks a JSON path with equals, in, min and max, naming what it got', () => {
    const output = '{"intent":"billing_issue","confidence":0.63,"escalate":false,"tags":["a"]}';
    expect(verdict({ 'json-path': '$.intent', equals: 'account_access' }, output)).toMatchObject({ passed: false, reason: 'expected $.intent = account_access, got billing_issue' });
    expect(verdict({ 'json-path': '$.escalate', equals: false }, output)).toMatchObject({ passed: true, reason: '$.escalate = false' });
    expect(verdict({ 'json-path': '$.tags', equals: ['a'] }, output)?.passed).toBe(true);
    expect(verdict({ 'json-path': '$.intent', in: ['billing_issue', 'refund'] }, output)?.passed).toBe(true);
    expect(verdict({ 'json-path': '$.confidence', min: 0.8 }, output)).toMatchObject({ passed: false, reason: 'expected $.confidence ≥ 0.8, got 0.63' });
    expect(verdict({ 'json-path': '$.confidence', max: 0.5 }, output)).toMatchObject({ passed: false, reason: 'expected $.confidence ≤ 0.5, got 0.63' });
    expect(verdict({ 'json-path': '$.intent', min: 1 }, output)).toMatchObject({ passed: false, reason: 'expected $.intent to be a number, got billing_issue' });
    expect(verdict({ 'json-path': '$.owner.name', equals: 'x' }, output)).toMatchObject({ passed: false, reason: '$.owner is missing' });
    expect(verdict({ 'json-path': '$.intent', equals: 'x' }, 'not json')).toMatchObject({ passed: false, reason: 'the output is not JSON, so $.intent cannot be read' });
  });

  it('compares lexically, and leaves what needs a model undecided', () => {
    expect(verdict({ similar: 'The capital of France is Paris', threshold: 0.5 }, 'The capital of France is Paris.')?.passed).toBe(true);
    expect(verdict({ similar: 'The capital of France is Paris', threshold: 0.5 }, 'Bananas grow in bunches')?.passed).toBe(false);
    expect(verdict({ rubric: 'Polite' }, 'Hello')).toBeNull();
  });

  it('holds latency and cost to ceilings, and says when they are unknown', () => {
    expect(verdict({ 'latency-ms': 500 }, 'x', { latencyMs: 1234.4 })).toMatchObject({ passed: false, reason: 'took 1,234 ms, more than 500 ms' });
    expect(verdict({ 'latency-ms': 500 }, 'x', { latencyMs: null })).toMatchObject({ passed: false, reason: 'latency unknown' });
    expect(verdict({ 'cost-usd': 0.01 }, 'x')).toMatchObject({ passed: true });
    expect(verdict({ 'cost-usd': 0.01 }, 'x', { costUsd: null })).toMatchObject({ passed: false, reason: 'cost unknown: give the model a price in Settings to check it' });
  });
});
