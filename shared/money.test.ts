import { describe, expect, it } from 'vitest';
import { roundUsd, roundUsdOrNull } from './money';
import { costUsd } from './pricing';

describe('roundUsd', () => {
  it('takes the binary noise off an amount and keeps what a price can say', () => {
    expect(roundUsd(0.000020399999999999998)).toBe(0.0000204);
    expect(JSON.stringify(roundUsd(0.1 + 0.2))).toBe('0.3');
    expect(roundUsd(1234.5678901234)).toBe(1234.56789);
    expect(roundUsd(0)).toBe(0);
    expect(roundUsdOrNull(null)).toBeNull();
  });

  it('is what a sample’s cost comes out as', () => {
    // 24 input and 28 output tokens of gpt-4o-mini: 0.0000036 + 0.0000168, which floats make 0.000020399999999999998.
    const cost = costUsd({ pattern: 'openai/gpt-4o-mini', inputPerMTok: 0.15, outputPerMTok: 0.6 }, 24, 28);
    expect(String(cost)).toBe('0.0000204');
  });
});
