import { useWorkbenchEvents } from '../api/queries';
import { useRunPrompt } from '../api/runQueries';
import { SavedFileNotice } from '../components/SavedFileNotice';
import { NewPromptDialog } from '../features/prompts/NewPromptDialog';
import { PromptSidebar } from '../features/prompts/PromptSidebar';
import { WelcomeState } from '../features/prompts/WelcomeState';
import { useBlind } from '../features/review/reviewStore';
import { RunsPage } from '../features/allRuns/RunsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { useApplyTheme } from '../features/settings/useApplyTheme';
import { PromptPage } from '../pages/PromptPage';
import { ReviewPage } from '../pages/ReviewPage';
import { LeaveDialog } from './LeaveDialog';
import { routePrompt, useRoute, type Route } from './router';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import { SidebarRail } from './SidebarRail';
import { StatusBar } from './StatusBar';
import { useUiState } from './uiStore';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import './shell.css';

/** The window: prompt library on the left, the open page on the right, status along the bottom. */
export function App() {
  useWorkbenchEvents();
  useApplyTheme();
  useGlobalShortcuts();
  const route = useRoute();
  const selectedName = useSelectedPrompt(route);
  // Blind review hides the prompt library as well: its entries name models.
  const blindReview = useBlind(route.page === 'review' ? route.runId : '');
  // Folded to a rail (`[` or its button), so a run's grid gets the width.
  const collapsed = useUiState((state) => state.sidebarCollapsed);

  return (
    <div className={`shell${collapsed ? ' shell--collapsed' : ''}`} style={blindReview ? WITHOUT_SIDEBAR : undefined}>
      {!blindReview && (collapsed ? <SidebarRail /> : <PromptSidebar selectedName={selectedName} />)}
      {/* Keyed by prompt (or run) so each opens scrolled to the top; a prompt's tabs share one page (and its unsaved edits). */}
      <main className="shell__main" key={route.page === 'review' ? `run:${route.runId}` : (selectedName ?? route.page)}>
        {route.page === 'prompt' && <PromptPage name={route.name} tab={route.tab} />}
        {route.page === 'review' && <ReviewPage runId={route.runId} tab={route.tab} otherRunId={route.otherRunId} />}
        {route.page === 'settings' && <SettingsPage />}
        {route.page === 'runs' && <RunsPage />}
        {route.page === 'home' && <WelcomeState />}
      </main>
      <StatusBar />
      <ShortcutsOverlay />
      <NewPromptDialog />
      <LeaveDialog />
      <SavedFileNotice />
    </div>
  );
}

const WITHOUT_SIDEBAR = { gridTemplateColumns: '0 minmax(0, 1fr)' };

/** The prompt to mark in the sidebar: the one in the URL, or the one the open run belongs to. */
function useSelectedPrompt(route: Route): string | null {
  // The same query the review reads (no extra request), narrowed to the name so ratings do not re-render the window.
  const runPrompt = useRunPrompt(route.page === 'review' ? route.runId : null);
  return routePrompt(route) ?? (route.page === 'review' ? (runPrompt.data ?? null) : null);
}
