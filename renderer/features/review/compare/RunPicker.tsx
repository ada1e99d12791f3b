import { useId } from 'react';
import type { RunSummary } from '../../../../shared/runs';
import { otherRuns, runLabel } from '../../../components/compare/runChoices';
import '../../../components/dialog.css';

interface RunPickerProps {
  runId: string;
  runs: readonly RunSummary[];
  /** The run shown, picked or suggested. */
  value: string | null;
  suggested: string | null;
  onPick: (runId: string | null) => void;
}

/** The other runs of the prompt, newest first; the suggested one says so. */
export function RunPicker({ runId, runs, value, suggested, onPick }: RunPickerProps) {
  const id = useId();
  const others = otherRuns(runs, runId);
  return (
    <div className="compare-picker">
      <label htmlFor={id} className="compare-picker__label">
        Compare with
      </label>
      <select id={id} className="select compare-picker__select" value={value ?? ''} onChange={(event) => onPick(event.target.value || null)} disabled={others.length === 0}>
        {value === null && <option value="">No other run</option>}
        {others.map((run) => (
          <option key={run.runId} value={run.runId}>
            {runLabel(run)}
            {run.runId === suggested ? ' (latest finished)' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
