import { useState } from 'react';
import type { SampleRating } from '../../../../shared/ratings';
import type { Sample } from '../../../../shared/runs';
import { CopyButton } from './CopyButton';
import { SampleFacts } from './SampleFacts';
import { SampleOutput } from './SampleOutput';
import { SampleSent } from './SampleSent';
import { WordDiffView } from '../../../components/WordDiffView';
import type { DiffChoice } from './diffChoices';
import { setOutputFormat, useOutputFormat, type OutputFormat } from './outputFormat';
import './sample.css';

interface SampleViewProps {
  sample: Sample;
  /**
   * The sample's rating and note. The review's focus panel shows and edits them right above this
   * view, so they are not repeated here; a rated sample only says so in its accessible label.
   */
  rating: SampleRating | null;
  /** The cell's most common output, for the word diff; null shows no diff against it. */
  reference: string | null;
  /** The cell's other answers this one can be diffed with instead (none when blind). */
  others: readonly DiffChoice[];
  /** The chosen other answer's sample, or null for the most common output. */
  against: string | null;
  onAgainst(sampleId: string | null): void;
  /** Hide model, temperature and seed (and whatever else names them). */
  blind: boolean;
}

const FORMATS: { value: OutputFormat; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'markdown', label: 'Markdown' },
];

/** One sample in full: its output (text or sanitised markdown), metadata, and how it departs from the usual answer. */
export function SampleView({ sample, rating, reference, others, against, onAgainst, blind }: SampleViewProps) {
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
      {output !== null && (reference !== null || others.length > 0) && (
        <DiffSection output={output} reference={reference} others={others} against={against} onAgainst={onAgainst} />
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

const COMMON = '';

/** This answer word by word against the cell's most common one, or against another answer of the cell. */
function DiffSection({ output, reference, others, against, onAgainst }: { output: string; reference: string | null; others: readonly DiffChoice[]; against: string | null; onAgainst(sampleId: string | null): void }) {
  const chosen = others.find((choice) => choice.sampleId === against) ?? null;
  const from = chosen ? chosen.text : reference;
  return (
    <section className="sample-view__section" aria-label={chosen ? 'Difference from another sample' : 'Difference from the most common output'}>
      <h4 className="sample-view__subheading sample-view__diff-heading">
        <label htmlFor="sample-diff-against">Against</label>
        {others.length > 0 ? (
          <select id="sample-diff-against" className="sample-view__against" value={chosen?.sampleId ?? COMMON} onChange={(event) => onAgainst(event.target.value === COMMON ? null : event.target.value)}>
            {reference !== null && <option value={COMMON}>the most common output</option>}
            <optgroup label="Another answer of this cell">
              {others.map((choice) => (
                <option key={choice.sampleId} value={choice.sampleId}>
                  {choice.label}
                </option>
              ))}
            </optgroup>
          </select>
        ) : (
          <span id="sample-diff-against">the most common output</span>
        )}
      </h4>
      {from !== null && <WordDiffView from={from} to={output} against={chosen ? chosen.name : 'the most common output'} testId="sample-word-diff" />}
    </section>
  );
}
