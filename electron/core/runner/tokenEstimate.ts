// Tokens a text will cost, estimated rather than counted: about four bytes of UTF-8 per token, the
// usual rule of thumb for current tokenizers (it reads high for scripts such as Cyrillic and low
// for code). An estimate is all a run's cost needs, and every vendor tokenizes differently anyway;
// a real tokenizer's tables would weigh on every process that estimates a run for as long as it
// lives. Shown as "≈".

export function estimateTokens(text: string): number {
  return Math.ceil(Buffer.byteLength(text, 'utf8') / 4);
}
