import type { ReactNode } from 'react';
import type { Theme } from '../../../shared/settings';
import { useSetTheme, useSettings } from '../../api/queries';
import { errorMessage } from '../../components/ErrorState';
import { MonitorIcon, MoonIcon, SunIcon, WarningIcon } from '../../components/icons';
import './settings.css';

const OPTIONS: { value: Theme; label: string; icon: ReactNode }[] = [
  { value: 'system', label: 'System', icon: <MonitorIcon size={13} /> },
  { value: 'light', label: 'Light', icon: <SunIcon size={13} /> },
  { value: 'dark', label: 'Dark', icon: <MoonIcon size={13} /> },
];

/** System / Light / Dark. Saved as the workspace's `theme` setting and applied at once. */
export function ThemeSwitcher() {
  const settings = useSettings();
  const setTheme = useSetTheme();
  const current = settings.data?.theme;

  return (
    <div className="theme-switcher">
      {setTheme.isError && (
        <span className="theme-switcher__error" title={errorMessage(setTheme.error)} role="status">
          <WarningIcon size={12} />
          Theme not saved
        </span>
      )}
      <div className="theme-switcher__group" role="group" aria-label="Theme">
        {OPTIONS.map((option) => (
          <button
            key={option.value}
            type="button"
            className="theme-switcher__option"
            aria-pressed={current === option.value}
            disabled={!settings.data}
            title={`${option.label} theme`}
            onClick={() => setTheme.mutate(option.value)}
          >
            {option.icon}
            <span>{option.label}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
