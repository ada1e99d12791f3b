import type { PromptDetail } from '../../../shared/prompts';
import { Chip } from '../../components/Chip';
import { ModelChip } from '../../components/ModelChip';
import { Section } from '../../components/Section';
import { plural } from '../../lib/labels';
import './sweep.css';

/** What one run of this prompt samples, and how many model calls that adds up to. */
export function SweepSection({ prompt }: { prompt: PromptDetail }) {
  const { sweep } = prompt;
  if (!sweep) {
    return (
      <Section title="Sweep">
        <div className="card card--dashed sweep-missing">
          <p>
            This prompt has no sweep settings yet. Add <code>metadata.workbench</code> to its front matter with{' '}
            <code>models</code>, <code>temperatures</code> and <code>samples</code> to choose what a run samples.
          </p>
        </div>
      </Section>
    );
  }
  const { models, temperatures, samples } = sweep;
  const total = models.length * temperatures.length * prompt.caseCount * samples;
  const formula = [
    plural(models.length, 'model'),
    plural(temperatures.length, 'temperature'),
    plural(prompt.caseCount, 'case'),
    plural(samples, 'sample'),
  ].join(' × ');
  const configEntries = Object.entries(prompt.config);

  return (
    <Section title="Sweep" aside={<span title="models × temperatures × cases × samples per cell">{formula}</span>}>
      <div className="card sweep">
        <div className="sweep__cell">
          <div className="sweep__label">Models</div>
          <div className="sweep__chips sweep__chips--stacked">
            {models.length ? models.map((model) => <ModelChip key={model} model={model} />) : <NoneYet />}
          </div>
        </div>
        <div className="sweep__cell">
          <div className="sweep__label">Temperatures</div>
          <div className="sweep__chips">
            {temperatures.length ? temperatures.map((t) => <Chip key={t}>{t}</Chip>) : <NoneYet />}
          </div>
        </div>
        <div className="sweep__cell">
          <div className="sweep__label">Samples per cell</div>
          <div className="sweep__value">{samples.toLocaleString()}</div>
        </div>
        <div className="sweep__cell sweep__cell--total">
          <div className="sweep__label">Total calls</div>
          <div className="sweep__value sweep__value--total">{total.toLocaleString()}</div>
        </div>
        {configEntries.length > 0 && (
          <div className="sweep__config">
            <span className="sweep__config-label">File defaults</span>
            {configEntries.map(([key, value]) => (
              <span key={key} className="sweep__config-item">
                {key} <code>{typeof value === 'string' ? value : JSON.stringify(value)}</code>
              </span>
            ))}
          </div>
        )}
      </div>
    </Section>
  );
}

function NoneYet() {
  return <span className="sweep__none">None listed</span>;
}
