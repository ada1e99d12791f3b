import { useId, useState } from 'react';
import type { ProviderStatus } from '../../../shared/providers';
import { useSetProviderKey } from '../../api/providerQueries';
import { useLeaveGuard } from '../../app/leaveGuard';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { errorMessage } from '../../components/ErrorState';
import { KeyIcon } from '../../components/icons';
import { TextWithCode } from '../../components/TextWithCode';

/** Where the key comes from, in words; the key itself is never shown, nor sent back to the UI. */
export function keyStatusText(status: ProviderStatus): string {
  switch (status.keySource) {
    case 'keychain':
      return 'Saved in the system keychain.';
    case 'session':
      return 'Set for this session only: it is forgotten when the app or `workbench serve` stops.';
    case 'environment':
      return `From the environment variable ${status.keyVariable ?? ''}.`;
    case 'none':
      return status.keyRequired
        ? `No key yet: calls will be refused until you set one${status.keyVariable ? ` (or ${status.keyVariable})` : ''}.`
        : 'No key (this provider does not need one).';
  }
}

const BADGES = {
  keychain: { tone: 'success', text: 'Keychain' },
  session: { tone: 'accent', text: 'This session' },
  environment: { tone: 'neutral', text: 'Environment' },
  none: { tone: 'neutral', text: 'No key' },
} as const;

/** Set or remove a provider's API key; a password field, cleared after saving. */
export function ProviderKeyForm({ status }: { status: ProviderStatus }) {
  const id = useId();
  const [key, setKey] = useState('');
  const setProviderKey = useSetProviderKey();
  const badge = BADGES[status.keySource];
  const stored = status.keySource === 'keychain' || status.keySource === 'session';
  const missing = status.keySource === 'none' && status.keyRequired;
  useLeaveGuard(key.trim() !== '', `the ${status.label} key you typed`);

  return (
    <form
      className="setting-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!key.trim() || setProviderKey.isPending) return;
        setProviderKey.mutate({ provider: status.id, key: key.trim() }, { onSuccess: () => setKey('') });
      }}
    >
      <div className="setting-form__label-row">
        <label className="field__label" htmlFor={id}>
          API key
        </label>
        <Badge tone={missing ? 'warning' : badge.tone}>{badge.text}</Badge>
      </div>
      <div className="setting-form__row">
        <input
          id={id}
          className="input input--mono"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={key}
          placeholder={stored ? 'Paste a new key to replace it' : 'Paste a key'}
          onChange={(event) => {
            setKey(event.target.value);
            setProviderKey.reset();
          }}
        />
        <Button type="submit" variant={key.trim() ? 'primary' : 'default'} disabled={!key.trim() || setProviderKey.isPending}>
          <KeyIcon size={13} />
          {setProviderKey.isPending && setProviderKey.variables.key !== null ? 'Saving…' : 'Save key'}
        </Button>
        {stored && (
          <Button variant="ghost" disabled={setProviderKey.isPending} onClick={() => setProviderKey.mutate({ provider: status.id, key: null })}>
            Remove key
          </Button>
        )}
      </div>
      {setProviderKey.isError ? (
        <span className="field__error" role="alert">
          {errorMessage(setProviderKey.error)}
        </span>
      ) : (
        <span className="field__hint" role="status">
          <TextWithCode text={keyStatusText(status)} />
        </span>
      )}
    </form>
  );
}
