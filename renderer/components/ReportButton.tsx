import { useSaveRunFile } from '../api/exportQueries';
import { Button } from './Button';
import { DownloadIcon } from './DownloadIcon';
import { errorMessage } from './ErrorState';
import './reportButton.css';

interface ReportButtonProps {
  runId: string;
  /** With a second run, the report compares the two (this run against that one). */
  compareRunId?: string | null;
  label?: string;
}

/** Saves one self-contained HTML page (figures, charts, no network) to share a run or a comparison; the notice says where. */
export function ReportButton({ runId, compareRunId, label = 'Report' }: ReportButtonProps) {
  const report = useSaveRunFile();
  const comparing = Boolean(compareRunId);
  return (
    <span className="report-button">
      <Button
        variant="ghost"
        disabled={report.isPending}
        title={comparing ? 'Save the comparison as one HTML file to share' : 'Save this run as one HTML file to share'}
        onClick={() => report.mutate(compareRunId ? { runId, format: 'html', compareRunId } : { runId, format: 'html' })}
      >
        <DownloadIcon size={14} />
        {report.isPending ? 'Preparing…' : label}
      </Button>
      {report.isError && (
        <span className="report-button__error" role="alert" title={errorMessage(report.error)}>
          Couldn’t make the report: {errorMessage(report.error)}
        </span>
      )}
    </span>
  );
}
