// What the server needs from each wire format. A wire turns a parsed request into a fully built
// Reply (cheap strings), and the server decides how to deliver it: normally, or broken by a fault
// (stalled after the first chunk, dropped, truncated). Keeping fault delivery out of the wires
// means every fault behaves the same way for all three providers.
import type { IncomingHttpHeaders } from 'node:http';

export type FakeKind = 'openai' | 'anthropic' | 'ollama';

export interface BodyReply {
  kind: 'body';
  status: number;
  /** Serialized body (JSON unless contentType says otherwise). */
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface StreamReply {
  kind: 'stream';
  contentType: string;
  /** The first chunk: what a stalled or dropped stream still delivers (it carries some text). */
  first: string;
  /** Everything after the first chunk, up to and including the terminator. */
  rest: string;
  /** Sent after `first` by the `malformed` fault: framing the SDK reads but cannot parse. */
  malformedTail: string;
}

export type Reply = BodyReply | StreamReply;

/** Per-server state a wire may use while answering. */
export interface WireContext {
  /** Increments per completion; the variety key when the request has no seed. */
  nextCounter(): number;
  /** The answer's text, when a test chose it (a `reply` rule); otherwise the wire makes one up. */
  replyText?: string;
}

export interface Wire {
  /** The completion endpoints: faults and the `completions` counter apply only to these. */
  isCompletion(method: string, path: string): boolean;
  /** A reply to send instead of handling the request (401 on a missing/wrong key, ...). */
  checkRequest(headers: IncomingHttpHeaders, apiKey: string | undefined): Reply | undefined;
  /** An error in the provider's own shape; `message` defaults to a realistic one for the status. */
  error(status: number, message?: string): BodyReply;
  complete(path: string, body: unknown, ctx: WireContext): Reply;
  /** The embeddings endpoint (POST), for providers that have one; faults apply to it as to completions. */
  embeddings?: { path: string; answer(body: unknown): Reply };
  /** Discovery and other endpoints; undefined means "no such route" (404). */
  other(method: string, path: string, body: unknown): Reply | undefined;
}

export function jsonReply(status: number, value: unknown, headers?: Record<string, string>): BodyReply {
  return { kind: 'body', status, body: JSON.stringify(value), headers };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function numberOr(value: unknown, fallback: number): number;
export function numberOr(value: unknown, fallback: undefined): number | undefined;
export function numberOr(value: unknown, fallback: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Text of a message `content`: a string, or an array of parts with `text` (openai/anthropic blocks). */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  let text = '';
  for (const part of content) {
    if (isRecord(part) && typeof part.text === 'string') text += (text ? '\n' : '') + part.text;
  }
  return text;
}

/** Text of the last user message, which is what the answer is about. */
export function lastUserText(messages: readonly unknown[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (isRecord(message) && message.role === 'user') return contentText(message.content);
  }
  return '';
}

/** One SSE message carrying only data (OpenAI style). */
export function sseData(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}

/** One named SSE event (Anthropic style). */
export function sseEvent(name: string, value: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(value)}\n\n`;
}

let idCounter = 0;
/** Short unique ids (`chatcmpl-…`, `msg_…`): a counter is enough and costs nothing. */
export function newId(prefix: string): string {
  idCounter += 1;
  return `${prefix}${idCounter.toString(36).padStart(8, '0')}`;
}

/** The texts a chat request carries, whatever its wire: the system prompt (OpenAI and Ollama send it as a message, Anthropic as `system`) and the last user message. */
export function requestTexts(body: unknown): { model: string; system: string; user: string } {
  if (!isRecord(body)) return { model: '', system: '', user: '' };
  const messages = Array.isArray(body.messages) ? body.messages : [];
  const systems = messages.filter((message) => isRecord(message) && message.role === 'system').map((message) => contentText((message as Record<string, unknown>).content));
  if (body.system !== undefined) systems.unshift(contentText(body.system));
  return { model: typeof body.model === 'string' ? body.model : '', system: systems.join('\n'), user: lastUserText(messages) };
}
