// Prices per million tokens, by model id pattern. The defaults are list prices at the time of
// writing; Settings edits them, and an entry there overrides the default for the same pattern.
import { roundUsd } from './money';
import { z } from 'zod';

export const PriceEntry = z.object({
  /** A model id (`openai/gpt-4o-mini`), or a prefix ending in `*` (`ollama/*`). */
  pattern: z.string().trim().min(1).max(200),
  inputPerMTok: z.number().min(0),
  outputPerMTok: z.number().min(0),
});
export type PriceEntry = z.infer<typeof PriceEntry>;

export const DEFAULT_PRICES: readonly PriceEntry[] = [
  // Local models cost nothing per token.
  { pattern: 'ollama/*', inputPerMTok: 0, outputPerMTok: 0 },
  { pattern: 'openai/gpt-4o-mini', inputPerMTok: 0.15, outputPerMTok: 0.6 },
  { pattern: 'openai/gpt-4o', inputPerMTok: 2.5, outputPerMTok: 10 },
  { pattern: 'openai/gpt-4.1', inputPerMTok: 2, outputPerMTok: 8 },
  { pattern: 'openai/gpt-4.1-mini', inputPerMTok: 0.4, outputPerMTok: 1.6 },
  { pattern: 'openai/gpt-4.1-nano', inputPerMTok: 0.1, outputPerMTok: 0.4 },
  { pattern: 'openai/gpt-5', inputPerMTok: 1.25, outputPerMTok: 10 },
  { pattern: 'openai/gpt-5-mini', inputPerMTok: 0.25, outputPerMTok: 2 },
  { pattern: 'openai/gpt-5-nano', inputPerMTok: 0.05, outputPerMTok: 0.4 },
  { pattern: 'anthropic/claude-3-5-haiku*', inputPerMTok: 0.8, outputPerMTok: 4 },
  { pattern: 'anthropic/claude-haiku-4-5*', inputPerMTok: 1, outputPerMTok: 5 },
  { pattern: 'anthropic/claude-sonnet-4*', inputPerMTok: 3, outputPerMTok: 15 },
  { pattern: 'anthropic/claude-opus-4-5*', inputPerMTok: 5, outputPerMTok: 25 },
  { pattern: 'anthropic/claude-opus-4-1*', inputPerMTok: 15, outputPerMTok: 75 },
];

/**
 * The price for a model: the user's entries first, then the defaults; an exact pattern beats a
 * prefix, and a longer prefix beats a shorter one. null when nothing matches.
 */
export function priceFor(modelId: string, userEntries: readonly PriceEntry[] = []): PriceEntry | null {
  for (const table of [userEntries, DEFAULT_PRICES]) {
    const exact = table.find((entry) => entry.pattern === modelId);
    if (exact) return exact;
    const prefixes = table
      .filter((entry) => entry.pattern.endsWith('*') && modelId.startsWith(entry.pattern.slice(0, -1)))
      .sort((a, b) => b.pattern.length - a.pattern.length);
    if (prefixes[0]) return prefixes[0];
  }
  return null;
}

export function costUsd(price: PriceEntry | null, inputTokens: number, outputTokens: number): number | null {
  if (!price) return null;
  return roundUsd((inputTokens * price.inputPerMTok + outputTokens * price.outputPerMTok) / 1_000_000);
}
