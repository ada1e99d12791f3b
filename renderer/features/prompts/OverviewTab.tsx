import type { PromptDetail } from '../../../shared/prompts';
import { ProblemsBanner } from '../../components/ProblemsBanner';
import { CasesSection } from './CasesSection';
import { PreviewSection } from './PreviewSection';
import { SchemaSections } from './SchemaSections';
import { SweepSection } from './SweepSection';
import { TemplateSection } from './TemplateSection';

/** The prompt at a glance, as it is on disk: sweep, template, preview, schemas and cases. */
export function OverviewTab({ prompt }: { prompt: PromptDetail }) {
  return (
    <>
      <ProblemsBanner problems={prompt.problems} />
      <SweepSection prompt={prompt} />
      <TemplateSection template={prompt.template} />
      <PreviewSection prompt={prompt} />
      <SchemaSections prompt={prompt} />
      <CasesSection prompt={prompt} />
    </>
  );
}
