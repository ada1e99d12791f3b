import type { Sample } from '../../../../shared/runs';
import { failureKind } from '../../../../shared/sampleFailures';
import { WarningIcon } from '../../../components/icons';
import { TextWithCode } from '../../../components/TextWithCode';
import { SafeMarkdown } from './SafeMarkdown';
import type { OutputFormat } from './outputFormat';

/** The sample's answer, or what became of it: an error, a cancel, or still waiting. */
export function SampleOutput({ sample, format }: { sample: Sample; format: OutputFormat }) {
  if (sample.status === 'pending') return <p className="sample-output__state">Waiting for this sample…</p>;
  if (sample.status === 'cancelled') return <p className="sample-output__state">Cancelled before it finished.</p>;
  if (sample.status === 'error') {
    const code = sample.error?.code ?? 'error';
    return (
      <div className="sample-output__error" role="note" aria-label="What went wrong">
        <p className="sample-output__error-kind">
          <WarningIcon size={14} />
          <strong>{failureKind(code)}</strong>
          <code>
            {code}
            {sample.error?.status ? ` · HTTP ${sample.error.status}` : ''}
          </code>
        </p>
        <p className="sample-output__error-message selectable">
          <TextWithCode text={sample.error?.message ?? 'The call failed without a message.'} />
        </p>
      </div>
    );
  }
  const text = sample.output ?? '';
  if (!text.trim()) return <p className="sample-output__state">The model returned an empty answer.</p>;
  // Both modes put the output into React as a string: it is never parsed as HTML.
  return format === 'markdown' ? (
    <div className="sample-output sample-output--markdown" data-testid="sample-output">
      <SafeMarkdown text={text} />
    </div>
  ) : (
    <pre className="sample-output sample-output--text selectable" data-testid="sample-output">
      {text}
    </pre>
  );
}
