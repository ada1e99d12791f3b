import { WorkbenchError } from '../../../shared/errors';
import { usePrompt } from '../../api/queries';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { CasesSection } from './CasesSection';
import { PreviewSection } from './PreviewSection';
import { ProblemsBanner } from './ProblemsBanner';
import { PromptHeader } from './PromptHeader';
import { SchemaSections } from './SchemaSections';
import { SweepSection } from './SweepSection';
import { TemplateSection } from './TemplateSection';
import './promptPage.css';

/** The main area for one prompt: loading, failure, or the prompt itself. */
export function PromptView({ name }: { name: string }) {
  const prompt = usePrompt(name);

  if (prompt.isPending) return <PromptPageSkeleton />;
  if (prompt.isError) {
    const notFound = prompt.error instanceof WorkbenchError && prompt.error.code === 'NOT_FOUND';
    return (
      <div className="prompt-page prompt-page--state">
        <ErrorState
          title={notFound ? `No prompt named “${name}”` : `Couldn’t open “${name}”`}
          error={prompt.error}
          onRetry={() => void prompt.refetch()}
          retrying={prompt.isFetching}
        />
      </div>
    );
  }

  const detail = prompt.data;
  return (
    <article className="prompt-page" aria-label={detail.name}>
      <PromptHeader prompt={detail} />
      <ProblemsBanner problems={detail.problems} />
      <SweepSection prompt={detail} />
      <TemplateSection template={detail.template} />
      <PreviewSection prompt={detail} />
      <SchemaSections prompt={detail} />
      <CasesSection prompt={detail} />
    </article>
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
