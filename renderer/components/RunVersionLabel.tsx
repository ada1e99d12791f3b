import type { RunSummary } from '../../shared/runs';
import { runVersion } from '../../shared/runVersion';
import './runVersion.css';

/**
 * What a run sampled, worded as the command line and the report word it (shared/runVersion.ts):
 * "commit 3f9a2c1", or "draft · content 4031628" for a draft, which has no commit id.
 */
export function RunVersionLabel({ run }: { run: Pick<RunSummary, 'commit' | 'contentHash'> }) {
  const { kind, id } = runVersion(run);
  if (kind === 'commit') {
    return (
      <span className="run-version" title={`Commit ${run.commit ?? ''}`}>
        commit <code className="run-version__id">{id}</code>
      </span>
    );
  }
  return (
    <span className="run-version run-version--draft" title={`Uncommitted text, named by a short hash of its content (${run.contentHash}); not a commit id`}>
      draft · content <code className="run-version__id">{id}</code>
    </span>
  );
}
