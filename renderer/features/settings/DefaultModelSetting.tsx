import { ModelId } from '../../../shared/models';
import type { Settings } from '../../../shared/settings';
import { useSetSetting } from '../../api/providerQueries';
import { SettingForm } from './SettingForm';

/** The model a run starts from when its prompt names none; empty for none (such a run then asks for one). */
export function DefaultModelSetting({ settings }: { settings: Settings }) {
  const save = useSetSetting();
  const value = settings.defaultModel ?? '';
  return (
    <SettingForm
      key={`default-model:${value}`}
      label="Default model"
      value={value}
      hint="Runs a prompt whose front matter names no model, or that has none. Leave it empty to choose each time."
      input={{ className: 'input input--mono', placeholder: 'provider/model', spellCheck: false, autoComplete: 'off' }}
      pending={save.isPending}
      error={save.error}
      onSave={(text) => {
        if (text === '') {
          save.mutate({ key: 'defaultModel', value: null });
          return null;
        }
        const parsed = ModelId.safeParse(text);
        if (!parsed.success) return `${parsed.error.issues[0]?.message ?? 'Write the model as provider/model'}.`;
        save.mutate({ key: 'defaultModel', value: parsed.data });
        return null;
      }}
    />
  );
}
