import { useMemo } from 'react';
import { percent } from '../../../../shared/checks/passRate';
import type { RunChecks } from '../../../../shared/checks/runChecks';
import type { RunDetail } from '../../../../shared/runs';
import type { CellMetrics } from '../../../../shared/variance/cellMetrics';
import { consistencyByTemperature, lengthDistribution, ratingByTemperature, ratingDistribution } from '../../../../shared/variance/runCharts';
import { MIN_TO_COMPARE } from '../../../../shared/variance/summaryStats';
import { ChartCard } from './ChartCard';
import { LengthChart } from './LengthChart';
import { RatingBarsChart } from './RatingBarsChart';
import { TemperatureChart } from './TemperatureChart';
import { CONSISTENCY_SCALE, RATING_SCALE } from '../../../../shared/charts/chartStyle';
import { intervalOffsets, lengthRows, paletteStyle, passRateRows, seriesColour, temperatureRows } from './chartData';

const RATE_FIRST = 'Rate some samples to see this chart.';
/** Beyond this many cells a box plot per cell stops being readable even when scrolled. */
const MAX_LENGTH_ROWS = 150;

const oneDecimal = (value: number) => value.toFixed(1);
const twoDecimals = (value: number) => value.toFixed(2);

/**
 * The run's charts: rating and consistency against temperature, output lengths, how ratings spread,
 * and, when the prompt has checks, the pass rate against temperature.
 */
export default function ChartGrid({ detail, metrics, checks }: { detail: RunDetail; metrics: CellMetrics[]; checks: RunChecks | undefined }) {
  const charts = useMemo(() => {
    const ratingSeries = ratingByTemperature(metrics, detail.samples, detail.ratings);
    const consistencySeries = consistencyByTemperature(metrics);
    const lengths = lengthRows(lengthDistribution(metrics, detail.samples));
    return {
      models: ratingSeries.map((line) => line.model),
      rated: detail.ratings.filter((entry) => entry.rating !== null).length,
      ratingRows: temperatureRows(ratingSeries, (point) => ({ value: point.mean, error: intervalOffsets(point.mean, point.low, point.high, RATING_SCALE.domain), n: point.n })),
      consistencyRows: temperatureRows(consistencySeries, (point) => ({ value: point.mean, error: intervalOffsets(point.mean, point.low, point.high, CONSISTENCY_SCALE.domain), n: point.cells })),
      hasConsistency: consistencySeries.some((line) => line.points.some((point) => point.mean !== null)),
      hasAnswers: metrics.some((cell) => cell.ok > 0),
      lengths,
      counts: ratingDistribution(detail.ratings),
    };
  }, [detail.samples, detail.ratings, metrics]);

  const passRates = useMemo(() => (checks && checks.checks.length > 0 ? passRateRows(charts.models, checks.byModelTemperature) : null), [checks, charts.models]);
  const legend = charts.models.map((model, index) => ({ label: model, colour: seriesColour(index) }));
  const shownLengths = charts.lengths.slice(0, MAX_LENGTH_ROWS);
  return (
    <div className="run-charts" style={paletteStyle()}>
      <ChartCard
        title="Mean rating by temperature"
        caption="Mean of the rated samples at each temperature, one line per model; bars show the 95% interval where two or more are rated."
        legend={legend}
        empty={charts.rated === 0 ? RATE_FIRST : null}
      >
        <TemperatureChart rows={charts.ratingRows} models={charts.models} yDomain={RATING_SCALE.domain} yTicks={RATING_SCALE.ticks} format={oneDecimal} countLabel="rated" errorBars />
      </ChartCard>
      <ChartCard
        title="Consistency by temperature"
        caption={`How alike a cell’s outputs are, 0 (all different) to 1 (all the same), averaged over the cases with ${MIN_TO_COMPARE} answers or more; bars show the 95% interval.`}
        legend={legend}
        empty={charts.hasConsistency ? null : charts.hasAnswers ? `No cell has ${MIN_TO_COMPARE} answers yet: consistency compares a cell’s answers with each other.` : 'No finished samples yet.'}
      >
        <TemperatureChart rows={charts.consistencyRows} models={charts.models} yDomain={CONSISTENCY_SCALE.domain} yTicks={CONSISTENCY_SCALE.ticks} format={twoDecimals} countLabel="cells" errorBars />
      </ChartCard>
      <ChartCard
        title="Output length per cell"
        caption={`Characters per output: the box spans the middle half, the bar marks the median, whiskers reach the shortest and longest.${charts.lengths.length > MAX_LENGTH_ROWS ? ` First ${MAX_LENGTH_ROWS} of ${charts.lengths.length} cells.` : ''}`}
        legend={charts.models.length > 1 ? legend : []}
        empty={charts.lengths.length === 0 ? 'No finished samples yet.' : null}
      >
        <div className="run-charts__scroll">
          <LengthChart rows={shownLengths} />
        </div>
      </ChartCard>
      {passRates && (
        <ChartCard
          title="Pass rate by temperature"
          caption="Share of the finished samples that passed every check, over all cases, one line per model; bars show the 95% interval (Wilson). The prompt’s checks as its files hold them now."
          legend={legend}
          empty={passRates.length === 0 ? 'No finished samples yet.' : null}
        >
          <TemperatureChart rows={passRates} models={charts.models} yDomain={CONSISTENCY_SCALE.domain} yTicks={CONSISTENCY_SCALE.ticks} format={percent} yTickFormat={percent} countLabel="decided" errorBars />
        </ChartCard>
      )}
      <ChartCard title="Rating distribution" caption="How many samples got each rating, over the whole run." empty={charts.rated === 0 ? RATE_FIRST : null}>
        <RatingBarsChart counts={charts.counts} />
      </ChartCard>
    </div>
  );
}
