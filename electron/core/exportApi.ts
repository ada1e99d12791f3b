// Writing a run out: its samples as CSV or JSON lines (the CLI's `export` and the app's Export
// menu share this one code), and saving those or the report as a file the app can point to.
import type { WorkbenchApi } from '../../shared/api';
import { WorkbenchError } from '../../shared/errors';
import type { RunExport, SampleExportFormat } from '../../shared/exports';
import { checkRunInFull } from './checks/runChecker';
import { reportChecks } from './report/reportChecks';
import { buildRunReport } from './report/runReport';
import { exportsFolder, writeNewFile } from './report/savedFile';
import { toCsv, toJsonl } from './report/sampleExport';
import type { WorkbenchDatabase } from './store/database';
import type { Workspace } from './workspace/workspace';

type ExportMethods = Pick<WorkbenchApi, 'exportRun' | 'saveRunFile'>;

export interface ExportApiDeps {
  database: WorkbenchDatabase;
  /** Where the prompts' checks are read (the exports carry each sample's verdicts) and files are saved. */
  workspace: Workspace;
  home: string;
}

const FORMAT_NAMES: Record<SampleExportFormat, string> = { csv: 'CSV', jsonl: 'JSON lines' };

export function createExportApi({ database, workspace, home }: ExportApiDeps): ExportMethods {
  async function exportRun(runId: string, format: SampleExportFormat): Promise<RunExport> {
    const detail = database.runs.detail(runId);
    if (!detail) throw new WorkbenchError('NOT_FOUND', `There is no run "${runId}". List the runs with \`workbench runs\`.`);
    const { prompt } = detail.summary;
    // One evaluation for the whole run: every sample's verdicts under the prompt's current checks.
    const checked = await checkRunInFull({ workspace, database }, runId);
    const checks = { checks: checked.result.checks, verdicts: checked.verdicts };
    return { fileName: `${prompt}-run-${runId}.${format}`, text: format === 'csv' ? toCsv(detail, checks) : toJsonl(detail, checks), samples: detail.samples.length };
  }

  return {
    exportRun: ({ runId, format }) => exportRun(runId, format),
    async saveRunFile({ runId, format, compareRunId }) {
      const folder = exportsFolder(workspace.path, home);
      if (format === 'html') {
        const runIds = [runId, ...(compareRunId ? [compareRunId] : [])];
        const report = buildRunReport({ runs: database.runs, checks: await reportChecks({ workspace, database }, runIds) }, { runId, compareRunId });
        const what = compareRunId && compareRunId !== runId ? 'the comparison report' : 'the report';
        return { ...writeNewFile(folder, report.fileName, report.html, what), folder, what };
      }
      const exported = await exportRun(runId, format);
      const what = `${exported.samples} ${exported.samples === 1 ? 'sample' : 'samples'} as ${FORMAT_NAMES[format]}`;
      // A trailing newline, as the CLI writes it: tools that read line by line expect one.
      return { ...writeNewFile(folder, exported.fileName, `${exported.text}\n`, what), folder, what };
    },
  };
}
