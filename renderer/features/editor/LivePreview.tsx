import type { UseQueryResult } from '@tanstack/react-query';
import type { PromptCheck } from '../../../shared/promptFiles';
import { CasePicker } from '../../components/CasePicker';
import { errorMessage } from '../../components/ErrorState';
import { PreviewMessage } from '../../components/PreviewMessage';
import { Skeleton } from '../../components/Skeleton';
import { TextWithCode } from '../../components/TextWithCode';

interface LivePreviewProps {
  prompt: string;
  caseNames: readonly string[];
  caseName: string | undefined;
  check: UseQueryResult<PromptCheck>;
}

/** The editor's text rendered for one case, role by role, as the model would receive it. */
export function LivePreview({ prompt, caseNames, caseName, check }: LivePreviewProps) {
  const result = check.data;
  return (
    <section className="live-preview" aria-label="Live preview">
      <div className="pane-toolbar">
        <span className="pane-toolbar__title">Preview</span>
        <CasePicker prompt={prompt} caseNames={caseNames} value={caseName} />
      </div>
      <div
        className={`live-preview__body${check.isFetching && result ? ' is-stale' : ''}`}
        role="region"
        aria-label="Rendered messages"
        aria-busy={check.isFetching}
      >
        {check.isPending && <Skeleton width="100%" height={96} />}
        {check.isError && !result && (
          <p className="card preview-error" role="alert">
            <TextWithCode text={errorMessage(check.error)} />
          </p>
        )}
        {result?.renderError && (
          <p className="card preview-error" role="alert">
            <TextWithCode text={result.renderError.message} />
          </p>
        )}
        {result && !result.rendered && !result.renderError && (
          <p className="card card--dashed live-preview__empty">
            {result.problems.length > 0 ? 'Fix the problems in the source to see what will be sent.' : 'Nothing to show yet.'}
          </p>
        )}
        {result?.rendered?.messages.map((message, index) => <PreviewMessage key={index} message={message} />)}
      </div>
    </section>
  );
}
