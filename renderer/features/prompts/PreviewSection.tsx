import { useState } from 'react';
import type { PromptDetail, RenderedMessage } from '../../../shared/prompts';
import { useRenderedPrompt } from '../../api/queries';
import { Section } from '../../components/Section';
import { Skeleton } from '../../components/Skeleton';
import { TextWithCode } from '../../components/TextWithCode';
import './preview.css';

/** Exactly what will be sent for one case, role by role, rendered by the core with Dotprompt. */
export function PreviewSection({ prompt }: { prompt: PromptDetail }) {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  // Fall back to the first case when none is chosen or the chosen one was removed from the file.
  const caseName = prompt.cases.some((c) => c.name === chosen) ? chosen : prompt.cases[0]?.name;
  const rendered = useRenderedPrompt(prompt.name, caseName);

  const picker =
    prompt.cases.length > 0 ? (
      <label className="preview-picker">
        <span className="visually-hidden">Case to preview</span>
        <select value={caseName} onChange={(event) => setChosen(event.target.value)} aria-label="Case to preview">
          {prompt.cases.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
    ) : (
      <span>Input defaults</span>
    );

  return (
    <Section title="Preview" aside={picker}>
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

function PreviewMessage({ message }: { message: RenderedMessage }) {
  const text = message.content.map((part) => part.text ?? (part.media ? `[media: ${part.media.url}]` : '')).join('');
  return (
    <div className={`card preview-message preview-message--${message.role}`}>
      <div className="preview-message__role">{message.role}</div>
      {/* Plain text on purpose: what the model receives, with nothing interpreted as markup. */}
      <pre className="preview-message__text selectable">{text.trim()}</pre>
    </div>
  );
}
