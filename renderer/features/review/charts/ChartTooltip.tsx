import { seriesColour, type TemperatureRow } from './chartData';

interface ChartTooltipProps {
  active: boolean | undefined;
  row: TemperatureRow | undefined;
  models: readonly string[];
  format: (value: number) => string;
  countLabel: string;
}

/** Every model's value at the hovered temperature, with its interval and what it is a mean of. */
export function ChartTooltip({ active, row, models, format, countLabel }: ChartTooltipProps) {
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">Temperature {row.temperature}</p>
      <ul>
        {models.map((model, index) => {
          const value = row[`v${index}`];
          if (typeof value !== 'number') return null;
          const error = row[`e${index}`];
          const n = row[`n${index}`];
          return (
            <li key={model} className="chart-tooltip__row">
              <span className="chart-legend__swatch" style={{ background: seriesColour(index) }} aria-hidden="true" />
              <span className="chart-tooltip__model">{model}</span>
              <span className="chart-tooltip__value">
                {format(value)}
                {Array.isArray(error) && ` (${format(value - error[0])}–${format(value + error[1])})`}
              </span>
              <span className="chart-tooltip__n">
                {typeof n === 'number' ? n : 0} {countLabel}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
