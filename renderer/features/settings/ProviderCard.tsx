import { parameterRules } from '../../../shared/parameterRules';
import type { ProviderSettings, ProviderStatus } from '../../../shared/providers';
import { useProviderCheck, useSetProviderKey, useSetSetting } from '../../api/providerQueries';
import { Button } from '../../components/Button';
import { RefreshIcon, ServerIcon, TrashIcon } from '../../components/icons';
import { ProviderCheck } from './ProviderCheck';
import { ProviderKeyForm } from './ProviderKeyForm';
import { ProviderSettingsForms } from './ProviderSettingsForms';
import { withoutEndpoint } from './providerSettingsEdits';

const KIND_LABELS = { ollama: 'Local models', openai: 'OpenAI API', anthropic: 'Anthropic API', 'openai-compatible': 'OpenAI-compatible' } as const;

/** One provider: a health check, its address, its key and how many calls it takes at once. */
export function ProviderCard({ status, settings }: { status: ProviderStatus; settings: ProviderSettings }) {
  const check = useProviderCheck(status.id, false);
  const remove = useSetSetting();
  const forgetKey = useSetProviderKey();
  const endpoint = status.kind === 'openai-compatible';
  const takesKey = status.kind !== 'ollama' || status.keyVariable !== null;

  return (
    <article className="provider-card settings-card" aria-label={status.label}>
      <header className="provider-card__header">
        <span className="provider-card__icon">
          <ServerIcon size={15} />
        </span>
        <div className="provider-card__title">
          <h3>{status.label}</h3>
          <span className="provider-card__kind">
            {KIND_LABELS[status.kind]} · model ids <code>{status.id}/…</code>
          </span>
        </div>
        <div className="provider-card__actions">
          {endpoint && (
            <Button
              variant="ghost"
              disabled={remove.isPending || forgetKey.isPending}
              onClick={() => {
                const removeEndpoint = () => remove.mutate({ key: 'providers', value: withoutEndpoint(settings, status.id) });
                // Its key goes with it, so a new endpoint of the same name does not inherit it.
                if (status.keySource === 'keychain' || status.keySource === 'session') {
                  forgetKey.mutate({ provider: status.id, key: null }, { onSuccess: removeEndpoint });
                } else removeEndpoint();
              }}
            >
              <TrashIcon size={13} />
              Remove endpoint
            </Button>
          )}
          <Button onClick={() => void check.refetch()} disabled={check.isFetching} aria-label={`Check ${status.label}`}>
            <RefreshIcon size={13} />
            {check.isFetching ? 'Checking…' : 'Check'}
          </Button>
        </div>
      </header>
      <ProviderCheck check={check} />
      <div className="provider-card__fields">
        <ProviderSettingsForms status={status} settings={settings} defaultConcurrency={parameterRules[status.kind].defaultConcurrency} />
        {takesKey && <ProviderKeyForm status={status} />}
      </div>
    </article>
  );
}
