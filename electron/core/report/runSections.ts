// The parts of a one-run report: what was run, the overall figures, the per-cell table, the prompt
// text as run, and for each cell its most common output and a few rated samples with their notes.
import type { Sample } from '../../../shared/runs';
import type { SampleRating } from '../../../shared/ratings';
import type { CellMetrics } from '../../../shared/variance/cellMetrics';
import { NO_VALUE, clipped, costText, dateText, fixed, msText, percent, ratingText } from './reportFormat';
import { cellName, type ReportRun } from './reportRun';
import { html, type SafeHtml } from './safeHtml';

/** Rated or noted samples shown under each cell. */
export const SAMPLES_PER_CELL = 3;

export function runFacts(run: ReportRun): SafeHtml {
  const { summary, request } = run.detail;
  const rows: [string, string][] = [
    ['Prompt', summary.prompt],
    ['Version', run.version],
    ...(run.approvals.length > 0 ? [['Approved as', run.approvals.join(', ')] as [string, string]] : []),
    ['Run', summary.runId],
    ['Started', dateText(summary.createdAt)],
    ['Status', summary.stopReason ? `${summary.status}: ${summary.stopReason}` : summary.status],
    ['Models', summary.models.join(', ')],
    ['Temperatures', summary.temperatures.join(', ')],
    ['Cases', summary.cases.join(', ')],
    ['Samples per cell', String(request.samples)],
  ];
  return html`<dl class="facts">${rows.map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>`)}</dl>`;
}

export function overallFigures(run: ReportRun): SafeHtml {
  const { summary } = run.detail;
  const { overview } = run;
  const figures: [string, string, string?][] = [
    ['Samples', String(summary.total), summary.pending + summary.cancelled > 0 ? `${summary.pending + summary.cancelled} not run` : undefined],
    ['OK / errors', `${summary.ok} / ${summary.errors}`, overview.errorRate === null ? undefined : `${percent(overview.errorRate, 1)} failed`],
    ['Mean rating', overview.ratingMean === null ? NO_VALUE : overview.ratingMean.toFixed(2), overview.ratingMean === null ? 'nothing rated' : `± ${fixed(overview.ratingSd)} · n=${overview.rated}`],
    ['Consistency', fixed(overview.consistency), 'mean over cells, 0–1'],
    ['Cost', costText(summary.costUsd), `${summary.inputTokens} in / ${summary.outputTokens} out tokens`],
    ['Latency p50', msText(overview.latencyP50Ms), 'ok samples'],
  ];
  return html`<div class="figures">${figures.map(
    ([label, value, note]) => html`<div class="figure"><div class="figure-label">${label}</div><div class="figure-value">${value}</div>${note ? html`<div class="figure-note">${note}</div>` : ''}</div>`,
  )}</div>`;
}

export function cellTable(run: ReportRun): SafeHtml {
  const rows = run.metrics.map(
    (cell) => html`<tr>
<td>${cell.model}</td><td class="num">${cell.temperature}</td><td>${cell.case}</td>
<td class="num">${cell.ok}${cell.errors > 0 ? html` <span class="bad">/ ${cell.errors} err</span>` : ''}</td>
<td class="num">${cell.distinct}</td><td class="num">${percent(cell.mostCommonShare)}</td>
<td class="num">${fixed(cell.meanSimilarity)}</td>
<td class="num">${ratingText(cell.ratingMean, cell.ratingSd, cell.rated)}</td>
<td class="num">${cell.meanLength === null ? NO_VALUE : Math.round(cell.meanLength)}${cell.lengthSd === null ? '' : ` ± ${Math.round(cell.lengthSd)}`}</td>
</tr>`,
  );
  return html`<div class="table-wrap"><table class="cells"><thead><tr>
<th>Model</th><th class="num">Temp</th><th>Case</th><th class="num">OK</th><th class="num">Distinct</th><th class="num">Most common</th>
<th class="num">Similarity</th><th class="num">Rating</th><th class="num">Length (chars)</th>
</tr></thead><tbody>${rows}</tbody></table></div>`;
}

export function promptText(source: string | null): SafeHtml {
  return source === null ? html`<p class="muted">The prompt text of this run is not in the database.</p>` : html`<pre class="prompt">${source}</pre>`;
}

function stars(rating: number | null): string {
  return rating === null ? 'unrated' : `${'★'.repeat(rating)}${'☆'.repeat(5 - rating)}`;
}

/** Noted samples first (a note says why), then the highest and lowest rated: the spread a reader wants to see. */
function chosenSamples(cell: CellMetrics, samples: ReadonlyMap<string, Sample>, ratings: ReadonlyMap<string, SampleRating>): { sample: Sample; rating: SampleRating }[] {
  const rated = cell.sampleIds
    .map((id) => ({ sample: samples.get(id), rating: ratings.get(id) }))
    .filter((entry): entry is { sample: Sample; rating: SampleRating } => entry.sample !== undefined && entry.rating !== undefined && (entry.rating.rating !== null || entry.rating.note !== null));
  const noted = rated.filter((entry) => entry.rating.note !== null);
  const byRating = rated.filter((entry) => entry.rating.note === null).sort((a, b) => (b.rating.rating ?? 0) - (a.rating.rating ?? 0));
  const spread = byRating.length > 1 ? [byRating[0], byRating[byRating.length - 1], ...byRating.slice(1, -1)] : byRating;
  return [...noted, ...spread].filter((entry): entry is { sample: Sample; rating: SampleRating } => entry !== undefined).slice(0, SAMPLES_PER_CELL);
}

export function cellOutputs(run: ReportRun): SafeHtml {
  const samples = new Map(run.detail.samples.map((sample) => [sample.sampleId, sample]));
  const ratings = new Map(run.detail.ratings.map((rating) => [rating.sampleId, rating]));
  return html`${run.metrics.map((cell) => {
    const chosen = chosenSamples(cell, samples, ratings);
    const firstError = cell.sampleIds.map((id) => samples.get(id)).find((sample) => sample?.status === 'error');
    return html`<section class="cell">
<h3>${cellName(cell)}</h3>
${
  cell.mostCommonOutput === null
    ? html`<p class="muted">No successful output.${firstError?.error ? ` First error: ${firstError.error.message}` : ''}</p>`
    : html`<p class="caption">Most common output (${percent(cell.mostCommonShare)} of ${cell.ok} ok, ${cell.distinct} distinct)</p><pre class="output">${clipped(cell.mostCommonOutput)}</pre>`
}
${chosen.map(({ sample, rating }) => {
  const same = sample.output !== null && sample.output === cell.mostCommonOutput;
  return html`<div class="sample"><p class="caption"><span class="stars" title="${rating.rating === null ? 'unrated' : `rated ${rating.rating} of 5`}">${stars(rating.rating)}</span> sample #${sample.index + 1}${same ? ' · the most common output' : ''}</p>
${same ? '' : html`<pre class="output">${clipped(sample.output ?? sample.error?.message ?? '')}</pre>`}${rating.note ? html`<p class="note">${rating.note}</p>` : ''}</div>`;
})}
</section>`;
  })}`;
}
