import type { PromptSummary } from '../../../shared/prompts';
import { hrefFor, promptRoute } from '../../app/router';
import { WarningIcon } from '../../components/icons';
import { ModelChip } from '../../components/ModelChip';
import { casesLabel, problemsLabel } from '../../lib/labels';

interface PromptListItemProps {
  prompt: PromptSummary;
  selected: boolean;
  /** Roving tabindex: exactly one item of the list is in the Tab order. */
  tabbable: boolean;
}

export function PromptListItem({ prompt, selected, tabbable }: PromptListItemProps) {
  const hasProblems = prompt.problems.length > 0;
  return (
    <li>
      <a
        className="prompt-item"
        href={hrefFor(promptRoute(prompt.name))}
        aria-current={selected ? 'page' : undefined}
        tabIndex={tabbable ? 0 : -1}
        data-prompt-item={prompt.name}
      >
        <span className="prompt-item__top">
          <span className="prompt-item__name">{prompt.name}</span>
          <span className="prompt-item__flags">
            {hasProblems && (
              <span className="prompt-item__problems" title={problemsLabel(prompt.problems.length)}>
                <WarningIcon size={13} />
                <span className="visually-hidden">{problemsLabel(prompt.problems.length)}</span>
              </span>
            )}
            {prompt.dirty && (
              <span className="prompt-item__dirty" title="Uncommitted changes">
                <span className="visually-hidden">Uncommitted changes</span>
              </span>
            )}
          </span>
        </span>
        <span className="prompt-item__description" title={prompt.description || undefined}>
          {prompt.description || 'No description'}
        </span>
        <span className="prompt-item__meta">
          <ModelChip model={prompt.model} size="sm" />
          <span className="prompt-item__cases">{casesLabel(prompt.caseCount)}</span>
        </span>
      </a>
    </li>
  );
}
