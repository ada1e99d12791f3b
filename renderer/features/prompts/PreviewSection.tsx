import type { PromptDetail, RenderedMessage } from '../../../shared/prompts';
import { useRenderedPrompt } from '../../api/queries';
import { usePreviewCase } from '../../app/uiStore';
import { Section } from '../../components/Section';
import { Skeleton } from '../../components/Skeleton';
import { TextWithCode } from '../../components/TextWithCode';
import { CasePicker } from './CasePicker';
import './preview.css';

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

export function PreviewMessage({ message }: { message: RenderedMessage }) {
  const text = message.content.map((part) => part.text ?? (part.media ? `[media: ${part.media.url}]` : '')).join('');
  return (
    <div className={`card preview-message preview-message--${message.role}`}>
      <div className="preview-message__role">{message.role}</div>
      {/* Plain text on purpose: what the model receives, with nothing interpreted as markup. */}
      <pre className="preview-message__text selectable">{text.trim()}</pre>
    </div>
  );
}
