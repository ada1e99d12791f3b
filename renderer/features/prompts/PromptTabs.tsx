import type { KeyboardEvent, ReactNode } from 'react';
import type { PromptDetail } from '../../../shared/prompts';
import { PROMPT_TABS, hrefFor, navigate, promptRoute, type PromptTab } from '../../app/router';
import { ActivityIcon, FileIcon, ListIcon, PencilIcon, RestoreIcon } from '../../components/icons';
import { tabAfterKey } from '../../components/tabKeys';
import './promptTabs.css';

const TAB_LABELS: Record<PromptTab, { label: string; icon: ReactNode }> = {
  overview: { label: 'Overview', icon: <FileIcon size={13} /> },
  edit: { label: 'Edit', icon: <PencilIcon size={13} /> },
  cases: { label: 'Cases', icon: <ListIcon size={13} /> },
  history: { label: 'History', icon: <RestoreIcon size={13} /> },
  runs: { label: 'Runs', icon: <ActivityIcon size={13} /> },
};

const PANEL_ID = 'prompt-tabpanel';
const tabId = (tab: PromptTab) => `prompt-tab-${tab}`;

export function tabPanelProps(tab: PromptTab) {
  return { role: 'tabpanel', id: PANEL_ID, 'aria-labelledby': tabId(tab) } as const;
}

/** The views of one prompt. Each is a link (`#/prompts/<name>/<tab>`), so the URL says where you are. */
export function PromptTabs({ prompt, tab }: { prompt: PromptDetail; tab: PromptTab }) {
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const next = tabAfterKey(PROMPT_TABS, tab, event.key);
    if (!next) return;
    event.preventDefault();
    navigate(promptRoute(prompt.name, next));
    const target = next;
    requestAnimationFrame(() => document.getElementById(tabId(target))?.focus());
  }

  return (
    <div className="prompt-tabs" role="tablist" aria-label="Prompt views" onKeyDown={onKeyDown}>
      {PROMPT_TABS.map((id) => {
        const selected = id === tab;
        return (
          <a
            key={id}
            id={tabId(id)}
            role="tab"
            className="view-tab"
            href={hrefFor(promptRoute(prompt.name, id))}
            aria-selected={selected}
            aria-controls={selected ? PANEL_ID : undefined}
            tabIndex={selected ? 0 : -1}
          >
            {TAB_LABELS[id].icon}
            {TAB_LABELS[id].label}
            {id === 'cases' && <span className="prompt-tabs__count">{prompt.caseCount}</span>}
          </a>
        );
      })}
    </div>
  );
}
