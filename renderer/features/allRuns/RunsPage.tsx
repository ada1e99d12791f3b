import { useCallback, useMemo, useState } from 'react';
import type { RunOverview, RunSummary } from '../../../shared/runs';
import { useDeleteRun, usePinRun, useRunsOverview } from '../../api/runCurationQueries';
import { hrefFor, navigate, reviewRoute } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, errorMessage } from '../../components/ErrorState';
import { ActivityIcon, ArrowDownIcon, ArrowUpIcon, PinIcon, SearchIcon, TrashIcon } from '../../components/icons';
import { Kbd } from '../../components/Kbd';
import { RunStatusBadge } from '../../components/RunStatusBadge';
import { RunVersionLabel } from '../../components/RunVersionLabel';
import { Skeleton } from '../../components/Skeleton';
import { exactTime, relativeTime } from '../../lib/relativeTime';
import { DeletedRunNotice } from './DeletedRunNotice';
import { PassRateCell } from './PassRateCell';
import { RunLabelEditor } from './RunLabelEditor';
import { coverage, DEFAULT_SORT, filterRuns, finishedCount, sortRuns, type Sort, type SortKey } from './runsTable';
import './runsPage.css';

const COLUMNS: { key: SortKey; title: string; numeric?: boolean; hint?: string }[] = [
  { key: 'label', title: 'Label' },
  { key: 'prompt', title: 'Prompt' },
  { key: 'version', title: 'Version' },
  { key: 'status', title: 'Status' },
  { key: 'samples', title: 'Samples', numeric: true, hint: 'Finished (ok or failed) of those planned' },
  { key: 'coverage', title: 'Rated', numeric: true, hint: 'Share of the ok samples a person has rated' },
  { key: 'mean', title: 'Mean', numeric: true, hint: 'Mean rating (1–5) of the rated samples' },
  { key: 'passRate', title: 'Pass rate', numeric: true, hint: 'Samples passing every check, under the prompt’s checks as they are now' },
  { key: 'started', title: 'Started' },
];

