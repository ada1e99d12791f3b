import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProviderHealth, ProviderStatus } from '../../../shared/providers';
import { errorMessage } from '../../components/ErrorState';
import { CheckIcon, WarningIcon } from '../../components/icons';
import { TextWithCode } from '../../components/TextWithCode';

/** Shown at first per provider; the rest are a click (or the typed search) away. */
const FIRST_MODELS = 12;

interface ProviderModelsProps {
  provider: ProviderStatus;
  check: UseQueryResult<ProviderHealth> | undefined;
  chosen: readonly string[];
  onToggle(model: string): void;
}

/** One provider's discovered models as toggles, or why there are none (not running, no key…). */
export function ProviderModels({ provider, check, chosen, onToggle }: ProviderModelsProps) {
  const [all, setAll] = useState(false);
  const health = check?.data;
  const models = health?.models ?? [];
  const visible = all ? models : models.slice(0, FIRST_MODELS);

  return (
    <section className="provider-models" aria-label={provider.label}>
      <header className="provider-models__head">
        <span className="provider-models__name">{provider.label}</span>
        {check?.isPending && <span className="provider-models__status">Checking…</span>}
        {check?.isError && (
          <span className="provider-models__status provider-models__status--bad">
            <WarningIcon size={12} />
            {errorMessage(check.error)}
          </span>
        )}
        {health?.ok && (
          <span className="provider-models__status provider-models__status--ok">
            <CheckIcon size={12} />
            {models.length === 1 ? '1 model' : `${models.length} models`}
          </span>
        )}
      </header>
      {health && !health.ok && (
        <p className="provider-models__message">
          <TextWithCode text={health.message} />
        </p>
      )}
      {visible.length > 0 && (
        <div className="provider-models__list">
          {visible.map((model) => (
            <label key={model.id} className="model-toggle" title={model.id}>
              <input type="checkbox" aria-label={model.id} checked={chosen.includes(model.id)} onChange={() => onToggle(model.id)} />
              <span className="model-toggle__name">{model.model}</span>
              {model.parameterSize && <span className="model-toggle__meta">{model.parameterSize}</span>}
            </label>
          ))}
          {models.length > visible.length && (
            <button type="button" className="text-link provider-models__more" onClick={() => setAll(true)}>
              {models.length - visible.length} more
            </button>
          )}
        </div>
      )}
    </section>
  );
}
