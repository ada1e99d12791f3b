// Approving a run: the prompt's files are committed with the run's evidence as trailers, the commit
// is tagged approved/<name>/v<k>, and the prompt's draft runs of the same text are linked to it.
// When the text is committed already, the approval is only the tag, on the version that holds it,
// its message carrying the same trailers. The evidence must describe exactly the text approved, so
// a prompt edited since the run is refused.
import path from 'node:path';
import type { ApprovedVersion, ApproveRequest } from '../../../shared/approvals';
import type { RunChecks } from '../../../shared/checks/runChecks';
import { WorkbenchError } from '../../../shared/errors';
import type { RunSummary } from '../../../shared/runs';
import type { Author } from '../../../shared/settings';
import type { Version } from '../../../shared/versions';
import type { RunStore } from '../store/runStore';
import { ABSENT_FILE_HASH, contentHash } from '../workspace/contentHash';
import { commitPromptNow, withCommitLock } from '../workspace/promptCommit';
import { promptFilePaths } from '../workspace/promptLibrary';
import { SHORT_OID_LENGTH, toVersion } from '../workspace/versionInfo';
import { readTextIfPresent } from '../workspace/workingFile';
import type { Workspace } from '../workspace/workspace';
import { assertTaggable, listApprovalTags, tagApproval } from '../workspace/approvalTags';
import { approvalMessage } from '../workspace/approvalTrailers';
import { promptNames } from '../workspace/promptLineage';
import { versionApprovals } from '../workspace/versionApprovals';
import { approvalEvidence } from './approvalEvidence';
import { committedVersion } from './committedVersion';
import { pendingApproval } from './pendingApproval';

export interface ApproveDeps {
  workspace: Workspace;
  runs: RunStore;
  /** Runs a database write once no other process holds the lock: the commit is made by then, so its runs must still be linked. */
  write: <T>(write: () => T) => Promise<T>;
  /** The commit's author (and the tag's tagger); throws when none is configured. */
  author: () => Author;
  /** The run under its prompt's checks (runChecker.ts); without it, the evidence carries no pass rate. */
  checks?: (runId: string) => Promise<RunChecks>;
}

export async function approveRun({ workspace, runs, write, author, checks }: ApproveDeps, request: ApproveRequest): Promise<ApprovedVersion> {
  const detail = runs.detail(request.runId);
  if (!detail) throw new WorkbenchError('NOT_FOUND', `There is no run "${request.runId}". List the runs with \`workbench runs\`.`);
  const { summary } = detail;
  if (summary.status === 'running') {
    throw new WorkbenchError('CONFLICT', `Run ${summary.runId} is still running; its evidence is not complete. Wait for it to finish, or cancel it, then approve.`);
  }
  const name = summary.prompt;
  assertTaggable(name);
  // A refusal first: asking to confirm "no ratings" and then refusing anyway would waste the answer.
  assertUnchangedSince(workspace, summary);
  const casesHash = runs.casesHash(summary.runId);
  assertCasesUnchangedSince(workspace, summary, casesHash);
  // The files are unchanged since the run, so the checks read now are the ones the approved text carries.
  const evidence = approvalEvidence(detail, checks ? await checks(summary.runId) : null);
  if (evidence.rated === 0 && !request.confirmed) {
    throw new WorkbenchError(
      'CONFIRMATION_REQUIRED',
      `No sample of run ${summary.runId} is rated, so this approval would carry no rating evidence. Rate some outputs first, or confirm to approve it without ratings.`,
      { rated: 0 },
    );
  }
  const committer = author();
  const message = approvalMessage(request.message, evidence);
  const dir = workspace.path;

  return withCommitLock(dir, async (index) => {
    // A prompt renamed since its earlier approvals continues their numbering.
    const formerNames = (await promptNames(dir, name)).slice(1);
    // Runs made before runs kept their cases (no hash) are approved with the cases file as it is.
    const approvedCases = casesHash ?? contentHash(readTextIfPresent(path.join(dir, promptFilePaths(name).cases)));
    const link = (oid: string) => write(() => runs.linkToCommit(name, summary.contentHash, approvedCases, oid));
    const committed = await committedVersion(workspace, name, { promptHash: summary.contentHash, casesHash });
    if (committed) {
      // One step (the tag's ref), so there is nothing to finish after a crash.
      const tag = await tagApproval(dir, name, committed.oid, committer, message, formerNames);
      const linked = await link(committed.oid);
      return approved(dir, name, toVersion(committed.oid, committed.commit), tag, [summary.runId, ...linked], false);
    }
    // Noted before the branch moves, so a crash before the tag is written is finished on the next open.
    const pending = pendingApproval(workspace, name, message, committer, formerNames);
    let version: Version;
    try {
      // Committed only if the file still holds the text that was run when it is read for the commit.
      version = await commitPromptNow(workspace, index, name, message, committer, {
        allowUnchanged: true,
        expectedPromptHash: summary.contentHash,
        expectedCasesHash: casesHash ?? undefined,
        onCommitBuilt: (commit) => pending.note(commit),
      });
    } catch (error) {
      pending.clear();
      throw error;
    }
    const tag = await tagApproval(dir, name, version.oid, committer, message, formerNames);
    pending.clear();
    const linked = await link(version.oid);
    return approved(dir, name, version, tag, [summary.runId, ...linked], true);
  });
}

