// The difference between two versions of one text file, in the two shapes the UI and the CLI need:
// side-by-side rows (a changed line pairs the old and new line and marks the words that differ)
// and the unified text `git diff` would print. Pure: text in, FileDiff out.
import { diffLines, diffWordsWithSpace, formatPatch, structuredPatch } from 'diff';
import type { DiffRow, FileDiff } from '../../../shared/versions';

type Segment = { text: string; changed: boolean };

/** `oldText`/`newText` are null when the file does not exist on that side. */
export function buildFileDiff(path: string, oldText: string | null, newText: string | null): FileDiff {
  const status: FileDiff['status'] =
    oldText === null ? 'added' : newText === null ? 'deleted' : oldText === newText ? 'unchanged' : 'modified';
  return { path, status, rows: diffRows(oldText ?? '', newText ?? ''), unified: unifiedDiff(path, oldText, newText) };
}

export function diffRows(oldText: string, newText: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let left = 1;
  let right = 1;
  let removed: string[] = [];
  const flushRemoved = (added: string[]) => {
    const paired = Math.min(removed.length, added.length);
    for (let i = 0; i < paired; i++) {
      const [oldSegments, newSegments] = wordSegments(removed[i] as string, added[i] as string);
      rows.push({ kind: 'changed', left: { number: left++, segments: oldSegments }, right: { number: right++, segments: newSegments } });
    }
    for (const line of removed.slice(paired)) rows.push({ kind: 'removed', left: { number: left++, segments: plain(line) }, right: null });
    for (const line of added.slice(paired)) rows.push({ kind: 'added', left: null, right: { number: right++, segments: plain(line) } });
    removed = [];
  };

  for (const change of diffLines(oldText, newText)) {
    const lines = splitLines(change.value);
    if (change.removed) {
      flushRemoved([]);
      removed = lines;
    } else if (change.added) {
      flushRemoved(lines);
    } else {
      flushRemoved([]);
      for (const line of lines) {
        rows.push({ kind: 'context', left: { number: left++, segments: plain(line) }, right: { number: right++, segments: plain(line) } });
      }
    }
  }
  flushRemoved([]);
  return rows;
}

/** Word-level difference of one line pair: the old line's segments and the new line's. */
function wordSegments(oldLine: string, newLine: string): [Segment[], Segment[]] {
  const oldSegments: Segment[] = [];
  const newSegments: Segment[] = [];
  for (const part of diffWordsWithSpace(oldLine, newLine)) {
    if (!part.added) push(oldSegments, part.value, part.removed);
    if (!part.removed) push(newSegments, part.value, part.added);
  }
  return [oldSegments, newSegments];
}

function push(segments: Segment[], text: string, changed: boolean): void {
  if (text === '') return;
  const last = segments[segments.length - 1];
  if (last && last.changed === changed) last.text += text;
  else segments.push({ text, changed });
}

function plain(line: string): Segment[] {
  return line === '' ? [] : [{ text: line, changed: false }];
}

/** Lines without their line endings; a trailing newline does not start another line. */
function splitLines(value: string): string[] {
  const lines = value.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function unifiedDiff(path: string, oldText: string | null, newText: string | null): string {
  if (oldText === newText) return '';
  const patch = structuredPatch(
    oldText === null ? '/dev/null' : `a/${path}`,
    newText === null ? '/dev/null' : `b/${path}`,
    oldText ?? '',
    newText ?? '',
  );
  return formatPatch({ ...patch, isGit: true, isCreate: oldText === null, isDelete: newText === null });
}
