import type { Sample } from '../../../../shared/runs';
import { SafeMarkdown } from './SafeMarkdown';
import type { OutputFormat } from './outputFormat';

/** The sample's answer, or what became of it: an error, a cancel, or still waiting. */
export function SampleOutput({ sample, format }: { sample: Sample; format: OutputFormat }) {
  if (sample.status === 'pending') return <p className="sample-output__state">Waiting for this sample…</p>;
  if (sample.status === 'cancelled') return <p className="sample-output__state">Cancelled before it finished.</p>;
  if (sample.status === 'error') {
    return (
      <div className="sample-output__error" role="note">
        <strong>{sample.error?.code ?? 'error'}</strong>
        {sample.error?.status ? ` (HTTP ${sample.error.status})` : ''}
        <p className="selectable">{sample.error?.message ?? 'The call failed without a message.'}</p>
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
