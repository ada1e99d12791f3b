// Matrix expansion: a run request becomes one sample per (model, temperature, case, repeat), in the
// order they execute. Repeat is outermost and model innermost, so every cell gets its first samples
// early (a cancelled or still-running sweep already shows every cell) and consecutive samples go to
// different providers, which run in parallel. Skipped cells (a temperature a provider cannot take)
// get no samples at all.
import type { RunRequest, SkippedCell } from '../../../shared/runs';
import { skipIndex } from '../../../shared/skippedCells';
import type { NewSample } from '../store/runStore';

export type SampleSpec = NewSample;

export function expandSamples(
  request: Pick<RunRequest, 'models' | 'temperatures' | 'samples' | 'seedMode' | 'seed'>,
  caseNames: readonly string[],
  skipped: readonly SkippedCell[] = [],
): SampleSpec[] {
  const isSkipped = skipIndex(skipped);
  const specs: SampleSpec[] = [];
  for (let index = 0; index < request.samples; index++) {
    const seed = seedFor(request, index);
    for (const caseName of caseNames) {
      for (const temperature of request.temperatures) {
        for (const model of request.models) if (!isSkipped(model, temperature)) specs.push({ model, temperature, case: caseName, index, seed });
      }
    }
  }
  return specs;
}

/** none: no seed; fixed: the same seed for every call; per-sample: seed + repeat number, so each sample is reproducible. */
export function seedFor(request: Pick<RunRequest, 'seedMode' | 'seed'>, index: number): number | null {
  switch (request.seedMode) {
    case 'none':
      return null;
    case 'fixed':
      return request.seed;
    case 'per-sample':
      return request.seed + index;
  }
}
