import { Fragment, useState } from 'react';
import type { DiffRow, FileDiff } from '../../../shared/versions';
import { changeCounts, foldRows } from './diffFolding';
import { DiffText } from './DiffText';
import './diff.css';

const STATUS = { added: 'Added', deleted: 'Deleted', modified: 'Modified', unchanged: 'Unchanged' } as const;

/** One file's changes, side by side or inline, with word-level highlights and folded context. */
export function FileDiffView({ file, layout }: { file: FileDiff; layout: 'split' | 'inline' }) {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const items = foldRows(file.rows, expanded);
  const counts = changeCounts(file.rows);
  const expand = (start: number) => setExpanded((current) => new Set(current).add(start));

  return (
    <section className="file-diff" aria-label={`Changes in ${file.path}`}>
      <header className="file-diff__header">
        <code className="file-diff__path">{file.path}</code>
        <span className={`file-diff__status file-diff__status--${file.status}`}>{STATUS[file.status]}</span>
        <span className="file-diff__counts">
          <span className="file-diff__added">+{counts.added}</span>
          <span className="file-diff__removed">−{counts.removed}</span>
        </span>
      </header>
      <div className={`diff-table diff-table--${layout} selectable`}>
        {items.map((item) =>
          item.kind === 'fold' ? (
            <button key={`fold-${item.start}`} type="button" className="diff-fold" onClick={() => expand(item.start)}>
              Show {item.count} unchanged lines
            </button>
          ) : layout === 'split' ? (
            <SplitRow key={item.index} row={item.row} />
          ) : (
            <InlineRow key={item.index} row={item.row} />
          ),
        )}
      </div>
    </section>
  );
}

function SplitRow({ row }: { row: DiffRow }) {
  const leftKind = row.kind === 'context' ? 'context' : row.left ? 'removed' : 'empty';
  const rightKind = row.kind === 'context' ? 'context' : row.right ? 'added' : 'empty';
  return (
    <div className="diff-row diff-row--split">
      <span className={`diff-num diff-num--${leftKind}`}>{row.left?.number ?? ''}</span>
      <span className={`diff-code diff-code--${leftKind}`}>{row.left && <DiffText line={row.left} side="removed" />}</span>
      <span className={`diff-num diff-num--${rightKind}`}>{row.right?.number ?? ''}</span>
      <span className={`diff-code diff-code--${rightKind}`}>{row.right && <DiffText line={row.right} side="added" />}</span>
    </div>
  );
}

function InlineRow({ row }: { row: DiffRow }) {
  if (row.kind === 'context') {
    return (
      <div className="diff-row diff-row--inline">
        <span className="diff-num">{row.left?.number ?? ''}</span>
        <span className="diff-num">{row.right?.number ?? ''}</span>
        <span className="diff-code diff-code--context">
          <span className="diff-sign" aria-hidden="true"> </span>
          {row.right && <DiffText line={row.right} side="added" />}
        </span>
      </div>
    );
  }
  return (
    <Fragment>
      {row.left && (
        <div className="diff-row diff-row--inline">
          <span className="diff-num diff-num--removed">{row.left.number}</span>
          <span className="diff-num diff-num--removed" />
          <span className="diff-code diff-code--removed">
            <span className="diff-sign" aria-hidden="true">−</span>
            <DiffText line={row.left} side="removed" />
          </span>
        </div>
      )}
      {row.right && (
        <div className="diff-row diff-row--inline">
          <span className="diff-num diff-num--added" />
          <span className="diff-num diff-num--added">{row.right.number}</span>
          <span className="diff-code diff-code--added">
            <span className="diff-sign" aria-hidden="true">+</span>
            <DiffText line={row.right} side="added" />
          </span>
        </div>
      )}
    </Fragment>
  );
}
