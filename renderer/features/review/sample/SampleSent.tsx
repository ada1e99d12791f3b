import type { Sample } from '../../../../shared/runs';
import { useSample } from '../../../api/runQueries';
import { ErrorState } from '../../../components/ErrorState';
import { Skeleton } from '../../../components/Skeleton';

/**
 * The messages and parameters exactly as sent. In blind review the parameters stay hidden: they
 * name the model, the temperature and the seed.
 */
export function SampleSent({ sample, blind }: { sample: Sample; blind: boolean }) {
  const detail = useSample(sample.sampleId, sample.status !== 'pending');
  if (detail.isPending) {
    return (
      <div className="sample-sent" role="status" aria-label="Loading what was sent">
        <Skeleton width="40%" />
        <Skeleton width="100%" height={40} />
      </div>
    );
  }
  if (detail.isError) return <ErrorState compact title="Couldn’t read what was sent" error={detail.error} onRetry={() => void detail.refetch()} />;
  const data = detail.data;
  return (
    <div className="sample-sent">
      <ol className="sample-sent__messages" aria-label="Messages sent">
        {data.messages.map((message, index) => (
          <li key={index} className="sample-sent__message">
            <span className="sample-sent__role">{message.role}</span>
            <pre className="selectable">{message.content.map((part) => part.text ?? (part.media ? `[media: ${part.media.url}]` : '')).join('')}</pre>
          </li>
        ))}
      </ol>
      {Object.keys(data.input).length > 0 && (
        <div>
          <h4 className="sample-view__subheading">Input</h4>
          <pre className="sample-sent__json selectable">{JSON.stringify(data.input, null, 2)}</pre>
        </div>
      )}
      {!blind && (
        <div>
          <h4 className="sample-view__subheading">Parameters</h4>
          <pre className="sample-sent__json selectable">{JSON.stringify(data.params, null, 2)}</pre>
        </div>
      )}
    </div>
  );
}
