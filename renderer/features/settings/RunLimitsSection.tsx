import { MAX_CALL_SECONDS } from '../../../shared/providers';
import type { Settings } from '../../../shared/settings';
import { useSetSetting } from '../../api/providerQueries';
import { Section } from '../../components/Section';
import { DefaultModelSetting } from './DefaultModelSetting';
import { SettingForm } from './SettingForm';

/** The default model, how long one call may stay silent and take in all, from what estimated cost a run asks before starting, and the pass rate approving expects. */
export function RunLimitsSection({ settings }: { settings: Settings }) {
  const saveTimeout = useSetSetting();
  const saveCap = useSetSetting();
  const saveThreshold = useSetSetting();
  const saveGate = useSetSetting();
  return (
    <Section title="Runs">
      <div className="settings-card settings-card--padded settings-grid">
        <DefaultModelSetting settings={settings} />
        <SettingForm
          key={`timeout:${settings.providers.timeoutSeconds}`}
          label="Silence timeout per call (seconds)"
          value={String(settings.providers.timeoutSeconds)}
          hint="A call that receives nothing for this long, before its first token or between two, is stopped and retried. A streamed answer that keeps coming is not cut off."
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
          key={`cap:${settings.providers.maxCallSeconds}`}
          label="Longest call (seconds)"
          value={String(settings.providers.maxCallSeconds)}
          hint="However steadily it streams, a call still answering after this long is stopped, and not retried."
          input={{ className: 'input input--mono setting-form__number', type: 'number', min: 1, max: MAX_CALL_SECONDS }}
          pending={saveCap.isPending}
          error={saveCap.error}
          onSave={(text) => {
            const value = Number(text);
            if (!(Number.isInteger(value) && value >= 1 && value <= MAX_CALL_SECONDS)) return `Give a whole number of seconds from 1 to ${MAX_CALL_SECONDS}.`;
            saveCap.mutate({ key: 'providers', value: { ...settings.providers, maxCallSeconds: value } });
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
        <SettingForm
          key={`gate:${settings.gate.minPassRate}`}
          label="Approval gate: lowest pass rate (%)"
          value={String(Math.round(settings.gate.minPassRate * 1000) / 10)}
          hint="For prompts with checks: approving a run that passes them less often than this asks you to acknowledge it first."
          input={{ className: 'input input--mono setting-form__number', type: 'number', min: 0, max: 100, step: 1 }}
          pending={saveGate.isPending}
          error={saveGate.error}
          onSave={(text) => {
            const value = Number(text.replace(/%$/, ''));
            if (text === '' || !Number.isFinite(value) || value < 0 || value > 100) return 'Give a percentage from 0 to 100.';
            saveGate.mutate({ key: 'gate', value: { ...settings.gate, minPassRate: value / 100 } });
            return null;
          }}
        />
      </div>
    </Section>
  );
}
