import { describe, expect, it } from 'vitest';
import { snippet } from './snippet';

describe('snippet', () => {
  it('keeps a short text whole, with its whitespace collapsed', () => {
    expect(snippet('  Paris.\n')).toBe('Paris.');
    expect(snippet('Paris\n\nis  big', 24)).toBe('Paris is big');
  });

  it('cuts a long text at a word near the limit and says so', () => {
    expect(snippet('The capital of France is Paris, of course.', 22)).toBe('The capital of France…');
    // A word ending exactly at the limit is kept whole.
    expect(snippet('The capital of France is Paris, of course.', 24)).toBe('The capital of France is…');
    // No comma left dangling before the ellipsis.
    expect(snippet('The capital is Paris, of course.', 21)).toBe('The capital is Paris…');
  });

  it('cuts inside a word when no word ends near the limit', () => {
    expect(snippet('Supercalifragilisticexpialidocious indeed', 10)).toBe('Supercalif…');
  });
});
