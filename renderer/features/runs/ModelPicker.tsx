import type { UseQueryResult } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ProviderHealth, ProviderStatus } from '../../../shared/providers';
import { CloseIcon, PlusIcon, WarningIcon } from '../../components/icons';
import { ModelChip } from '../../components/ModelChip';
import { ProviderModels } from './ProviderModels';
import { normaliseModelId } from './runForm';
import { unreportedMessage, type UnreportedModel } from './unreportedModels';
import './modelPicker.css';

interface ModelPickerProps {
  value: string[];
  providers: UseQueryResult<ProviderStatus[]>;
  /** Each provider's check (health and models), in the order of `providers`. */
  checks: readonly UseQueryResult<ProviderHealth>[];
  /** Chosen models their provider did not report: marked on their chips. */
  unreported: readonly UnreportedModel[];
  onChange(models: string[]): void;
}

/** The chosen models as chips; pick more from what each provider offers, or type any `provider/model`. */
export function ModelPicker({ value, providers, checks, unreported, onChange }: ModelPickerProps) {
  const [typed, setTyped] = useState('');
  const listId = useId();
  const inputId = useId();
  const list = providers.data ?? [];
  const discovered = checks.flatMap((check) => check.data?.models ?? []).map((model) => model.id);

  const toggle = (model: string) => onChange(value.includes(model) ? value.filter((entry) => entry !== model) : [...value, model]);
  function addTyped() {
    const model = normaliseModelId(typed);
    if (!model) return;
    if (!value.includes(model)) onChange([...value, model]);
    setTyped('');
  }

  return (
    <div className="run-field">
      <div className="run-field__head">
        <label className="field__label" htmlFor={inputId}>
          Models
        </label>
        <span className="run-field__count">{value.length === 0 ? 'none chosen' : `${value.length} chosen`}</span>
      </div>
      {value.length > 0 && (
        <ul className="model-picker__chosen" aria-label="Chosen models">
          {value.map((model) => {
            const warning = unreported.find((entry) => entry.model === model);
            return (
              <li key={model} className={`model-picker__chosen-item${warning ? ' is-unreported' : ''}`}>
                {warning && (
                  <span className="model-picker__unreported" role="img" title={unreportedMessage(warning)} aria-label={`Not reported by ${warning.provider}`}>
                    <WarningIcon size={12} />
                  </span>
                )}
                <ModelChip model={model} />
                <button type="button" className="model-picker__remove" aria-label={`Remove ${model}`} onClick={() => toggle(model)}>
                  <CloseIcon size={11} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="model-picker__add">
        <input
          id={inputId}
          className="input input--mono"
          list={listId}
          value={typed}
          placeholder="Type a model id, e.g. openai/gpt-4o-mini"
          // First field: type a model, or press Enter to start with the file's sweep.
          data-autofocus
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            // Enter adds the model instead of starting the run.
            if (event.key === 'Enter' && typed.trim()) {
              event.preventDefault();
              addTyped();
            }
          }}
        />
        <datalist id={listId}>
          {discovered
            .filter((model) => !value.includes(model))
            .map((model) => (
              <option key={model} value={model} />
            ))}
        </datalist>
        <button type="button" className="button button--default" onClick={addTyped} disabled={!typed.trim()}>
          <PlusIcon size={13} />
          Add
        </button>
      </div>
      <div className="model-picker__available" aria-label="Available models" role="group">
        {providers.isPending && <p className="model-picker__note">Finding providers…</p>}
        {providers.isError && <p className="model-picker__note model-picker__note--error">Couldn’t list the providers.</p>}
        {list.map((provider, index) => (
          <ProviderModels key={provider.id} provider={provider} check={checks[index]} chosen={value} onToggle={toggle} />
        ))}
      </div>
    </div>
  );
}
