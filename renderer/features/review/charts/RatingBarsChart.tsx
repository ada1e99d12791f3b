import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { RatingCount } from '../../../../shared/variance/runCharts';
import { AXIS_LINE, AXIS_TICK } from './TemperatureChart';

function CountTooltip({ active, entry }: { active: boolean | undefined; entry: RatingCount | undefined }) {
  if (!active || !entry) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">
        {entry.count} {entry.count === 1 ? 'sample' : 'samples'} rated {entry.rating}
      </p>
    </div>
  );
}

/** How many samples got each rating, 1 to 5, with the count over each bar. */
export function RatingBarsChart({ counts }: { counts: RatingCount[] }) {
  return (
    <BarChart responsive style={{ width: '100%', height: 260 }} data={counts} margin={{ top: 20, right: 16, bottom: 4, left: -8 }}>
      <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" vertical={false} />
      <XAxis
        dataKey="rating"
        tick={AXIS_TICK}
        axisLine={AXIS_LINE}
        tickLine={AXIS_LINE}
        label={{ value: 'Rating', position: 'insideBottom', offset: -2, fill: 'var(--color-text-faint)', fontSize: 11 }}
        height={36}
      />
      <YAxis allowDecimals={false} tick={AXIS_TICK} axisLine={false} tickLine={false} />
      <Tooltip cursor={{ fill: 'var(--color-bg-hover)' }} isAnimationActive={false} content={({ active, label }) => <CountTooltip active={active} entry={counts.find((entry) => entry.rating === label)} />} />
      <Bar dataKey="count" fill="var(--chart-1)" radius={[3, 3, 0, 0]} maxBarSize={56} isAnimationActive={false}>
        <LabelList dataKey="count" position="top" fill="var(--color-text-muted)" fontSize={11} />
      </Bar>
    </BarChart>
  );
}
