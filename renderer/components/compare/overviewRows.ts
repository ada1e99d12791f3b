// The side-by-side figures of two runs, written for people: each run's value, the change, and
// whether the change is better or worse. A change only gets a colour when it passes the same
// NOTABLE_CHANGE bar the plain-language summary uses: sampling is noisy, and a red 0.01 would
// send someone chasing a wobble.
import { NOTABLE_CHANGE, type RunComparison, type RunOverview } from '../../../shared/variance/runComparison';
import { formatCost, formatDuration } from '../../lib/runFormat';

export type Tone = 'better' | 'worse' | 'neutral';

export interface OverviewRow {
  label: string;
  /** Hint on how to read the figure. */
  hint: string;
  a: string;
  b: string;
  /** b − a, signed; null when either run has no value. */
  change: string | null;
  tone: Tone;
}

const percent = (share: number) => `${(share * 100).toFixed(0)}%`;
/** "+0.30", "−4"; a change too small to show at this precision reads "±0.00", never "−0.00". */
export function withSign(value: number, magnitude: string): string {
  if (!/[1-9]/.test(magnitude)) return `±${magnitude}`;
  return `${value > 0 ? '+' : '−'}${magnitude}`;
}
const points = (share: number) => `${withSign(share, Math.abs(share * 100).toFixed(0))} pts`;
const signed = (value: number, digits: number) => withSign(value, Math.abs(value).toFixed(digits));

/** Whether b − a is better, given which way is up and how big a change counts. */
export function toneOf(delta: number | null, higherIsBetter: boolean, notable: number): Tone {
  if (delta === null || Math.abs(delta) < notable || delta === 0) return 'neutral';
  return delta > 0 === higherIsBetter ? 'better' : 'worse';
}

function relativeChange(a: number | null, b: number | null): number | null {
  if (a === null || b === null || a === 0) return null;
  return (b - a) / a;
}

interface Figure {
  label: string;
  hint: string;
  value: (run: RunOverview) => number | null;
  format: (value: number) => string;
  /** The change b − a as shown; given both values for figures that read better as a ratio. */
  change: (delta: number, a: number, b: number) => string;
  tone: (a: RunOverview, b: RunOverview) => Tone;
}

const dash = '—';

/** "$0.00021": two significant digits, since a sample often costs a fraction of a cent. */
export function costPerSample(usd: number): string {
  return usd > 0 && usd < 0.01 ? `$${usd.toPrecision(2)}` : formatCost(usd);
}

const FIGURES: Figure[] = [
  {
    label: 'Mean rating',
    hint: '1–5, over the rated samples',
    value: (run) => run.ratingMean,
    format: (value) => value.toFixed(2),
    change: (delta) => signed(delta, 2),
    tone: (a, b) => toneOf(delta(a.ratingMean, b.ratingMean), true, NOTABLE_CHANGE.ratingMean),
  },
  {
    label: 'Rated samples',
    hint: 'how much the mean rests on',
    value: (run) => run.rated,
    format: (value) => value.toLocaleString('en-US'),
    change: (value) => signed(value, 0),
    tone: () => 'neutral',
  },
  {
    label: 'Consistency',
    hint: '0 all different – 1 all the same',
    value: (run) => run.consistency,
    format: (value) => value.toFixed(2),
    change: (value) => signed(value, 2),
    tone: (a, b) => toneOf(delta(a.consistency, b.consistency), true, NOTABLE_CHANGE.consistency),
  },
  {
    label: 'Distinct outputs',
    hint: 'share of ok samples that differ',
    value: (run) => run.distinctShare,
    format: percent,
    change: points,
    tone: (a, b) => toneOf(delta(a.distinctShare, b.distinctShare), false, NOTABLE_CHANGE.distinctShare),
  },
  {
    label: 'Schema-valid',
    hint: 'outputs fitting the output schema',
    value: (run) => run.schemaValidRate,
    format: percent,
    change: points,
    tone: (a, b) => toneOf(delta(a.schemaValidRate, b.schemaValidRate), true, NOTABLE_CHANGE.schemaValidRate),
  },
  {
    label: 'Error rate',
    hint: 'finished calls that failed',
    value: (run) => run.errorRate,
    format: (value) => (value === 0 ? '0%' : `${(value * 100).toFixed(1)}%`),
    change: (value) => `${withSign(value, Math.abs(value * 100).toFixed(1))} pts`,
    // Starting or stopping to fail at all always counts, as in the summary.
    tone: (a, b) => (a.errors === 0) !== (b.errors === 0) ? (b.errors > 0 ? 'worse' : 'better') : toneOf(delta(a.errorRate, b.errorRate), false, NOTABLE_CHANGE.errorRate),
  },
  {
    label: 'Cost per sample',
    hint: 'mean over priced samples',
    value: (run) => run.costPerSample,
    format: costPerSample,
    // Fractions of a cent differ in the third significant digit; a ratio says it plainly.
    change: (_delta, a, b) => (a === 0 ? `+${costPerSample(b)}` : `${b > a ? '+' : '−'}${Math.abs(((b - a) / a) * 100).toFixed(0)}%`),
    tone: (a, b) => toneOf(relativeChange(a.costPerSample, b.costPerSample), false, NOTABLE_CHANGE.costPerSample),
  },
  {
    label: 'Median latency',
    hint: 'of ok samples',
    value: (run) => run.latencyP50Ms,
    format: formatDuration,
    change: (value) => withSign(value, formatDuration(Math.abs(value))),
    tone: (a, b) => {
      const change = delta(a.latencyP50Ms, b.latencyP50Ms);
      if (change === null || Math.abs(change) < NOTABLE_CHANGE.latencyP50Ms) return 'neutral';
      return toneOf(relativeChange(a.latencyP50Ms, b.latencyP50Ms), false, NOTABLE_CHANGE.latencyP50);
    },
  },
];

function delta(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : b - a;
}

/** Rows for the overview table; a figure neither run has (no schema, no prices) is left out. */
export function overviewRows(comparison: Pick<RunComparison, 'a' | 'b'>): OverviewRow[] {
  const { a, b } = comparison;
  return FIGURES.filter((figure) => figure.value(a) !== null || figure.value(b) !== null).map((figure) => {
    const valueA = figure.value(a);
    const valueB = figure.value(b);
    const change = delta(valueA, valueB);
    return {
      label: figure.label,
      hint: figure.hint,
      a: valueA === null ? dash : figure.format(valueA),
      b: valueB === null ? dash : figure.format(valueB),
      change: change === null || valueA === null || valueB === null ? null : change === 0 ? 'no change' : figure.change(change, valueA, valueB),
      tone: figure.tone(a, b),
    };
  });
}
