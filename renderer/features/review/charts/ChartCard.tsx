import { useRef, useState, type ReactNode } from 'react';
import { DownloadIcon } from '../../../components/DownloadIcon';
import { errorMessage } from '../../../components/ErrorState';
import { Menu } from '../../../components/Menu';
import { exportChart } from './chartExport';
import type { LegendEntry } from './standaloneSvg';

interface ChartCardProps {
  title: string;
  /** One sentence on what the chart shows and how to read it. */
  caption: string;
  legend?: readonly LegendEntry[];
  /** Shown instead of the chart when there is nothing to draw yet; also disables export. */
  empty?: string | null;
  children: ReactNode;
}

/** A chart with its title, caption, legend and an Export menu (SVG or PNG). */
export function ChartCard({ title, caption, legend = [], empty = null, children }: ChartCardProps) {
  const card = useRef<HTMLElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const headingId = `chart-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

  function save(format: 'svg' | 'png') {
    if (!card.current) return;
    setExportError(null);
    exportChart(card.current, title, format).catch((error: unknown) => setExportError(errorMessage(error)));
  }

  return (
    <section ref={card} className="chart-card" aria-labelledby={headingId}>
      <header className="chart-card__header">
        <div className="chart-card__heading">
          <h3 id={headingId} className="chart-card__title">
            {title}
          </h3>
          <p className="chart-card__caption">{caption}</p>
        </div>
        {!empty && (
          <Menu
            label={`Export “${title}”`}
            trigger={<DownloadIcon />}
            items={[
              { label: 'Export as SVG', onSelect: () => save('svg') },
              { label: 'Export as PNG', onSelect: () => save('png') },
            ]}
          />
        )}
      </header>
      {!empty && legend.length > 0 && (
        <ul className="chart-legend" aria-label="Legend">
          {legend.map((entry) => (
            <li key={entry.label} className="chart-legend__entry" data-legend-entry>
              <span className="chart-legend__swatch" data-swatch style={{ background: entry.colour }} aria-hidden="true" />
              {entry.label}
            </li>
          ))}
        </ul>
      )}
      {empty ? <p className="chart-card__empty">{empty}</p> : <div className="chart-card__body">{children}</div>}
      {exportError && (
        <p className="chart-card__error" role="alert">
          {exportError}
        </p>
      )}
    </section>
  );
}
