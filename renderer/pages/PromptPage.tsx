import { WorkbenchError } from '../../shared/errors';
import type { PromptDetail } from '../../shared/prompts';
import { usePrompt } from '../api/queries';
import type { PromptTab } from '../app/router';
import { ErrorState } from '../components/ErrorState';
import { Skeleton } from '../components/Skeleton';
import { CasesTab } from '../features/cases/CasesTab';
import { DiscardDraftButton } from '../features/drafts/DiscardDraftButton';
import { DiscardedNotice } from '../features/drafts/DiscardedNotice';
import { EditTab } from '../features/editor/EditTab';
import { CommitButton } from '../features/history/CommitButton';
import { HistoryTab } from '../features/history/HistoryTab';
import { OverviewTab } from '../features/prompts/OverviewTab';
import { PromptHeader } from '../features/prompts/PromptHeader';
import { promptNameError } from '../features/prompts/promptNameError';
import { PromptTabs, tabPanelProps } from '../features/prompts/PromptTabs';
import { RunButton } from '../features/runs/RunButton';
import { RunDialog } from '../features/runs/RunDialog';
import { RunsTab } from '../features/runs/RunsTab';
import { useRunShortcut } from '../features/runs/useRunShortcut';
import { useDraftsLeaveGuard } from '../lib/drafts/useDraftsLeaveGuard';
import { PromptDraftsContext, usePromptDrafts } from '../lib/drafts/usePromptDrafts';
import { useSaveShortcut } from '../lib/drafts/useSaveShortcut';
import './promptPage.css';

interface PromptPageProps {
  name: string;
  tab: PromptTab;
}

/** The main area for one prompt (`#/prompts/<name>/<tab>`): loading, failure, or the prompt itself. */
export function PromptPage({ name, tab }: PromptPageProps) {
  const prompt = usePrompt(name);
  const gone = prompt.error instanceof WorkbenchError && prompt.error.code === 'NOT_FOUND';

  // A failed refetch keeps the last good data on screen, unless the file is gone.
  if (prompt.data && !gone) return <PromptScreen prompt={prompt.data} tab={tab} />;
  if (prompt.isPending) return <PromptPageSkeleton />;
  // A file whose name the app cannot use is listed so it can be found; say how to fix it.
  const badName = promptNameError(name);
  const error = badName ? new Error(`prompts/${name}.prompt has a name Prompt Workbench cannot use: ${badName.replace(/\.?$/, '.')} Rename the file (for example with \`git mv\`), then open it.`) : prompt.error;
  return (
    <div className="prompt-page prompt-page--state">
      <ErrorState
        title={gone ? `No prompt named “${name}”` : `Couldn’t open “${name}”`}
        error={error}
        onRetry={() => void prompt.refetch()}
        retrying={prompt.isFetching}
      />
    </div>
  );
}

/**
 * The prompt's header and tabs, each tab a feature. The page owns the prompt's drafts, which every
 * tab edits or reads, and puts the other features' actions (commit, run) into the header.
 */
function PromptScreen({ prompt, tab }: { prompt: PromptDetail; tab: PromptTab }) {
  const drafts = usePromptDrafts(prompt);
  useDraftsLeaveGuard(drafts, prompt.name);
  useRunShortcut(prompt.name);
  // Ctrl/Cmd+S on any tab of the prompt writes whatever is pending, now.
  useSaveShortcut(() => {
    void drafts.source.saveNow();
    void drafts.cases.saveNow();
  });
  return (
    <PromptDraftsContext value={drafts}>
      <article className={`prompt-page prompt-page--${tab}`} aria-label={prompt.name}>
        <PromptHeader
          prompt={prompt}
          tab={tab}
          actions={
            <>
              {prompt.dirty && <DiscardDraftButton prompt={prompt} />}
              {prompt.dirty && <CommitButton prompt={prompt} />}
              <RunButton prompt={prompt.name} />
            </>
          }
        />
        <PromptTabs prompt={prompt} tab={tab} />
        <div className="prompt-page__panel" {...tabPanelProps(tab)}>
          {tab === 'overview' && <OverviewTab prompt={prompt} />}
          {tab === 'edit' && <EditTab prompt={prompt} />}
          {tab === 'cases' && <CasesTab prompt={prompt} />}
          {tab === 'history' && <HistoryTab prompt={prompt} />}
          {tab === 'runs' && <RunsTab prompt={prompt} />}
        </div>
      </article>
      <RunDialog prompt={prompt} />
      <DiscardedNotice name={prompt.name} />
    </PromptDraftsContext>
  );
}

function PromptPageSkeleton() {
  return (
    <div className="prompt-page" role="status" aria-label="Loading prompt">
      <div className="prompt-header">
        <Skeleton width={160} height={10} />
        <Skeleton width={220} height={22} />
        <Skeleton width="70%" height={12} />
        <Skeleton width={260} height={20} />
      </div>
      <Skeleton width="100%" height={96} />
      <Skeleton width="100%" height={220} />
    </div>
  );
}