/** The approved version with its approvals read back as the history reads them (the new one first). */
async function approved(dir: string, name: string, version: Version, tag: string, linked: string[], committed: boolean): Promise<ApprovedVersion> {
  const tags = (await listApprovalTags(dir, name)).filter((each) => each.commit === version.oid);
  const approvals = versionApprovals(version.message, tags);
  const approval = approvals.find((each) => each.tag === tag) ?? approvals[0] ?? null;
  return { version: { ...version, approval, approvals }, tag, linkedRuns: [...new Set(linked)], committed };
}

/** The prompt file must hold the text the run used (the run's content hash, whether a draft or a commit was run). */
function assertUnchangedSince(workspace: Workspace, summary: RunSummary): void {
  const file = promptFilePaths(summary.prompt).prompt;
  const current = readTextIfPresent(path.join(workspace.path, file));
  if (current !== undefined && contentHash(current) === summary.contentHash) return;
  const ran = summary.commit ? `it ran the text of commit ${summary.commit.slice(0, SHORT_OID_LENGTH)}` : 'it ran a draft';
  const now = current === undefined ? `${file} no longer exists` : `${file} differs from that text now`;
  throw new WorkbenchError(
    'CONFLICT',
    `The prompt changed since run ${summary.runId} (${ran}; ${now}). Run it again on the current text, or restore the version that was run, before approving.`,
    { runId: summary.runId, runContentHash: summary.contentHash, currentContentHash: current === undefined ? null : contentHash(current) },
  );
}

/**
 * The cases file must hold the cases the run used: the approved commit includes it, and its
 * evidence was measured on those inputs. Runs made before runs kept this (null) are not checked.
 */
function assertCasesUnchangedSince(workspace: Workspace, summary: RunSummary, casesHash: string | null): void {
  if (casesHash === null) return;
  const file = promptFilePaths(summary.prompt).cases;
  const current = contentHash(readTextIfPresent(path.join(workspace.path, file)));
  if (current === casesHash) return;
  const now = current === ABSENT_FILE_HASH ? `${file} no longer exists` : casesHash === ABSENT_FILE_HASH ? `${file} was added since` : `${file} differs from the cases it ran`;
  throw new WorkbenchError(
    'CONFLICT',
    `The test cases changed since run ${summary.runId} (${now}). Run it again on the current cases, or put the cases back as they were, before approving.`,
    { runId: summary.runId, runCasesHash: casesHash, currentCasesHash: current },
  );
}
