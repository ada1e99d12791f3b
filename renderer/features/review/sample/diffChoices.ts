// The other answers of a sample's cell it can be diffed with: "why did T=0.7 give two different
// answers?". One choice per different answer (after whitespace), in sample order, with how many
// samples gave it; the sample's own answer is left out (its diff would be empty).
import { normaliseOutput } from '../../../../shared/cellStats';
import type { Sample } from '../../../../shared/runs';
import { snippet } from '../../../lib/snippet';

export interface DiffChoice {
  /** The first sample that gave this answer. */
  sampleId: string;
  text: string;
  /** "sample #3", for sentences. */
  name: string;
  /** "#3 · “Paris is the…” ×4" */
  label: string;
}

/** A menu longer than this is unreadable; a cell with more different answers lists the first ones. */
export const MAX_CHOICES = 50;

export function diffChoices(cellSampleIds: readonly string[], samples: ReadonlyMap<string, Sample>, sample: Sample): DiffChoice[] {
  const own = normaliseOutput(sample.output ?? '');
  const firsts = new Map<string, { sample: Sample; count: number }>();
  for (const id of cellSampleIds) {
    const other = samples.get(id);
    if (!other || other.status !== 'ok') continue;
    const text = normaliseOutput(other.output ?? '');
    if (text === own) continue;
    const seen = firsts.get(text);
    if (seen) seen.count += 1;
    else firsts.set(text, { sample: other, count: 1 });
  }
  return [...firsts.values()]
    .sort((x, y) => x.sample.index - y.sample.index)
    .slice(0, MAX_CHOICES)
    .map(({ sample: other, count }) => ({
      sampleId: other.sampleId,
      text: other.output ?? '',
      name: `sample #${other.index + 1}`,
      label: `#${other.index + 1} · “${snippet(other.output ?? '', 40)}”${count > 1 ? ` ×${count}` : ''}`,
    }));
}
