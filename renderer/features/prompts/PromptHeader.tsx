import type { ReactNode } from 'react';
import type { PromptDetail } from '../../../shared/prompts';
import type { PromptTab } from '../../app/router';
import { Badge } from '../../components/Badge';
import { FileIcon } from '../../components/icons';
import { ModelChip } from '../../components/ModelChip';
import { casesLabel } from '../../lib/labels';
import { PromptActions } from './PromptActions';
import './promptHeader.css';

interface PromptHeaderProps {
  prompt: PromptDetail;
  tab: PromptTab;
  /** Other features' buttons (commit, run), placed by the page before this prompt's own menu. */
  actions: ReactNode;
}

/** Name, state and actions; the overview also shows the description and the facts under it. */
export function PromptHeader({ prompt, tab, actions }: PromptHeaderProps) {
  const full = tab === 'overview';
  return (
    <header className={`prompt-header${full ? '' : ' prompt-header--compact'}`}>
      <div className="prompt-header__path">
        <FileIcon size={13} />
        <span className="selectable">prompts/{prompt.name}.prompt</span>
      </div>
      <div className="prompt-header__title-row">
        <h1 className="prompt-header__title selectable">{prompt.name}</h1>
        {prompt.dirty && (
          <Badge tone="dirty" title="The files of this prompt differ from the last commit.">
            Uncommitted changes
          </Badge>
        )}
        <div className="prompt-header__actions">
          {actions}
          <PromptActions prompt={prompt} tab={tab} />
        </div>
      </div>
      {full &&
        (prompt.description ? (
          <p className="prompt-header__description selectable">{prompt.description}</p>
        ) : (
          <p className="prompt-header__description prompt-header__description--missing">
            No description. Add a <code>description:</code> line to the front matter.
          </p>
        ))}
      {full && (
        <div className="prompt-header__meta">
          <ModelChip model={prompt.model} />
          <span className="prompt-header__meta-item">{casesLabel(prompt.caseCount)}</span>
          <span className="prompt-header__meta-item">Output: {prompt.outputFormat ?? 'text'}</span>
        </div>
      )}
    </header>
  );
}
