import { describe, expect, it } from 'vitest';
import { promptNameError } from './promptNameError';

describe('promptNameError', () => {
  it('accepts names the contract accepts', () => {
    expect(promptNameError('support-reply')).toBeNull();
    expect(promptNameError('v1.0_draft')).toBeNull();
  });

  it('explains what is wrong, in the contract’s words', () => {
    expect(promptNameError('')).toBe('Give the prompt a name.');
    expect(promptNameError('has spaces')).toMatch(/^Use letters, digits/);
    expect(promptNameError('-leading')).toMatch(/^Use letters, digits/);
  });
});
