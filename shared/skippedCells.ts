// Which cells of a sweep are left out, and why: the (model, temperature) pairs whose provider cannot
// take the parameters. One provider's limits leave out only its own cells; the rest of the run goes
// ahead. The core decides it when it plans a run and keeps it with the run; the UI and the command
// line show what the core decided.
import { splitModelId } from './models';
import { cellRefusal } from './parameterRules';
import type { ProviderKind } from './providers';
import type { RunRequest, SkippedCell } from './runs';

export type SweepOf = Pick<RunRequest, 'models' | 'temperatures' | 'topP' | 'maxTokens' | 'seedMode'>;

/** What the planner knows of a model's provider; null for an unknown one (reported on its own). */
export type ProviderOf = (modelId: string) => { label: string; kind: ProviderKind } | null;

/** The cells left out, in the sweep's order (models, then temperatures). */
export function skippedCells(sweep: SweepOf, providerOf: ProviderOf): SkippedCell[] {
  const shared = { topP: sweep.topP, maxTokens: sweep.maxTokens, seeded: sweep.seedMode !== 'none' };
  const skipped: SkippedCell[] = [];
  for (const model of new Set(sweep.models)) {
    const provider = splitModelId(model) ? providerOf(model) : null;
    if (!provider) continue;
    for (const temperature of new Set(sweep.temperatures)) {
      const reason = cellRefusal(provider.label, provider.kind, temperature, shared);
      if (reason !== null) skipped.push({ model, temperature, reason });
    }
  }
  return skipped;
}

/** A lookup of the skipped cells by model and temperature. */
export function skipIndex(skipped: readonly SkippedCell[]): (model: string, temperature: number) => SkippedCell | undefined {
  const byKey = new Map(skipped.map((cell) => [`${cell.model}\u0000${cell.temperature}`, cell]));
  return (model, temperature) => byKey.get(`${model}\u0000${temperature}`);
}

/** A model's skipped temperatures that share one reason: how the estimate and the command line list them. */
export interface SkippedGroup {
  model: string;
  reason: string;
  temperatures: number[];
}

/** The skipped cells grouped by model and reason, in their order. */
export function groupSkipped(skipped: readonly SkippedCell[]): SkippedGroup[] {
  const groups = new Map<string, SkippedGroup>();
  for (const cell of skipped) {
    const key = `${cell.model}\u0000${cell.reason}`;
    const group = groups.get(key);
    if (group) group.temperatures.push(cell.temperature);
    else groups.set(key, { model: cell.model, reason: cell.reason, temperatures: [cell.temperature] });
  }
  return [...groups.values()];
}

/** "Anthropic takes 0–1" once, however many cells it leaves out: the reasons a sweep leaves cells out. */
export function skipReasons(skipped: readonly SkippedCell[]): string[] {
  return [...new Set(skipped.map((cell) => cell.reason))];
}
