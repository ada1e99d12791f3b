import { describe, expect, it } from 'vitest';
import { estimateTokens } from './tokenEstimate';

// Counts from OpenAI's o200k_base tokenizer, which the estimate stands in for.
const COUNTED: [string, number][] = [
  ['You answer in one short JSON object. What is the capital of France and why is Paris important to its history, economy and culture? Please be concise but complete.', 33],
  ['function add(a, b) {\n  return a + b;\n}\nconsole.log(add(2, 3)); // prints 5', 27],
  ['Quelle est la capitale de la France, et pourquoi Paris est-elle si importante pour son histoire et sa culture ?', 22],
  ['日本の首都はどこですか？東京が歴史と文化にとって重要な理由を教えてください。', 27],
  ['中国的首都是哪里？为什么北京对这个国家的历史和文化如此重要？', 18],
  ['Family: 👨‍👩‍👧‍👦 flags: 🇯🇵🇧🇷 and a lone 🦜', 29],
];

describe('estimateTokens', () => {
  it('is about four bytes of UTF-8 a token, rounded up', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('abcd')).toBe(1);
    expect(estimateTokens('abcde')).toBe(2);
    expect(estimateTokens('日本')).toBe(2); // six bytes
  });

  it('stays within a factor of two of a real count, in English, French, code, Japanese, Chinese and emoji', () => {
    for (const [text, counted] of COUNTED) {
      const estimate = estimateTokens(text);
      expect(estimate, text).toBeGreaterThanOrEqual(counted / 2);
      expect(estimate, text).toBeLessThanOrEqual(counted * 2);
    }
  });
});
