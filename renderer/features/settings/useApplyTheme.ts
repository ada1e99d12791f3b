import { useEffect } from 'react';
import { useSettings } from '../../api/queries';
import { applyTheme } from './applyTheme';

/** Keeps <html data-theme> in step with the `theme` setting, wherever it was changed from. */
export function useApplyTheme(): void {
  const theme = useSettings().data?.theme;
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);
}
