import { CartesianGrid, ErrorBar, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { seriesColour, temperatureDomain, type TemperatureRow } from './chartData';
import { ChartTooltip } from './ChartTooltip';

interface TemperatureChartProps {
  rows: TemperatureRow[];
  models: readonly string[];
  yDomain: [number, number];
  yTicks: number[];
  /** How a value reads in the tooltip, e.g. "4.2" or "0.83". */
  format: (value: number) => string;
  /** What a point's n counts, e.g. "rated" or "cells". */
  countLabel: string;
  /** Draw each row's e<i> offsets as vertical error bars (the 95% interval). */
  errorBars?: boolean;
  /** How the y axis labels its ticks (default: as the numbers are). */
  yTickFormat?: (value: number) => string;
}

export const AXIS_TICK = { fill: 'var(--color-text-faint)', fontSize: 11 };
export const AXIS_LINE = { stroke: 'var(--color-border-strong)' };

/** A line per model against temperature. Drawn without animation so screenshots and exports are what was shown. */
export function TemperatureChart({ rows, models, yDomain, yTicks, format, countLabel, errorBars = false, yTickFormat }: TemperatureChartProps) {
  const temperatures = rows.map((row) => row.temperature);
  return (
    <LineChart responsive style={{ width: '100%', height: 260 }} data={rows} margin={{ top: 8, right: 16, bottom: 4, left: -8 }}>
      <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" vertical={false} />
      <XAxis
        dataKey="temperature"
        type="number"
        domain={temperatureDomain(rows)}
        ticks={temperatures}
        tick={AXIS_TICK}
        axisLine={AXIS_LINE}
        tickLine={AXIS_LINE}
        padding={{ left: 16, right: 16 }}
        label={{ value: 'Temperature', position: 'insideBottom', offset: -2, fill: 'var(--color-text-faint)', fontSize: 11 }}
        height={36}
      />
      <YAxis domain={yDomain} ticks={yTicks} tick={AXIS_TICK} axisLine={false} tickLine={false} tickFormatter={yTickFormat} width={yTickFormat ? 48 : undefined} />
      <Tooltip
        cursor={{ stroke: 'var(--color-border-strong)' }}
        isAnimationActive={false}
        content={({ active, label }) => <ChartTooltip active={active} row={rows.find((row) => row.temperature === label)} models={models} format={format} countLabel={countLabel} />}
      />
      {models.map((model, index) => (
        <Line
          key={model}
          name={model}
          dataKey={`v${index}`}
          stroke={seriesColour(index)}
          strokeWidth={2}
          dot={{ r: 3.5, fill: seriesColour(index), stroke: 'var(--color-bg-raised)', strokeWidth: 1.5 }}
          activeDot={{ r: 5, stroke: 'var(--color-bg-raised)', strokeWidth: 2 }}
          connectNulls
          isAnimationActive={false}
        >
          {errorBars && <ErrorBar dataKey={`e${index}`} direction="y" width={6} stroke={seriesColour(index)} strokeWidth={1.5} isAnimationActive={false} />}
        </Line>
      ))}
    </LineChart>
  );
}
