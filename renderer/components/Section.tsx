import type { ReactNode } from 'react';
import './components.css';

interface SectionProps {
  title: string;
  aside?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** A titled block of the main page; the aside carries a short summary such as a count. */
export function Section({ title, aside, children, className }: SectionProps) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={`section${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <header className="section__header">
        <h2 className="section__title" id={id}>
          {title}
        </h2>
        {aside && <div className="section__aside">{aside}</div>}
      </header>
      {children}
    </section>
  );
}
