// Deterministic embeddings for the fake servers: a hashed bag of words in 64 dimensions, scaled to
// unit length. Texts sharing most of their words get vectors with a cosine near 1, identical texts
// exactly the same vector, unrelated texts a cosine near 0, which is all a similarity test needs
// from a real embedding model (and it costs microseconds, not a model).

export const EMBEDDING_DIMENSIONS = 64;

/** Served by /v1/embeddings; not listed by /v1/models, so the chat model lists stay as they were. */
export const OPENAI_EMBEDDING_MODELS = ['text-embedding-3-small', 'text-embedding-3-large'];
/** Served by /api/embed; not listed by /api/tags, for the same reason. */
export const OLLAMA_EMBEDDING_MODELS = ['nomic-embed-text:latest', 'all-minilm:latest'];

export function embedText(text: string): number[] {
  const vector = new Array<number>(EMBEDDING_DIMENSIONS).fill(0);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [''];
  for (const word of words) {
    const hash = fnv1a(word);
    // A sign from other bits of the hash keeps unrelated words from adding up in one direction.
    vector[hash % EMBEDDING_DIMENSIONS]! += (hash >>> 16) & 1 ? 1 : -1;
  }
  const length = Math.hypot(...vector);
  // Words can cancel out exactly; a fixed direction then stands for "nothing in common with anything".
  if (length === 0) return vector.map((_, index) => (index === 0 ? 1 : 0));
  return vector.map((value) => value / length);
}

/** Float32 little-endian bytes in base64: the OpenAI API's `encoding_format: "base64"`. */
export function toBase64Floats(vector: readonly number[]): string {
  const floats = Float32Array.from(vector);
  return Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength).toString('base64');
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
