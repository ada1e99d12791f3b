import { describe, expect, it } from 'vitest';
import { formatCost, formatDuration, formatRate, formatTimeLeft, formatTokens } from './runFormat';

describe('run numbers', () => {
  it('writes money with sensible precision, and says when it is unknown', () => {
    expect(formatCost(null)).toBe('cost unknown');
    expect(formatCost(0)).toBe('$0.00');
    expect(formatCost(0.00001)).toBe('<$0.0001');
    expect(formatCost(0.0031)).toBe('$0.0031');
    expect(formatCost(0.42)).toBe('$0.42');
    expect(formatCost(12345.6)).toBe('$12,346');
  });

  it('writes durations in the unit that reads best', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(4200)).toBe('4.2 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
  });

  it('says how long is left, without false precision under a second', () => {
    expect(formatTimeLeft(622)).toBe('under a second');
    expect(formatTimeLeft(42_000)).toBe('about 42 s');
  });

  it('writes rates per second, or per minute when slow', () => {
    expect(formatRate(0)).toBe('—');
    expect(formatRate(0.05)).toBe('3/min');
    expect(formatRate(2.25)).toBe('2.3/s');
    expect(formatRate(40)).toBe('40/s');
  });

  it('shortens token counts', () => {
    expect(formatTokens(840)).toBe('840');
    expect(formatTokens(1234)).toBe('1.2k');
    expect(formatTokens(45_600)).toBe('46k');
    expect(formatTokens(4_100_000)).toBe('4.1M');
  });
});
