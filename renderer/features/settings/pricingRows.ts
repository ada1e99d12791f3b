// The pricing table as Settings shows it: the user's entries (each overriding the built-in price for
// the same pattern, or adding one), edited as text, followed by the built-in prices nobody overrode.
import { DEFAULT_PRICES, PriceEntry } from '../../../shared/pricing';

/** The built-in prices that none of these patterns override, in their listed order. */
export function builtInPricesNotOverridden(patterns: readonly string[], defaults: readonly PriceEntry[] = DEFAULT_PRICES): PriceEntry[] {
  const taken = new Set(patterns.map((pattern) => pattern.trim()));
  return defaults.filter((entry) => !taken.has(entry.pattern));
}

/** Whether a user's pattern replaces a built-in price (rather than adding a new one). */
export function overridesBuiltIn(pattern: string, defaults: readonly PriceEntry[] = DEFAULT_PRICES): boolean {
  return defaults.some((entry) => entry.pattern === pattern.trim());
}

/** One editable row of the user's prices, as typed. */
export interface PriceDraft {
  pattern: string;
  input: string;
  output: string;
}

export function toDrafts(entries: readonly PriceEntry[]): PriceDraft[] {
  return entries.map((entry) => ({ pattern: entry.pattern, input: String(entry.inputPerMTok), output: String(entry.outputPerMTok) }));
}

export interface ParsedPrices {
  /** null while any row has a problem. */
  entries: PriceEntry[] | null;
  /** Per row index: what is wrong with it. */
  problems: Map<number, string>;
}

export function parsePriceDrafts(drafts: readonly PriceDraft[]): ParsedPrices {
  const problems = new Map<number, string>();
  const entries: PriceEntry[] = [];
  const seen = new Set<string>();
  drafts.forEach((draft, index) => {
    const pattern = draft.pattern.trim();
    const input = price(draft.input);
    const output = price(draft.output);
    if (!pattern) problems.set(index, 'Give a model id or a prefix ending in *, e.g. openai/*.');
    else if (seen.has(pattern)) problems.set(index, `“${pattern}” is listed twice.`);
    else if (input === null || output === null) problems.set(index, 'Prices are dollars per million tokens: 0 or more.');
    else {
      const parsed = PriceEntry.safeParse({ pattern, inputPerMTok: input, outputPerMTok: output });
      if (parsed.success) entries.push(parsed.data);
      else problems.set(index, parsed.error.issues[0]?.message ?? 'This price is not valid.');
    }
    seen.add(pattern);
  });
  return { entries: problems.size === 0 ? entries : null, problems };
}

function price(text: string): number | null {
  const value = Number(text.trim().replace(/^\$/, ''));
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 ? value : null;
}
