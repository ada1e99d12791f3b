import { describe, expect, it } from 'vitest';
import { formatTemperatures, generateTemperatures, parseTemperatures } from './temperatureSweep';

describe('typed temperatures', () => {
  it('reads commas, spaces and semicolons, sorted and without repeats', () => {
    expect(parseTemperatures('1, 0 0.7;0.7')).toEqual({ values: [0, 0.7, 1], error: null });
  });

  it('says what is wrong with a value', () => {
    expect(parseTemperatures('0, warm').error).toMatch(/“warm” is not a number/);
    expect(parseTemperatures('2.5').error).toMatch(/from 0 to 2/);
    expect(parseTemperatures('  ').error).toMatch(/at least one/);
  });
});

describe('generated temperatures', () => {
  it('steps from one end to the other, including the end', () => {
    expect(generateTemperatures(0, 1.5, 0.5).values).toEqual([0, 0.5, 1, 1.5]);
  });

  it('lands on the end despite floating point', () => {
    expect(generateTemperatures(0, 1, 0.1).values).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });

  it('stops before the end when a step passes it', () => {
    expect(generateTemperatures(0.2, 1, 0.5).values).toEqual([0.2, 0.7]);
  });

  it('refuses ranges that make no sense', () => {
    expect(generateTemperatures(0, 1, 0).error).toMatch(/more than 0/);
    expect(generateTemperatures(1, 0, 0.5).error).toMatch(/“From”/);
    expect(generateTemperatures(0, 3, 0.5).error).toMatch(/0 to 2/);
    expect(generateTemperatures(0, 2, 0.01).error).toMatch(/at most 50/);
    expect(generateTemperatures(Number.NaN, 1, 0.5).error).toMatch(/numbers/);
  });

  it('writes a list back as text', () => {
    expect(formatTemperatures([0, 0.5, 1])).toBe('0, 0.5, 1');
  });
});
