import { useSaveRunFile } from '../api/exportQueries';
import { DownloadIcon } from './DownloadIcon';
import { errorMessage } from './ErrorState';
import { FileIcon } from './icons';
import { Menu } from './Menu';
import './reportButton.css';

/** A run's samples as a file, one per row (CSV) or line (JSON lines): what `workbench export` writes. */
export function ExportMenu({ runId }: { runId: string }) {
  const save = useSaveRunFile();
  return (
    <span className="report-button">
      <Menu
        label="Export the samples"
        text={save.isPending ? 'Exporting…' : 'Export'}
        trigger={<DownloadIcon size={14} />}
        items={[
          { label: 'Samples as CSV', icon: <FileIcon size={14} />, onSelect: () => save.mutate({ runId, format: 'csv' }) },
          { label: 'Samples as JSON lines', icon: <FileIcon size={14} />, onSelect: () => save.mutate({ runId, format: 'jsonl' }) },
        ]}
      />
      {save.isError && (
        <span className="report-button__error" role="alert" title={errorMessage(save.error)}>
          Couldn’t export: {errorMessage(save.error)}
        </span>
      )}
    </span>
  );
}
