import { useWorkbenchEvents } from '../api/queries';
import { NewPromptDialog } from '../features/prompts/NewPromptDialog';
import { PromptSidebar } from '../features/prompts/PromptSidebar';
import { PromptView } from '../features/prompts/PromptView';
import { WelcomeState } from '../features/prompts/WelcomeState';
import { SettingsPage } from '../features/settings/SettingsPage';
import { useApplyTheme } from '../features/settings/useApplyTheme';
import { routePrompt, useRoute } from './router';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import { StatusBar } from './StatusBar';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import './shell.css';

/** The window: prompt library on the left, the open page on the right, status along the bottom. */
export function App() {
  useWorkbenchEvents();
  useApplyTheme();
  useGlobalShortcuts();
  const route = useRoute();
  const selectedName = routePrompt(route);

  return (
    <div className="shell">
      <PromptSidebar selectedName={selectedName} />
      {/* Keyed by prompt so each opens scrolled to the top; its tabs share one page (and its unsaved edits). */}
      <main className="shell__main" key={selectedName ?? route.page}>
        {route.page === 'prompt' && <PromptView name={route.name} tab={route.tab} />}
        {route.page === 'run' && <PromptView name={route.name} tab="runs" runId={route.runId} />}
        {route.page === 'settings' && <SettingsPage />}
        {route.page === 'home' && <WelcomeState />}
      </main>
      <StatusBar />
      <ShortcutsOverlay />
      <NewPromptDialog />
    </div>
  );
}
