// Dotprompt's rendered messages (roles system/user/model/tool; parts {text} or {media}) in each
// API's shape. Text parts of one message are pieces of the same text, so they are joined as is.
// Dotprompt's 'tool' role carries tool output; none of our calls declare tools, so it is sent as
// the user's turn rather than as a tool result that would need a matching tool call.
import type { MessageParam as AnthropicMessage, ContentBlockParam, ImageBlockParam } from '@anthropic-ai/sdk/resources/messages';
import type { Message as OllamaMessage } from 'ollama';
import type { ChatCompletionContentPart, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { RenderedMessage } from '../../../shared/prompts';

type RenderedPart = RenderedMessage['content'][number];

/** The prompt holds something this API cannot take (an image where it accepts none, an image format it refuses). */
export class UnsupportedContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedContentError';
  }
}

export function textOf(parts: readonly RenderedPart[]): string {
  if (parts.length === 1) return parts[0]?.text ?? '';
  let text = '';
  for (const part of parts) if (part.text) text += part.text;
  return text;
}

function hasMedia(parts: readonly RenderedPart[]): boolean {
  return parts.some((part) => part.media !== undefined);
}

/** `data:image/png;base64,AAAA` → its media type and base64 payload; null for any other URL. */
export function parseDataUrl(url: string): { mediaType: string; data: string } | null {
  const match = /^data:([^;,]+)?(?:;[^,]*)?;base64,(.*)$/s.exec(url);
  return match ? { mediaType: match[1] ?? 'application/octet-stream', data: match[2] ?? '' } : null;
}

// --- OpenAI Chat Completions (and every compatible server) ---

export function toOpenAIMessages(messages: readonly RenderedMessage[]): ChatCompletionMessageParam[] {
  return messages.map((message): ChatCompletionMessageParam => {
    const { role, content } = message;
    if (role === 'user' || role === 'tool') {
      if (!hasMedia(content)) return { role: 'user', content: textOf(content) };
      return { role: 'user', content: content.map(openAIPart) };
    }
    if (hasMedia(content)) throw new UnsupportedContentError(`images go in user messages, not in ${role === 'model' ? 'model' : 'system'} messages`);
    return role === 'model' ? { role: 'assistant', content: textOf(content) } : { role: 'system', content: textOf(content) };
  });
}

function openAIPart(part: RenderedPart): ChatCompletionContentPart {
  // Data URLs and http(s) URLs are both accepted as image_url.
  return part.media ? { type: 'image_url', image_url: { url: part.media.url } } : { type: 'text', text: part.text ?? '' };
}

// --- Anthropic Messages ---

const ANTHROPIC_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
type AnthropicImageType = (typeof ANTHROPIC_IMAGE_TYPES)[number];

/**
 * System messages become the top-level `system` text; the rest alternate user/assistant, so
 * consecutive messages of one role (a Dotprompt history, a tool turn after a user turn) merge.
 */
export function toAnthropicMessages(messages: readonly RenderedMessage[]): { system: string | undefined; messages: AnthropicMessage[] } {
  const system: string[] = [];
  const turns: { role: 'user' | 'assistant'; blocks: ContentBlockParam[]; texts: string[]; media: boolean }[] = [];
  for (const message of messages) {
    if (message.role === 'system') {
      if (hasMedia(message.content)) throw new UnsupportedContentError('images go in user messages, not in the system prompt');
      system.push(textOf(message.content));
      continue;
    }
    const role = message.role === 'model' ? 'assistant' : 'user';
    let turn = turns[turns.length - 1];
    if (!turn || turn.role !== role) {
      turn = { role, blocks: [], texts: [], media: false };
      turns.push(turn);
    }
    const text = textOf(message.content);
    if (text) turn.texts.push(text);
    for (const part of message.content) {
      // Anthropic refuses empty text blocks.
      if (part.media) {
        turn.media = true;
        turn.blocks.push(anthropicImage(part.media.url, part.media.contentType));
      } else if (part.text) {
        turn.blocks.push({ type: 'text', text: part.text });
      }
    }
  }
  return {
    system: system.length > 0 ? system.join('\n\n') : undefined,
    // A text-only turn goes as one string (merged messages separated by a blank line), as a person would write it.
    messages: turns.map((turn) => ({ role: turn.role, content: turn.media ? turn.blocks : turn.texts.join('\n\n') })),
  };
}

function anthropicImage(url: string, contentType: string | undefined): ImageBlockParam {
  const data = parseDataUrl(url);
  if (!data) return { type: 'image', source: { type: 'url', url } };
  const mediaType = contentType ?? data.mediaType;
  if (!(ANTHROPIC_IMAGE_TYPES as readonly string[]).includes(mediaType)) {
    throw new UnsupportedContentError(`images must be JPEG, PNG, GIF or WebP, not ${mediaType}`);
  }
  return { type: 'image', source: { type: 'base64', media_type: mediaType as AnthropicImageType, data: data.data } };
}

// --- Ollama /api/chat ---

export function toOllamaMessages(messages: readonly RenderedMessage[]): OllamaMessage[] {
  return messages.map((message) => {
    const role = message.role === 'model' ? 'assistant' : message.role === 'system' ? 'system' : 'user';
    const converted: OllamaMessage = { role, content: textOf(message.content) };
    if (hasMedia(message.content)) {
      // Ollama takes images as base64 beside the text; it cannot fetch a URL itself.
      converted.images = message.content.flatMap((part) => {
        if (!part.media) return [];
        const data = parseDataUrl(part.media.url);
        if (!data) throw new UnsupportedContentError(`Ollama takes images as data: URLs, not ${part.media.url.slice(0, 60)}`);
        return [data.data];
      });
    }
    return converted;
  });
}
