import type { ReactNode } from 'react';
import './components.css';

type Tone = 'dirty' | 'warning' | 'neutral' | 'success' | 'danger' | 'accent';

/** A status word with a leading dot, e.g. "Uncommitted changes". */
export function Badge({ tone, children, title, pulse = false }: { tone: Tone; children: ReactNode; title?: string; pulse?: boolean }) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      <span className={`badge__dot${pulse ? ' badge__dot--pulse' : ''}`} aria-hidden="true" />
      {children}
    </span>
  );
}
