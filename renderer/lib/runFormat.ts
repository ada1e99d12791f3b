// Numbers of a run, written for people: money, durations, rates and token counts.
import type { RunStatus } from '../../shared/runs';

const counts = new Intl.NumberFormat();

/**
 * "1,234": the same as toLocaleString(), through one formatter made once. toLocaleString() sets
 * up a formatter on every call, which adds up on screens that redraw on every keypress.
 */
export function formatCount(count: number): string {
  return counts.format(count);
}

/** "$0.42", "$0.0031", "<$0.0001", "$0.00" for free; "cost unknown" when nothing prices it. */
export function formatCost(usd: number | null): string {
  if (usd === null) return 'cost unknown';
  if (usd === 0) return '$0.00';
  if (usd < 0.0001) return '<$0.0001';
  if (usd < 0.01) return `$${usd.toFixed(4)}`;
  if (usd < 1000) return `$${usd.toFixed(2)}`;
  return `$${Math.round(usd).toLocaleString('en-US')}`;
}

/** "850 ms", "4.2 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(Math.round(seconds % 60)).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** Time left, for people: "under a second", else as formatDuration. */
export function formatTimeLeft(ms: number): string {
  return ms < 1000 ? 'under a second' : `about ${formatDuration(ms)}`;
}

/** "12.5/s", "0.3/s", "4/min" for slow runs. */
export function formatRate(perSecond: number): string {
  if (perSecond <= 0) return '—';
  if (perSecond < 0.1) return `${Math.round(perSecond * 60)}/min`;
  return `${perSecond < 10 ? perSecond.toFixed(1) : Math.round(perSecond)}/s`;
}

/** "840", "12.3k", "4.1M". */
export function formatTokens(count: number): string {
  if (count < 1000) return String(count);
  if (count < 1_000_000) return `${(count / 1000).toFixed(count < 10_000 ? 1 : 0)}k`;
  return `${(count / 1_000_000).toFixed(1)}M`;
}

export const STATUS_LABELS: Record<RunStatus, string> = {
  running: 'Running',
  done: 'Done',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};
