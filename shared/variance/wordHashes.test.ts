import { describe, expect, it } from 'vitest';
import { wordHashes } from './wordHashes';

const words = (text: string) => [...wordHashes(text)];

describe('wordHashes', () => {
  it('splits on anything but letters and digits, and ignores case', () => {
    expect(words('{"Answer": "Paris", n: 42}')).toEqual(words('answer paris n 42'));
    expect(words('  ...  ')).toEqual([]);
  });

  it('gives the same word the same hash and different words different ones', () => {
    const [a, b, c] = words('apple banana apple');
    expect(a).toBe(c);
    expect(a).not.toBe(b);
  });

  it('keeps accented and combining letters inside words', () => {
    expect(words('café naïve')).toHaveLength(2);
    // "é" written as e + combining acute accent is still one word (though not the same hash as "é").
    expect(words('cafe\u0301 ok')).toHaveLength(2);
    expect(words('नमस्ते दुनिया')).toHaveLength(2);
  });

  it('makes each Chinese or Japanese character a word, also beside Latin letters', () => {
    expect(words('東京は日本')).toHaveLength(5);
    expect(words('Tokyo東京')).toEqual([...words('tokyo'), ...words('東 京')]);
  });

  it('handles characters outside the basic plane', () => {
    expect(words('𝐀𝐁 x')).toHaveLength(2);
    expect(words('😀 hello 😀')).toEqual(words('hello'));
  });
});
