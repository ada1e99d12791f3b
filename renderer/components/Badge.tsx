import type { ReactNode } from 'react';
import './components.css';

type Tone = 'dirty' | 'warning' | 'neutral';

/** A status word with a leading dot, e.g. "Uncommitted changes". */
export function Badge({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      <span className="badge__dot" aria-hidden="true" />
      {children}
    </span>
  );
}
