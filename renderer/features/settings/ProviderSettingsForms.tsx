import { HttpAddress, type ProviderSettings, type ProviderStatus } from '../../../shared/providers';
import { useSetSetting } from '../../api/providerQueries';
import { Button } from '../../components/Button';
import { configuredConcurrency, isBuiltIn, withBaseUrl, withConcurrency } from './providerSettingsEdits';
import { SettingForm } from './SettingForm';

const URL_VARIABLES: Record<string, string> = { ollama: 'OLLAMA_HOST', openai: 'OPENAI_BASE_URL', anthropic: 'ANTHROPIC_BASE_URL' };

function sourceHint(status: ProviderStatus): string {
  if (status.baseUrlSource === 'environment') return `From $${URL_VARIABLES[status.id] ?? 'the environment'}; saving here overrides it.`;
  if (status.baseUrlSource === 'default') return 'The default address.';
  return isBuiltIn(status.id) ? 'Set here, in Settings.' : 'The endpoint’s address, ending where the API begins (often /v1).';
}

interface ProviderSettingsFormsProps {
  status: ProviderStatus;
  settings: ProviderSettings;
  defaultConcurrency: number;
}

/** The provider's address and concurrency, each saved on its own. */
export function ProviderSettingsForms({ status, settings, defaultConcurrency }: ProviderSettingsFormsProps) {
  const saveUrl = useSetSetting();
  const saveConcurrency = useSetSetting();
  const configured = configuredConcurrency(settings, status.id);
  const resettable = isBuiltIn(status.id) && status.baseUrlSource === 'settings';

  return (
    <>
      <SettingForm
        key={`url:${status.baseUrl}`}
        label="Address"
        value={status.baseUrl}
        hint={sourceHint(status)}
        input={{ className: 'input input--mono', spellCheck: false, inputMode: 'url' }}
        pending={saveUrl.isPending}
        error={saveUrl.error}
        onSave={(text) => {
          if (!HttpAddress.safeParse(text).success) return 'Give a full http:// or https:// address such as http://127.0.0.1:11434.';
          saveUrl.mutate({ key: 'providers', value: withBaseUrl(settings, status.id, text) });
          return null;
        }}
        extra={
          resettable && (
            <Button variant="ghost" disabled={saveUrl.isPending} onClick={() => saveUrl.mutate({ key: 'providers', value: withBaseUrl(settings, status.id, null) })}>
              Use default
            </Button>
          )
        }
      />
      <SettingForm
        key={`concurrency:${configured ?? ''}`}
        label="Concurrency"
        value={configured === null ? '' : String(configured)}
        hint={`Calls in flight at once; blank takes the default (${defaultConcurrency}). Now ${status.concurrency}.`}
        input={{ className: 'input input--mono setting-form__number', type: 'number', min: 1, max: 64, placeholder: String(defaultConcurrency) }}
        pending={saveConcurrency.isPending}
        error={saveConcurrency.error}
        onSave={(text) => {
          const value = text === '' ? null : Number(text);
          if (value !== null && !(Number.isInteger(value) && value >= 1 && value <= 64)) return 'Give a whole number from 1 to 64, or leave it blank.';
          saveConcurrency.mutate({ key: 'providers', value: withConcurrency(settings, status.id, value) });
          return null;
        }}
      />
    </>
  );
}