/** Every run of every prompt in one sortable table: name, pin, open or delete any of them. */
export function RunsPage() {
  const overview = useRunsOverview();
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const [prompt, setPrompt] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [passRates, setPassRates] = useState<ReadonlyMap<string, number | null>>(new Map());
  const [deleted, setDeleted] = useState<RunSummary | null>(null);
  const deleteRun = useDeleteRun();
  const onRate = useCallback((runId: string, rate: number | null) => {
    setPassRates((known) => (known.has(runId) && known.get(runId) === rate ? known : new Map(known).set(runId, rate)));
  }, []);

  const prompts = useMemo(() => [...new Set((overview.data ?? []).map((entry) => entry.run.prompt))].sort(), [overview.data]);
  const rows = useMemo(
    () => sortRuns(filterRuns(overview.data ?? [], { prompt, text }), sort, passRates),
    [overview.data, prompt, text, sort, passRates],
  );

  function toggleSort(key: SortKey) {
    // A new column starts with what people look for first: the highest figure, the newest run, A to Z.
    setSort((current) => (current.key === key ? { key, descending: !current.descending } : { key, descending: !['label', 'prompt', 'version', 'status'].includes(key) }));
  }

  function remove(run: RunSummary) {
    deleteRun.mutate(run.runId, { onSuccess: () => setDeleted(run) });
  }

  return (
    <div className="all-runs">
      <header className="all-runs__header">
        <div>
          <h1 className="all-runs__title">Runs</h1>
          <p className="all-runs__lead">
            Every run of every prompt. Pinned runs stay on top; click a row to review it. <Kbd>g</Kbd> <Kbd>r</Kbd> comes here from anywhere.
          </p>
        </div>
        {overview.data && overview.data.length > 0 && (
          <div className="all-runs__filters">
            <label className="all-runs__search">
              <SearchIcon size={13} />
              <input type="search" aria-label="Filter by label" placeholder="Filter by label" value={text} onChange={(event) => setText(event.target.value)} />
            </label>
            <select aria-label="Prompt" className="all-runs__select" value={prompt ?? ''} onChange={(event) => setPrompt(event.target.value || null)}>
              <option value="">All prompts</option>
              {prompts.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        )}
      </header>
      {deleteRun.isError && (
        <p className="all-runs__error" role="alert">
          Couldn’t delete the run: {errorMessage(deleteRun.error)}
        </p>
      )}
      {overview.isPending ? (
        <LoadingTable />
      ) : overview.isError ? (
        <ErrorState title="Couldn’t list the runs" error={overview.error} onRetry={() => void overview.refetch()} retrying={overview.isFetching} />
      ) : overview.data.length === 0 ? (
        <EmptyState icon={<ActivityIcon size={18} />} title="No runs yet">
          <p>
            A run samples a prompt many times across models, temperatures and cases. Open a prompt and press <Kbd>r</Kbd> to start one; every run
            of every prompt then shows here.
          </p>
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState compact title="No run matches">
          <p>No run of {prompt ?? 'any prompt'} has a label with “{text}”. Clear the filter to see them all.</p>
        </EmptyState>
      ) : (
        <div className="all-runs__table">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col" className="all-runs__pin-col">
                  <span className="visually-hidden">Pinned</span>
                </th>
                {COLUMNS.map((column) => (
                  <th
                    key={column.key}
                    scope="col"
                    className={column.numeric ? 'all-runs__number' : undefined}
                    aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                  >
                    <button type="button" className="all-runs__sort" title={column.hint} onClick={() => toggleSort(column.key)}>
                      {column.title}
                      {sort.key === column.key && (sort.descending ? <ArrowDownIcon size={11} /> : <ArrowUpIcon size={11} />)}
                    </button>
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((entry) => (
                <RunRow key={entry.run.runId} entry={entry} onRate={onRate} onDelete={remove} deleting={deleteRun.isPending && deleteRun.variables === entry.run.runId} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deleted && <DeletedRunNotice run={deleted} onDismiss={() => setDeleted(null)} />}
    </div>
  );
}

function RunRow({ entry, onRate, onDelete, deleting }: { entry: RunOverview; onRate(runId: string, rate: number | null): void; onDelete(run: RunSummary): void; deleting: boolean }) {
  const { run } = entry;
  const pin = usePinRun();
  const pinned = run.pinnedAt !== null;
  const share = coverage(entry);
  const running = run.status === 'running';
  return (
    <tr className={`all-runs__row${pinned ? ' all-runs__row--pinned' : ''}`} onClick={() => navigate(reviewRoute(run.runId))}>
      <td className="all-runs__pin-col">
        <button
          type="button"
          className={`all-runs__icon-button all-runs__pin${pinned ? ' all-runs__pin--on' : ''}`}
          aria-pressed={pinned}
          aria-label={pinned ? 'Unpin' : 'Pin'}
          title={pinned ? 'Unpin: sort it with the others again' : 'Pin: keep it at the top'}
          disabled={pin.isPending}
          onClick={(event) => {
            event.stopPropagation();
            pin.mutate({ runId: run.runId, pinned: !pinned });
          }}
        >
          <PinIcon size={14} fill={pinned ? 'currentColor' : 'none'} />
        </button>
      </td>
      <td className="all-runs__label-cell">
        <RunLabelEditor run={run} />
      </td>
      <td>
        {/* The link makes the row reachable by keyboard; the row click is a convenience for the mouse. */}
        <a href={hrefFor(reviewRoute(run.runId))} className="all-runs__prompt" onClick={(event) => event.stopPropagation()}>
          {run.prompt}
        </a>
      </td>
      <td>
        <RunVersionLabel run={run} />
      </td>
      <td>
        <RunStatusBadge status={run.status} />
      </td>
      <td className="all-runs__number">
        {finishedCount(entry).toLocaleString()}
        <span className="all-runs__faint"> / {run.total.toLocaleString()}</span>
      </td>
      <td className="all-runs__number" title={`${entry.rated.toLocaleString()} of ${run.ok.toLocaleString()} ok samples rated`}>
        {share === null ? <span className="all-runs__faint">—</span> : `${Math.round(share * 100)}%`}
      </td>
      <td className="all-runs__number">{entry.meanRating === null ? <span className="all-runs__faint">—</span> : entry.meanRating.toFixed(1)}</td>
      <PassRateCell run={run} onRate={onRate} />
      <td>
        <time dateTime={run.createdAt} title={exactTime(run.createdAt)}>
          {relativeTime(run.createdAt)}
        </time>
      </td>
      <td className="all-runs__actions">
        <button
          type="button"
          className="all-runs__icon-button all-runs__delete"
          aria-label={`Delete the run${run.label ? ` “${run.label}”` : ''}`}
          title={running ? 'A running run cannot be deleted: cancel it first' : 'Delete (Undo for 10 seconds)'}
          disabled={running || deleting}
          onClick={(event) => {
            event.stopPropagation();
            onDelete(run);
          }}
        >
          <TrashIcon size={13} />
        </button>
      </td>
    </tr>
  );
}

function LoadingTable() {
  return (
    <div className="all-runs__table" role="status" aria-label="Loading runs">
      {[0, 1, 2, 3].map((row) => (
        <div className="all-runs__skeleton" key={row}>
          <Skeleton width={90} height={12} />
          <Skeleton width="30%" height={11} />
          <Skeleton width="20%" height={11} />
        </div>
      ))}
    </div>
  );
}
