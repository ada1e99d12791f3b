import type { RenderedMessage } from '../../shared/prompts';
import './preview.css';

/** One rendered message, as the model receives it. */
export function PreviewMessage({ message }: { message: RenderedMessage }) {
  const text = message.content.map((part) => part.text ?? (part.media ? `[media: ${part.media.url}]` : '')).join('');
  return (
    <div className={`card preview-message preview-message--${message.role}`}>
      <div className="preview-message__role">{message.role}</div>
      {/* Plain text on purpose: what the model receives, byte for byte (trailing blank lines too), with nothing interpreted as markup. */}
      <pre className="preview-message__text selectable">{text}</pre>
    </div>
  );
}
