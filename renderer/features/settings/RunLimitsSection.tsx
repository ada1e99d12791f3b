import type { Settings } from '../../../shared/settings';
import { useSetSetting } from '../../api/providerQueries';
import { Section } from '../../components/Section';
import { SettingForm } from './SettingForm';

/** How long one call may take, and from what estimated cost a run asks before starting. */
export function RunLimitsSection({ settings }: { settings: Settings }) {
  const saveTimeout = useSetSetting();
  const saveThreshold = useSetSetting();
  return (
    <Section title="Runs">
      <div className="settings-card settings-card--padded settings-grid">
        <SettingForm
          key={`timeout:${settings.providers.timeoutSeconds}`}
          label="Timeout per call (seconds)"
          value={String(settings.providers.timeoutSeconds)}
          hint="A call taking longer is stopped and recorded as a timeout (then retried)."
          input={{ className: 'input input--mono setting-form__number', type: 'number', min: 1, max: 3600 }}
          pending={saveTimeout.isPending}
          error={saveTimeout.error}
          onSave={(text) => {
            const value = Number(text);
            if (!(Number.isInteger(value) && value >= 1 && value <= 3600)) return 'Give a whole number of seconds from 1 to 3600.';
            saveTimeout.mutate({ key: 'providers', value: { ...settings.providers, timeoutSeconds: value } });
            return null;
          }}
        />
        <SettingForm
          key={`threshold:${settings.costThresholdUsd}`}
          label="Ask before runs costing more than ($)"
          value={String(settings.costThresholdUsd)}
          hint="Estimated from the pricing table below; 0 asks before every paid run."
          input={{ className: 'input input--mono setting-form__number', type: 'number', min: 0, step: 0.5 }}
          pending={saveThreshold.isPending}
          error={saveThreshold.error}
          onSave={(text) => {
            const value = Number(text.replace(/^\$/, ''));
            if (text === '' || !Number.isFinite(value) || value < 0) return 'Give an amount in dollars, 0 or more.';
            saveThreshold.mutate({ key: 'costThresholdUsd', value });
            return null;
          }}
        />
      </div>
    </Section>
  );
}
