import type { PromptDetail } from '../../../shared/prompts';
import type { RunSummary } from '../../../shared/runs';
import { useCommitRuns } from '../../api/approvalQueries';
import { hrefFor, reviewRoute } from '../../app/router';
import { uiActions } from '../../app/uiStore';
import { Button } from '../../components/Button';
import { ErrorState } from '../../components/ErrorState';
import { ChevronRightIcon, PlayIcon } from '../../components/icons';
import { RunVersionLabel } from '../../components/RunVersionLabel';
import { Skeleton } from '../../components/Skeleton';
import { plural } from '../../lib/labels';
import { exactTime, relativeTime } from '../../lib/relativeTime';
import { representativeRun } from './compareTarget';
import { WORKING } from './VersionList';
import { VersionRunComparison } from './VersionRunComparison';
import { versionRunPreset } from './versionRunPreset';
import './versionRuns.css';

interface Side {
  /** A commit id, or `working`. */
  id: string;
  label: string;
}

interface VersionRunsProps {
  prompt: PromptDetail;
  older: Side;
  newer: Side;
}

/** How the two versions did when sampled: each one's latest finished run, their figures side by side. */
export function VersionRuns({ prompt, older, newer }: VersionRunsProps) {
  const olderRuns = useCommitRuns(prompt.name, older.id === WORKING ? null : older.id);
  const newerRuns = useCommitRuns(prompt.name, newer.id === WORKING ? null : newer.id);

  if (older.id === WORKING || newer.id === WORKING) {
    return (
      <section className="version-runs" aria-label="Runs of the two versions">
        <h3 className="version-runs__title">Runs</h3>
        <p className="version-runs__caption">Runs compare committed versions. Commit the draft, or approve a run of it, to see its figures beside another version’s.</p>
      </section>
    );
  }
  const failed = olderRuns.isError ? olderRuns : newerRuns.isError ? newerRuns : null;
  const a = olderRuns.data ? representativeRun(olderRuns.data) : null;
  const b = newerRuns.data ? representativeRun(newerRuns.data) : null;
  const loading = olderRuns.isPending || newerRuns.isPending;

  return (
    <section className="version-runs" aria-label="Runs of the two versions">
      <header className="version-runs__header">
        <h3 className="version-runs__title">Runs</h3>
        <p className="version-runs__caption">
          The latest finished run of each version. Changes read as <strong>{newer.label}</strong> against <strong>{older.label}</strong>.
        </p>
      </header>
      {failed ? (
        <ErrorState compact title="Couldn’t list the versions’ runs" error={failed.error} onRetry={() => void failed.refetch()} />
      ) : loading ? (
        <Skeleton width="100%" height={96} />
      ) : (
        <>
          <div className="version-runs__sides">
            <RunSide prompt={prompt} side={older} run={a} other={b} />
            <RunSide prompt={prompt} side={newer} run={b} other={a} />
          </div>
          {a && b && <VersionRunComparison older={a} newer={b} olderLabel={older.label} newerLabel={newer.label} />}
        </>
      )}
    </section>
  );
}

/** One version's run, or an offer to run it (with the other version's sweep, so they compare). */
function RunSide({ prompt, side, run, other }: { prompt: PromptDetail; side: Side; run: RunSummary | null; other: RunSummary | null }) {
  return (
    <div className={`run-side${run ? '' : ' run-side--missing'}`}>
      <span className="run-side__version">{side.label}</span>
      {run ? (
        <>
          <a className="run-side__run text-link" href={hrefFor(reviewRoute(run.runId))} title={`Open the review of the run started ${exactTime(run.createdAt)}`}>
            {/* The card names the version already: when, and how much, tell its runs apart. */}
            <span className="run-side__label">
              Run {relativeTime(run.createdAt)} · {plural(run.total, 'sample')}
              {run.status !== 'done' && ` · ${run.status}`}
            </span>
            <ChevronRightIcon size={12} className="run-side__chevron" />
          </a>
          {run.commit !== side.id && (
            // Linked by content: the run sampled this version's text and cases, as another commit or as a draft.
            <span className="run-side__via">
              Same files, run as <RunVersionLabel run={run} />
            </span>
          )}
        </>
      ) : (
        <>
          <span className="run-side__none">No finished run of this version</span>
          <Button
            className="button--sm"
            onClick={() => {
              const preset = versionRunPreset(prompt, side.id, other);
              uiActions.openRunDialog(prompt.name, preset);
            }}
          >
            <PlayIcon size={12} />
            Run {side.label}…
          </Button>
        </>
      )}
    </div>
  );
}
