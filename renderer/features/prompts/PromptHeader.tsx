import type { PromptDetail } from '../../../shared/prompts';
import { Badge } from '../../components/Badge';
import { ModelChip } from '../../components/ModelChip';
import { FileIcon } from '../../components/icons';
import { casesLabel } from './labels';
import './promptHeader.css';

export function PromptHeader({ prompt }: { prompt: PromptDetail }) {
  return (
    <header className="prompt-header">
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
      </div>
      {prompt.description ? (
        <p className="prompt-header__description selectable">{prompt.description}</p>
      ) : (
        <p className="prompt-header__description prompt-header__description--missing">
          No description. Add a <code>description:</code> line to the front matter.
        </p>
      )}
      <div className="prompt-header__meta">
        <ModelChip model={prompt.model} />
        <span className="prompt-header__meta-item">{casesLabel(prompt.caseCount)}</span>
        <span className="prompt-header__meta-item">Output: {prompt.outputFormat ?? 'text'}</span>
      </div>
    </header>
  );
}
