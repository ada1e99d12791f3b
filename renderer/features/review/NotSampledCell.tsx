import type { NotSampledSlot } from './gridLayout';

/**
 * A cell the run left out because its provider cannot take the parameters (Anthropic at 1.5):
 * hatched and dashed, so it reads as never asked, not as failed (red) or still to come.
 */
export function NotSampledCell({ slot }: { slot: NotSampledSlot }) {
  const { model, temperature, case: caseName, reason } = slot.notSampled;
  return (
    <section className="grid-cell grid-cell--not-sampled" aria-label={`${model}, temperature ${temperature}, ${caseName}: not sampled`}>
      <p className="grid-cell__not-sampled">
        <span className="grid-cell__not-sampled-title">Not sampled</span>
        <span className="grid-cell__not-sampled-reason">{reason}</span>
      </p>
    </section>
  );
}
