import type { Sample } from '../../../shared/runs';
import { useSample } from '../../api/runQueries';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { formatDuration } from './runFormat';

/** Everything recorded for one sample: the messages and parameters exactly as sent, and the input. */
export function SampleDetailView({ sample }: { sample: Sample }) {
  const detail = useSample(sample.sampleId, sample.status !== 'pending');
  if (detail.isPending) {
    return (
      <div className="sample-detail" role="status" aria-label="Loading sample">
        <Skeleton width="60%" height={10} />
        <Skeleton width="100%" height={48} />
      </div>
    );
  }
  if (detail.isError) return <ErrorState compact title="Couldn’t read the sample" error={detail.error} onRetry={() => void detail.refetch()} />;
  const data = detail.data;
  const facts: [string, string][] = [
    ['Finish reason', data.finishReason ?? '—'],
    ['Seed', data.seed === null ? 'none' : String(data.seed)],
    ['Time to first token', data.ttftMs === null ? '—' : formatDuration(data.ttftMs)],
    ['Attempts', String(data.attempts)],
  ];
  return (
    <div className="sample-detail">
      <dl className="sample-detail__facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-label="Messages sent">
        <h4 className="sample-detail__heading">Messages sent</h4>
        <ol className="sample-detail__messages">
          {data.messages.map((message, index) => (
            <li key={index} className="sample-detail__message">
              <span className={`sample-detail__role sample-detail__role--${message.role}`}>{message.role}</span>
              <pre className="selectable">{message.content.map((part) => part.text ?? (part.media ? `[media: ${part.media.url}]` : '')).join('')}</pre>
            </li>
          ))}
        </ol>
      </section>
      <section aria-label="Parameters sent">
        <h4 className="sample-detail__heading">Parameters sent</h4>
        <pre className="sample-detail__json selectable">{JSON.stringify(data.params, null, 2)}</pre>
      </section>
      {Object.keys(data.input).length > 0 && (
        <section aria-label="Input">
          <h4 className="sample-detail__heading">Input</h4>
          <pre className="sample-detail__json selectable">{JSON.stringify(data.input, null, 2)}</pre>
        </section>
      )}
    </div>
  );
}
