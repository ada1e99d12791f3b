// Token counts for run estimates, with gpt-tokenizer (o200k_base, OpenAI's current encoding; a
// fair approximation for other vendors). Its tables are large and most commands never estimate
// a run, so it is loaded on the first count and then kept for the life of the process.
import { WorkbenchError } from '../../../shared/errors';

type CountTokens = (text: string) => number;

let loading: Promise<CountTokens> | null = null;

function tokenizer(): Promise<CountTokens> {
  loading ??= import('gpt-tokenizer').then(
    (module) => module.countTokens,
    (error: unknown) => {
      loading = null;
      throw new WorkbenchError('INTERNAL', `Tokens could not be counted: gpt-tokenizer could not be loaded (${error instanceof Error ? error.message : String(error)}). Reinstall the app's dependencies.`);
    },
  );
  return loading;
}

/** Token counts of the texts, in order. */
export async function countTextTokens(texts: readonly string[]): Promise<number[]> {
  if (texts.length === 0) return [];
  const count = await tokenizer();
  return texts.map((text) => count(text));
}
