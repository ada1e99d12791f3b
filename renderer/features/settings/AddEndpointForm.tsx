import { useId, useState } from 'react';
import { NewEndpoint, type ProviderSettings, type ProviderStatus } from '../../../shared/providers';
import { useSetProviderKey, useSetSetting } from '../../api/providerQueries';
import { useLeaveGuard } from '../../app/leaveGuard';
import { Button } from '../../components/Button';
import { errorMessage } from '../../components/ErrorState';
import { PlusIcon } from '../../components/icons';
import { withEndpoint } from './providerSettingsEdits';

interface AddEndpointFormProps {
  settings: ProviderSettings;
  providers: readonly ProviderStatus[];
}

/** A named OpenAI-compatible endpoint (LM Studio, vLLM, llama.cpp, OpenRouter…): its models are `name/model`. */
export function AddEndpointForm({ settings, providers }: AddEndpointFormProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState({ name: '', baseUrl: '', key: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const save = useSetSetting();
  const setKey = useSetProviderKey();
  const pending = save.isPending || setKey.isPending;
  const error = problem ?? (save.error ? errorMessage(save.error) : setKey.error ? errorMessage(setKey.error) : null);
  useLeaveGuard(open && Object.values(fields).some((value) => value.trim() !== ''), 'the endpoint you were adding');

  if (!open) {
    return (
      <Button className="add-endpoint__open" onClick={() => setOpen(true)}>
        <PlusIcon size={13} />
        Add an OpenAI-compatible endpoint
      </Button>
    );
  }

  function submit() {
    const parsed = NewEndpoint.safeParse({ name: fields.name.trim(), baseUrl: fields.baseUrl.trim(), concurrency: null });
    if (!parsed.success) {
      setProblem(parsed.error.issues.map((issue) => `${issue.path.join('.') === 'baseUrl' ? 'Address' : 'Name'}: ${issue.message}`).join(' '));
      return;
    }
    if (providers.some((provider) => provider.id === parsed.data.name)) {
      setProblem(`There is already a provider named “${parsed.data.name}”.`);
      return;
    }
    const key = fields.key.trim();
    save.mutate(
      { key: 'providers', value: withEndpoint(settings, parsed.data) },
      {
        onSuccess: () => {
          const done = () => {
            setFields({ name: '', baseUrl: '', key: '' });
            setOpen(false);
          };
          if (key) setKey.mutate({ provider: parsed.data.name, key }, { onSuccess: done });
          else done();
        },
      },
    );
  }

  return (
    <form
      className="add-endpoint settings-card"
      aria-label="Add an endpoint"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!pending) submit();
      }}
    >
      <h3 className="add-endpoint__title">Add an OpenAI-compatible endpoint</h3>
      <div className="add-endpoint__fields">
        <label className="field">
          <span className="field__label">Name</span>
          <input
            className="input input--mono"
            value={fields.name}
            placeholder="lmstudio"
            autoFocus
            spellCheck={false}
            aria-describedby={`${id}-name`}
            onChange={(event) => {
              setFields({ ...fields, name: event.target.value });
              setProblem(null);
            }}
          />
          <span className="field__hint" id={`${id}-name`}>
            Model ids become <code>name/model</code>.
          </span>
        </label>
        <label className="field">
          <span className="field__label">Address</span>
          <input
            className="input input--mono"
            value={fields.baseUrl}
            placeholder="http://127.0.0.1:1234/v1"
            spellCheck={false}
            onChange={(event) => {
              setFields({ ...fields, baseUrl: event.target.value });
              setProblem(null);
            }}
          />
        </label>
        <label className="field">
          <span className="field__label">API key (optional)</span>
          <input
            className="input input--mono"
            type="password"
            autoComplete="off"
            value={fields.key}
            onChange={(event) => setFields({ ...fields, key: event.target.value })}
          />
        </label>
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="add-endpoint__actions">
        <Button onClick={() => setOpen(false)}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Adding…' : 'Add endpoint'}
        </Button>
      </div>
    </form>
  );
}

