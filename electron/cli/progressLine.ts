// The run's progress on stderr: a bar redrawn in place on a terminal, a plain line every few
// seconds otherwise (CI logs, pipes), so neither floods the output.
import type { RunProgress } from '../../shared/runs';

export interface ProgressOutput {
  /** Writes raw text (no newline added). */
  write(text: string): void;
  isTerminal: boolean;
  columns?: number;
}

const BAR_WIDTH = 24;
const PLAIN_INTERVAL_MS = 2000;

export function formatProgress(progress: RunProgress): string {
  const fraction = progress.total === 0 ? 1 : progress.done / progress.total;
  const filled = Math.round(fraction * BAR_WIDTH);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
  const parts = [`${bar} ${progress.done}/${progress.total}`, `${Math.floor(fraction * 100)}%`];
  if (progress.errors > 0) parts.push(`${progress.errors} error${progress.errors === 1 ? '' : 's'}`);
  if (progress.rate > 0) parts.push(`${progress.rate >= 10 ? Math.round(progress.rate) : progress.rate.toFixed(1)}/s`);
  if (progress.etaMs !== null && progress.done < progress.total) parts.push(`ETA ${formatDuration(progress.etaMs)}`);
  return parts.join('  ');
}

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

export function progressReporter(output: ProgressOutput, now: () => number = Date.now) {
  let lastPlain = -Infinity;
  let lastLine = '';
  let drawn = false;
  return {
    update(progress: RunProgress): void {
      const line = formatProgress(progress);
      if (output.isTerminal) {
        const width = output.columns ?? 80;
        output.write(`\r${line.slice(0, width - 1)}\u001b[K`);
        drawn = true;
        return;
      }
      if (now() - lastPlain >= PLAIN_INTERVAL_MS) {
        lastPlain = now();
        lastLine = line;
        output.write(`${line}\n`);
      }
    },
    /** Ends the in-place line so what follows starts on its own line. */
    finish(progress: RunProgress | null): void {
      if (output.isTerminal) {
        if (progress) output.write(`\r${formatProgress(progress)}\u001b[K\n`);
        else if (drawn) output.write('\n');
      } else if (progress && formatProgress(progress) !== lastLine) {
        output.write(`${formatProgress(progress)}\n`);
      }
    },
  };
}
