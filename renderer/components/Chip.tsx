import type { ReactNode } from 'react';
import './components.css';

/** A small rounded label for plain values (temperatures, formats). */
export function Chip({ children, tone = 'neutral' }: { children: ReactNode; tone?: 'neutral' | 'accent' }) {
  return <span className={`chip chip--md chip--${tone}`}>{children}</span>;
}
