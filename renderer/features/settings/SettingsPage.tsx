import type { ProviderStatus } from '../../../shared/providers';
import type { Settings } from '../../../shared/settings';
import { useProviders } from '../../api/providerQueries';
import { useSettings } from '../../api/queries';
import { useConnectionState } from '../../api/useConnectionState';
import { ErrorState } from '../../components/ErrorState';
import { Kbd } from '../../components/Kbd';
import { MOD_KEY } from '../../components/platform';
import { Section } from '../../components/Section';
import { Skeleton } from '../../components/Skeleton';
import { AddEndpointForm } from './AddEndpointForm';
import { PricingTable } from './PricingTable';
import { ProviderCard } from './ProviderCard';
import { RunLimitsSection } from './RunLimitsSection';
import { ThemeSwitcher } from './ThemeSwitcher';
import './settingsPage.css';

/** Providers (addresses, keys, health), run limits, prices and appearance, for this workspace. */
export function SettingsPage() {
  const settings = useSettings();
  const providers = useProviders();
  return (
    <div className="settings-page">
      <header className="settings-page__header">
        <h1 className="settings-page__title">Settings</h1>
        <p className="settings-page__lead">
          Kept in this workspace’s <code>.workbench/</code> folder. API keys never go there. <Kbd>{MOD_KEY}</Kbd>
          <Kbd>,</Kbd> opens this page.
        </p>
      </header>
      {settings.isError && <ErrorState title="Couldn’t read the settings" error={settings.error} onRetry={() => void settings.refetch()} />}
      {providers.isError && <ErrorState title="Couldn’t list the providers" error={providers.error} onRetry={() => void providers.refetch()} />}
      {settings.data && providers.data ? <SettingsSections settings={settings.data} providers={providers.data} /> : !settings.isError && !providers.isError && <SettingsSkeleton />}
    </div>
  );
}

function SettingsSections({ settings, providers }: { settings: Settings; providers: ProviderStatus[] }) {
  const browserMode = useConnectionState() !== null;
  return (
    <>
      <Section title="Providers" aside={<span>Check one to see its models</span>}>
        {browserMode && (
          <p className="settings-page__note">
            Browser mode: keys typed here last for this session only, and are forgotten when <code>workbench serve</code> stops.
            Environment variables such as <code>OPENAI_API_KEY</code> work as usual.
          </p>
        )}
        <div className="settings-page__providers">
          {providers.map((status) => (
            <ProviderCard key={status.id} status={status} settings={settings.providers} />
          ))}
        </div>
        <AddEndpointForm settings={settings.providers} providers={providers} />
      </Section>
      <RunLimitsSection settings={settings} />
      <Section title="Prices" aside={<span>US dollars per million tokens</span>}>
        <PricingTable key={JSON.stringify(settings.pricing)} saved={settings.pricing} />
      </Section>
      <Section title="Appearance">
        <div className="settings-card settings-card--padded settings-page__theme">
          <span className="field__label">Theme</span>
          <ThemeSwitcher />
        </div>
      </Section>
    </>
  );
}

function SettingsSkeleton() {
  return (
    <div className="settings-page__providers" role="status" aria-label="Loading settings">
      {[0, 1, 2].map((row) => (
        <Skeleton key={row} width="100%" height={150} />
      ))}
    </div>
  );
}
