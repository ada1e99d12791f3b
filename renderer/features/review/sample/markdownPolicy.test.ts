import { describe, expect, it } from 'vitest';
import { imagePlaceholder, openableHref } from './markdownPolicy';

describe('openableHref', () => {
  it('keeps web and mail links', () => {
    expect(openableHref('https://example.com/a')).toBe('https://example.com/a');
    expect(openableHref(' http://example.com ')).toBe('http://example.com');
    expect(openableHref('mailto:someone@example.com')).toBe('mailto:someone@example.com');
  });

  it('turns every other scheme, relative path or hash into text', () => {
    for (const href of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', '#/settings', '/x', 'x.png', '', undefined, null]) {
      expect(openableHref(href)).toBeNull();
    }
  });
});

describe('imagePlaceholder', () => {
  it('describes the image and its source without loading it', () => {
    expect(imagePlaceholder('x', 'http://example.com/x.png')).toBe('[image: x — http://example.com/x.png]');
    expect(imagePlaceholder('', '')).toBe('[image: image]');
    expect(imagePlaceholder(undefined, 'a.png')).toBe('[image: image — a.png]');
  });
});
