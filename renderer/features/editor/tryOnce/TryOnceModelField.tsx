import { useId, useState } from 'react';
import { useProviderChecks, useProviders } from '../../../api/providerQueries';

/**
 * One model as `provider/model`, typed or picked from what the providers report. The providers are
 * asked for their models only once the field is used: discovery may call a paid server.
 */
export function TryOnceModelField({ value, onChange }: { value: string; onChange(model: string): void }) {
  const [used, setUsed] = useState(false);
  const providers = useProviders(used);
  const checks = useProviderChecks(used ? (providers.data ?? []).map((provider) => provider.id) : []);
  const listId = useId();
  const models = checks.flatMap((check) => check.data?.models ?? []).map((model) => model.id);
  return (
    <label className="try-once__field try-once__field--model">
      <span className="try-once__label">Model</span>
      <input
        className="input input--mono"
        list={listId}
        value={value}
        placeholder="provider/model"
        autoComplete="off"
        spellCheck={false}
        aria-label="Model to try"
        onFocus={() => setUsed(true)}
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id={listId}>
        {models.map((model) => (
          <option key={model} value={model} />
        ))}
      </datalist>
    </label>
  );
}
