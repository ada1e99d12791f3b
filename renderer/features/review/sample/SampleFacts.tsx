import type { Sample } from '../../../../shared/runs';
import { sampleFacts } from './sampleFacts';

export function SampleFacts({ sample, blind }: { sample: Sample; blind: boolean }) {
  return (
    <dl className="sample-facts">
      {sampleFacts(sample, blind).map((fact) => (
        <div key={fact.label} className="sample-facts__item">
          <dt>{fact.label}</dt>
          <dd className={fact.mono ? 'sample-facts__mono' : undefined} title={fact.value}>
            {fact.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
