import { describe, expect, it } from 'vitest';
import type { RenderedMessage } from '../../../shared/prompts';
import { UnsupportedContentError, parseDataUrl, textOf, toAnthropicMessages, toOllamaMessages, toOpenAIMessages } from './providerMessages';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

const conversation: RenderedMessage[] = [
  { role: 'system', content: [{ text: 'You answer in JSON.' }] },
  { role: 'user', content: [{ text: 'What is ' }, { text: '2+2?' }] },
  { role: 'model', content: [{ text: '{"answer": 4}' }] },
  { role: 'user', content: [{ text: 'And 3+3?' }] },
];

describe('textOf and parseDataUrl', () => {
  it('joins text parts as they are and skips media', () => {
    expect(textOf([{ text: 'a ' }, { media: { url: PNG } }, { text: 'b' }])).toBe('a b');
    expect(textOf([])).toBe('');
  });
  it('splits a base64 data URL', () => {
    expect(parseDataUrl(PNG)).toEqual({ mediaType: 'image/png', data: 'iVBORw0KGgo=' });
    expect(parseDataUrl('https://example.com/cat.png')).toBeNull();
  });
});

describe('toOpenAIMessages', () => {
  it('maps model to assistant and joins text', () => {
    expect(toOpenAIMessages(conversation)).toEqual([
      { role: 'system', content: 'You answer in JSON.' },
      { role: 'user', content: 'What is 2+2?' },
      { role: 'assistant', content: '{"answer": 4}' },
      { role: 'user', content: 'And 3+3?' },
    ]);
  });
  it('sends media as image_url parts and tool turns as the user', () => {
    const messages: RenderedMessage[] = [
      { role: 'user', content: [{ text: 'Describe' }, { media: { url: PNG, contentType: 'image/png' } }] },
      { role: 'tool', content: [{ text: 'result' }] },
    ];
    expect(toOpenAIMessages(messages)).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Describe' },
          { type: 'image_url', image_url: { url: PNG } },
        ],
      },
      { role: 'user', content: 'result' },
    ]);
  });
  it('refuses images outside user messages', () => {
    expect(() => toOpenAIMessages([{ role: 'system', content: [{ media: { url: PNG } }] }])).toThrow(UnsupportedContentError);
  });
});

describe('toAnthropicMessages', () => {
  it('lifts system messages to the top level and maps model to assistant', () => {
    const { system, messages } = toAnthropicMessages(conversation);
    expect(system).toBe('You answer in JSON.');
    expect(messages).toEqual([
      { role: 'user', content: 'What is 2+2?' },
      { role: 'assistant', content: '{"answer": 4}' },
      { role: 'user', content: 'And 3+3?' },
    ]);
  });
  it('merges consecutive messages of one role and joins several system messages', () => {
    const { system, messages } = toAnthropicMessages([
      { role: 'system', content: [{ text: 'One.' }] },
      { role: 'user', content: [{ text: 'a' }] },
      { role: 'system', content: [{ text: 'Two.' }] },
      { role: 'user', content: [{ text: 'b' }] },
      { role: 'tool', content: [{ text: 'c' }] },
    ]);
    expect(system).toBe('One.\n\nTwo.');
    expect(messages).toEqual([{ role: 'user', content: 'a\n\nb\n\nc' }]);
  });
  it('has no system when there is none', () => {
    expect(toAnthropicMessages([{ role: 'user', content: [{ text: 'hi' }] }]).system).toBeUndefined();
  });
  it('sends images as base64 or URL blocks, skipping empty text', () => {
    const { messages } = toAnthropicMessages([
      { role: 'user', content: [{ text: '' }, { text: 'Look' }, { media: { url: PNG } }] },
      { role: 'user', content: [{ media: { url: 'https://example.com/cat.jpg' } }] },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Look' },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
          { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
        ],
      },
    ]);
  });
  it('refuses image types Anthropic does not take', () => {
    expect(() => toAnthropicMessages([{ role: 'user', content: [{ media: { url: 'data:image/bmp;base64,AA==' } }] }])).toThrow(/JPEG, PNG, GIF or WebP/);
  });
});

describe('toOllamaMessages', () => {
  it('maps roles and joins text', () => {
    expect(toOllamaMessages(conversation)).toEqual([
      { role: 'system', content: 'You answer in JSON.' },
      { role: 'user', content: 'What is 2+2?' },
      { role: 'assistant', content: '{"answer": 4}' },
      { role: 'user', content: 'And 3+3?' },
    ]);
  });
  it('puts images beside the text as base64, and refuses URLs it cannot fetch', () => {
    expect(toOllamaMessages([{ role: 'user', content: [{ text: 'Describe' }, { media: { url: PNG } }] }])).toEqual([
      { role: 'user', content: 'Describe', images: ['iVBORw0KGgo='] },
    ]);
    expect(() => toOllamaMessages([{ role: 'user', content: [{ media: { url: 'https://example.com/a.png' } }] }])).toThrow(/data: URLs/);
  });
});
