import { useState } from 'react';
import { downloadRunFile } from '../api/exportQueries';
import { useConnectionState } from '../api/useConnectionState';
import { savedFileActions, useLastSavedFile, type SavedNotice } from '../lib/savedFiles';
import { errorMessage } from './ErrorState';
import { CheckIcon } from './icons';
import { Toast } from './Toast';

/** Long enough to read a path and copy it; hovering keeps it. */
const SHOW_MS = 20_000;

/** After a report or an export is written: where it went, to copy, and in a browser a copy to download. */
export function SavedFileNotice() {
  const last = useLastSavedFile();
  // Keyed by the save, so "Copied" and a failure belong to the file they are about.
  return last ? <SavedFileToast key={last.at} notice={last} /> : null;
}

function SavedFileToast({ notice }: { notice: SavedNotice }) {
  const { file, request } = notice;
  // In a browser the core may be on another machine (an SSH tunnel): the file is there, a copy can come here.
  const browser = useConnectionState() !== null;
  const [state, setState] = useState<string | null>(null);

  async function copyPath() {
    try {
      await navigator.clipboard.writeText(file.path);
      setState('Path copied');
    } catch {
      setState('Select the path to copy it');
    }
  }

  async function download() {
    setState('Downloading…');
    try {
      await downloadRunFile(request);
      setState('Downloaded');
    } catch (error) {
      setState(`Couldn’t download: ${errorMessage(error)}`);
    }
  }

  return (
    <Toast
      label="File saved"
      icon={<CheckIcon size={14} />}
      onDismiss={savedFileActions.dismiss}
      showMs={SHOW_MS}
      actions={
        <>
          <button type="button" className="toast__action" onClick={() => void copyPath()}>
            Copy path
          </button>
          {browser && (
            <button type="button" className="toast__action" onClick={() => void download()}>
              Download a copy
            </button>
          )}
        </>
      }
    >
      <span>
        Saved {file.what} to <strong>{file.fileName}</strong>
        {state && <span aria-live="polite"> · {state}</span>}
      </span>
      {/* Cut at the start when long: the file's name is the end worth seeing. */}
      <span className="toast__detail selectable" title={file.path}>
        <bdi dir="ltr">{file.path}</bdi>
      </span>
    </Toast>
  );
}
