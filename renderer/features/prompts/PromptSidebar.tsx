import { useRef } from 'react';
import { usePrompts, useWorkspace } from '../../api/queries';
import { hrefFor, navigate, promptRoute, useRoute } from '../../app/router';
import { uiActions, useUiState } from '../../app/uiStore';
import { ErrorState } from '../../components/ErrorState';
import { LogoMark } from '../../components/LogoMark';
import { ActivityIcon, PlusIcon, SidebarIcon } from '../../components/icons';
import { Kbd } from '../../components/Kbd';
import { modShortcut } from '../../components/platform';
import { filterPrompts } from './filterPrompts';
import { PromptFilter } from './PromptFilter';
import { PromptList, promptItems } from './PromptList';
import { PromptListSkeleton } from './PromptListSkeleton';
import { NoMatches, NoPromptsYet } from './PromptListStates';
import './sidebar.css';

export function PromptSidebar({ selectedName }: { selectedName: string | null }) {
  const prompts = usePrompts();
  const workspace = useWorkspace();
  const query = useUiState((state) => state.promptFilter);
  const listRef = useRef<HTMLUListElement>(null);
  const onRunsPage = useRoute().page === 'runs';
  const visible = prompts.data ? filterPrompts(prompts.data, query) : [];
  const total = prompts.data?.length ?? 0;

  function focusFilter() {
    document.querySelector<HTMLInputElement>('.prompt-filter__input')?.focus();
  }

  return (
    <aside className="sidebar" aria-label="Prompt library">
      <header className="sidebar__header">
        <div className="sidebar__brand">
          <LogoMark size={22} />
          <div className="sidebar__brand-text">
            <span className="sidebar__app-name">Prompt Workbench</span>
            <span className="sidebar__workspace" title={workspace.data?.path}>
              {workspace.data?.name ?? '\u00a0'}
            </span>
          </div>
          <button
            type="button"
            className="sidebar__new"
            aria-label="New prompt"
            title={`New prompt (${modShortcut('N')})`}
            onClick={uiActions.openNewPrompt}
          >
            <PlusIcon size={15} />
          </button>
          <button
            type="button"
            className="sidebar__new sidebar__collapse"
            aria-label="Collapse the prompt library"
            aria-expanded={true}
            title="Collapse the prompt library ([)"
            onClick={uiActions.toggleSidebar}
          >
            <SidebarIcon size={15} />
          </button>
        </div>
        <a href={hrefFor({ page: 'runs' })} className="sidebar__nav-link" aria-current={onRunsPage ? 'page' : undefined} title="Every run of every prompt (g r)">
          <ActivityIcon size={14} />
          <span>All runs</span>
          <span className="sidebar__nav-keys" aria-hidden="true">
            <Kbd>g</Kbd>
            <Kbd>r</Kbd>
          </span>
        </a>
        <PromptFilter
          onArrowDown={() => {
            if (listRef.current) promptItems(listRef.current)[0]?.focus();
          }}
          onSubmit={() => {
            const first = visible[0];
            if (first) navigate(promptRoute(first.name));
          }}
        />
        <div className="sidebar__section-label">
          <span>Prompts</span>
          {prompts.data && (
            <span className="sidebar__count">{query.trim() ? `${visible.length} of ${total}` : total}</span>
          )}
        </div>
      </header>

      <div className="sidebar__scroll">
        {prompts.isPending ? (
          <PromptListSkeleton />
        ) : prompts.isError ? (
          <ErrorState
            compact
            title="Couldn’t load prompts"
            error={prompts.error}
            onRetry={() => void prompts.refetch()}
            retrying={prompts.isFetching}
          />
        ) : total === 0 ? (
          <NoPromptsYet workspacePath={workspace.data?.path} />
        ) : visible.length === 0 ? (
          <NoMatches query={query} />
        ) : (
          <PromptList prompts={visible} selectedName={selectedName} listRef={listRef} onLeaveTop={focusFilter} />
        )}
      </div>
    </aside>
  );
}
