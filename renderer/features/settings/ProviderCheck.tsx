import type { UseQueryResult } from '@tanstack/react-query';
import type { ProviderHealth } from '../../../shared/providers';
import { errorMessage } from '../../components/ErrorState';
import { AlertCircleIcon, CheckIcon } from '../../components/icons';
import { TextWithCode } from '../../components/TextWithCode';
import { relativeTime } from '../../lib/relativeTime';

/** The last check's answer: reachable with its models, or what is wrong and what to do. */
export function ProviderCheck({ check }: { check: UseQueryResult<ProviderHealth> }) {
  if (check.isFetching && !check.data) return <p className="provider-check provider-check--pending">Checking…</p>;
  if (check.isError) {
    return (
      <p className="provider-check provider-check--bad" role="status">
        <AlertCircleIcon size={14} />
        <span>{errorMessage(check.error)}</span>
      </p>
    );
  }
  const health = check.data;
  if (!health) return null;
  const names = health.models.slice(0, 6).map((model) => model.model);
  return (
    <div className={`provider-check ${health.ok ? 'provider-check--ok' : 'provider-check--bad'}${check.isFetching ? ' is-stale' : ''}`} role="status">
      {health.ok ? <CheckIcon size={14} /> : <AlertCircleIcon size={14} />}
      <div className="provider-check__text">
        {health.ok ? (
          <span>
            <strong>Reachable</strong> · {health.models.length === 1 ? '1 model' : `${health.models.length} models`}
            {names.length > 0 && (
              <span className="provider-check__models">
                {' '}
                ({names.join(', ')}
                {health.models.length > names.length ? ', …' : ''})
              </span>
            )}
          </span>
        ) : (
          <span className="selectable">
            <TextWithCode text={health.message} />
          </span>
        )}
        <span className="provider-check__time">checked {relativeTime(health.checkedAt)}</span>
      </div>
    </div>
  );
}
