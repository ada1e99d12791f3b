import { describe, expect, it } from 'vitest';
import { similarity } from './renameDetection';

const text = (lines: string[]) => Buffer.from(lines.join('\n'));

describe('similarity', () => {
  const original = ['---', 'model: ollama/llama3.2', '---', 'You summarise the document.', 'Keep it short.', '{{document}}'];

  it('is 1 for the same text and counts the bytes of shared lines over the larger text', () => {
    expect(similarity(text(original), text(original))).toBe(1);
    const edited = similarity(text(original), text([...original.slice(0, 4), 'Keep it under three sentences.', '{{document}}']));
    expect(edited).toBeGreaterThan(0.5);
    expect(edited).toBeLessThan(1);
  });

  it('is low for a different prompt, and counts a repeated line only as often as both have it', () => {
    expect(similarity(text(original), text(['---', 'model: openai/gpt-4o', '---', 'Translate to French.', '{{text}}']))).toBeLessThan(0.5);
    expect(similarity(text(['a', 'a', 'a', 'a']), text(['a']))).toBeLessThan(0.5);
  });
});
