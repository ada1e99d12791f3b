import { trailerLines, type Evidence } from '../../lib/approvalEvidence';
import './approval.css';

/** The evidence exactly as the commit will carry it (git trailers), and the tag approving makes. */
/** `into`: what carries the evidence, the new commit (and its tag) or, for committed text, the tag alone. */
export function TrailerPreview({ evidence, tag, into = 'commit' }: { evidence: Evidence; tag: string | null; into?: 'commit' | 'tag' }) {
  const title = `Evidence written with the ${into}`;
  return (
    <section className="trailer-preview" aria-label={title}>
      <header className="trailer-preview__header">
        <span className="trailer-preview__title">{title}</span>
        {tag && (
          <span className="trailer-preview__tag">
            tag <code>{tag}</code>
          </span>
        )}
      </header>
      <dl className="trailer-preview__lines selectable">
        {trailerLines(evidence).map(([key, value]) => (
          <div key={key} className={`trailer-preview__line${key.endsWith('Rating') && evidence.rating === null ? ' trailer-preview__line--missing' : ''}`}>
            <dt>{key}:</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
