import type { PromptDetail } from '../../../shared/prompts';
import { useRenderedPrompt } from '../../api/queries';
import { usePreviewCase } from '../../app/uiStore';
import { CasePicker } from '../../components/CasePicker';
import { PreviewMessage } from '../../components/PreviewMessage';
import { Section } from '../../components/Section';
import { Skeleton } from '../../components/Skeleton';
import { TextWithCode } from '../../components/TextWithCode';
import '../../components/preview.css';

/** Exactly what will be sent for one case, role by role, rendered by the core with Dotprompt. */
export function PreviewSection({ prompt }: { prompt: PromptDetail }) {
  const caseNames = prompt.cases.map((c) => c.name);
  const caseName = usePreviewCase(prompt.name, caseNames);
  const rendered = useRenderedPrompt(prompt.name, caseName);

  return (
    <Section title="Preview" aside={<CasePicker prompt={prompt.name} caseNames={caseNames} value={caseName} />}>
      <div className="preview" role="region" aria-label="Rendered messages" aria-busy={rendered.isPending}>
        {rendered.isPending && <Skeleton width="100%" height={72} />}
        {rendered.isError && (
          <p className="card preview-error" role="alert">
            <TextWithCode text={rendered.error.message} />
          </p>
        )}
        {rendered.data?.messages.map((message, index) => <PreviewMessage key={index} message={message} />)}
      </div>
    </Section>
  );
}
