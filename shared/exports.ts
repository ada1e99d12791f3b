// A run written out: its samples as CSV or JSON lines (one sample per row or line), or its report
// as one HTML page. `exportRun` gives the text (the CLI prints or writes it); `saveRunFile` writes
// the file in the core and says where it went, so the app can show it.
import { z } from 'zod';

export const SampleExportFormat = z.enum(['csv', 'jsonl']);
export type SampleExportFormat = z.infer<typeof SampleExportFormat>;

export const ExportRunRequest = z.object({ runId: z.string().min(1), format: SampleExportFormat });

export const RunExport = z.object({
  fileName: z.string(),
  text: z.string(),
  /** How many samples (rows or lines) it holds. */
  samples: z.number().int(),
});
export type RunExport = z.infer<typeof RunExport>;

export const SaveRunFileRequest = z.object({
  runId: z.string().min(1),
  /** `html` is the report; with `compareRunId`, of the two runs compared. */
  format: z.enum(['html', 'csv', 'jsonl']),
  compareRunId: z.string().min(1).optional(),
});
export type SaveRunFileRequest = z.infer<typeof SaveRunFileRequest>;

export const SavedFile = z.object({
  /** Absolute path of the file written. */
  path: z.string(),
  folder: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  /** What it is, for a sentence: "the report", "24 samples as CSV". */
  what: z.string(),
});
export type SavedFile = z.infer<typeof SavedFile>;
