// The run dialog's starting point for sampling one version: the sweep of the run it is to be
// compared with when there is one (so the two compare like for like), else the prompt's own sweep.
import type { PromptDetail } from '../../../shared/prompts';
import { RunRequest, type RunSummary } from '../../../shared/runs';

const DEFAULT_SAMPLES = 10;

type Sweep = Pick<RunSummary, 'models' | 'temperatures' | 'cases' | 'samplesPerCell'>;

export function versionRunPreset(prompt: PromptDetail, ref: string, like: Sweep | null): RunRequest | null {
  const sweep = prompt.sweep;
  const configTemperature = typeof prompt.config.temperature === 'number' ? prompt.config.temperature : null;
  const parsed = RunRequest.safeParse(
    like
      ? { prompt: prompt.name, ref, models: like.models, temperatures: like.temperatures, cases: like.cases.length ? like.cases : undefined, samples: like.samplesPerCell }
      : {
          prompt: prompt.name,
          ref,
          models: sweep?.models.length ? sweep.models : prompt.model ? [prompt.model] : [],
          temperatures: sweep?.temperatures.length ? sweep.temperatures : [configTemperature ?? 0.7],
          samples: sweep?.samples ?? DEFAULT_SAMPLES,
        },
  );
  // Without a model to start from, the dialog opens on the prompt's defaults and the person picks.
  return parsed.success ? parsed.data : null;
}
