import { useState } from 'react';
import type { SampleRating } from '../../../../shared/ratings';
import type { Sample } from '../../../../shared/runs';
import { CopyButton } from './CopyButton';
import { SampleFacts } from './SampleFacts';
import { SampleOutput } from './SampleOutput';
import { SampleSent } from './SampleSent';
import { WordDiffView } from './WordDiffView';
import { setOutputFormat, useOutputFormat, type OutputFormat } from './outputFormat';
import './sample.css';

interface SampleViewProps {
  sample: Sample;
  /**
   * The sample's rating and note. The review's focus panel shows and edits them right above this
   * view, so they are not repeated here; a rated sample only says so in its accessible label.
   */
  rating: SampleRating | null;
  /** The cell's most common output, for the word diff; null shows no diff. */
  reference: string | null;
  /** Hide model, temperature and seed (and whatever else names them). */
  blind: boolean;
}

const FORMATS: { value: OutputFormat; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'markdown', label: 'Markdown' },
];

/** One sample in full: its output (text or sanitised markdown), metadata, and how it departs from the usual answer. */
export function SampleView({ sample, rating, reference, blind }: SampleViewProps) {
  const format = useOutputFormat();
  const output = sample.status === 'ok' ? (sample.output ?? '') : null;
  const rated = rating?.rating ?? null;
  return (
    <article className="sample-view" aria-label={rated === null ? 'Sample' : `Sample, rated ${rated} of 5`}>
      <header className="sample-view__toolbar">
        <h3 className="sample-view__title">{sample.status === 'error' ? 'Error' : 'Output'}</h3>
        {output !== null && (
          <div className="segmented" role="group" aria-label="Show output as">
            {FORMATS.map((option) => (
              <button key={option.value} type="button" aria-pressed={format === option.value} onClick={() => setOutputFormat(option.value)}>
                {option.label}
              </button>
            ))}
          </div>
        )}
        {output !== null && <CopyButton text={output} title="Copy the output as plain text" />}
      </header>
      <SampleOutput sample={sample} format={format} />
      <section className="sample-view__section" aria-label="Details">
        <h4 className="sample-view__subheading">Details</h4>
        <SampleFacts sample={sample} blind={blind} />
      </section>
      {reference !== null && output !== null && (
        <section className="sample-view__section" aria-label="Difference from the most common output">
          <h4 className="sample-view__subheading">Against the most common output</h4>
          <WordDiffView reference={reference} output={output} />
        </section>
      )}
      <SentDetails sample={sample} blind={blind} />
    </article>
  );
}

/** Folded by default, and read from the server only once opened: j/k through a run costs no requests. */
function SentDetails({ sample, blind }: { sample: Sample; blind: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="sample-view__sent" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>What was sent</summary>
      {open && <SampleSent sample={sample} blind={blind} />}
    </details>
  );
}
