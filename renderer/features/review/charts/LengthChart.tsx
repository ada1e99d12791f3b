import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { seriesColour, type LengthRow } from './chartData';
import { AXIS_LINE, AXIS_TICK } from './TemperatureChart';

const ROW_HEIGHT = 26;
const AXIS_HEIGHT = 40;

interface BoxShapeProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  payload?: LengthRow;
}

/**
 * One cell's lengths drawn over its [min, max] bar: a whisker across the range, a box over the
 * middle half (q1–q3) and a line at the median. Positions inside the bar follow from its ends.
 */
function BoxShape({ x = 0, y = 0, width = 0, height = 0, payload }: BoxShapeProps) {
  if (!payload) return null;
  const span = payload.max - payload.min;
  const at = (value: number) => (span > 0 ? x + ((value - payload.min) / span) * width : x);
  const middle = y + height / 2;
  const colour = seriesColour(payload.colour);
  const boxHeight = Math.min(14, height);
  const boxLeft = at(payload.q1);
  return (
    <g className="length-box">
      <line x1={x} x2={x + width} y1={middle} y2={middle} stroke="var(--color-text-faint)" strokeWidth={1} />
      <line x1={x} x2={x} y1={middle - 4} y2={middle + 4} stroke="var(--color-text-faint)" strokeWidth={1} />
      <line x1={x + width} x2={x + width} y1={middle - 4} y2={middle + 4} stroke="var(--color-text-faint)" strokeWidth={1} />
      <rect x={boxLeft} y={middle - boxHeight / 2} width={Math.max(2, at(payload.q3) - boxLeft)} height={boxHeight} rx={2} fill={colour} fillOpacity={0.22} stroke={colour} strokeWidth={1.25} />
      <line x1={at(payload.median)} x2={at(payload.median)} y1={middle - boxHeight / 2} y2={middle + boxHeight / 2} stroke={colour} strokeWidth={2.5} />
    </g>
  );
}

function LengthTooltip({ active, row }: { active: boolean | undefined; row: LengthRow | undefined }) {
  if (!active || !row) return null;
  const figures: [string, number][] = [
    ['Shortest', row.min],
    ['Lower quartile', row.q1],
    ['Median', row.median],
    ['Upper quartile', row.q3],
    ['Longest', row.max],
  ];
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{row.label}</p>
      <dl className="chart-tooltip__figures">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{Math.round(value).toLocaleString('en-US')}</dd>
          </div>
        ))}
      </dl>
      <p className="chart-tooltip__n">{row.n} outputs, in characters</p>
    </div>
  );
}

/** Beyond this the labels would crowd out the boxes; longer ones are cut (the tooltip has them whole). */
const MAX_LABEL_WIDTH = 220;
/** Roughly the width of a character of 11px UI text. */
const CHAR_WIDTH = 6.2;

/** Box plots of output length, one row per cell; tall runs scroll inside the card. */
export function LengthChart({ rows }: { rows: LengthRow[] }) {
  const labelWidth = Math.min(MAX_LABEL_WIDTH, 12 + Math.max(...rows.map((row) => row.label.length)) * CHAR_WIDTH);
  const fits = Math.floor((labelWidth - 12) / CHAR_WIDTH);
  return (
    <BarChart
      responsive
      layout="vertical"
      style={{ width: '100%', height: rows.length * ROW_HEIGHT + AXIS_HEIGHT }}
      data={rows}
      margin={{ top: 4, right: 20, bottom: 4, left: 0 }}
      barCategoryGap={4}
    >
      <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" horizontal={false} />
      <XAxis
        type="number"
        tick={AXIS_TICK}
        axisLine={AXIS_LINE}
        tickLine={AXIS_LINE}
        domain={[0, 'auto']}
        allowDecimals={false}
        label={{ value: 'Characters', position: 'insideBottom', offset: -2, fill: 'var(--color-text-faint)', fontSize: 11 }}
        height={36}
      />
      <YAxis
        type="category"
        dataKey="label"
        width={labelWidth}
        tick={AXIS_TICK}
        tickFormatter={(label: string) => (label.length > fits ? `${label.slice(0, fits - 1)}…` : label)}
        axisLine={false}
        tickLine={false}
        interval={0}
      />
      <Tooltip cursor={{ fill: 'var(--color-bg-hover)' }} isAnimationActive={false} content={({ active, label }) => <LengthTooltip active={active} row={rows.find((row) => row.label === label)} />} />
      <Bar dataKey="range" shape={<BoxShape />} isAnimationActive={false} />
    </BarChart>
  );
}
