// Writing a run out as a file: the report, or the samples as CSV or JSON lines. The core writes it
// and says where (lib/savedFiles.ts keeps that for the notice); the browser can download a copy.
import { useMutation } from '@tanstack/react-query';
import type { SaveRunFileRequest } from '../../shared/exports';
import { downloadBlob } from '../lib/downloadBlob';
import { savedFileActions } from '../lib/savedFiles';
import { client } from './client';

const TYPES = { html: 'text/html;charset=utf-8', csv: 'text/csv;charset=utf-8', jsonl: 'application/jsonl;charset=utf-8' } as const;

export function useSaveRunFile() {
  return useMutation({
    mutationFn: (request: SaveRunFileRequest) => client.saveRunFile(request),
    onSuccess: (saved, request) => savedFileActions.show(saved, request),
  });
}

/** The same content through the browser's own download (a browser on another machine than the core). */
export async function downloadRunFile({ runId, format, compareRunId }: SaveRunFileRequest): Promise<void> {
  if (format === 'html') {
    const report = await client.runReport(compareRunId ? { runId, compareRunId } : { runId });
    downloadBlob(new Blob([report.html], { type: TYPES.html }), report.fileName);
    return;
  }
  const exported = await client.exportRun({ runId, format });
  downloadBlob(new Blob([`${exported.text}\n`], { type: TYPES[format] }), exported.fileName);
}
