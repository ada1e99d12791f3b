// Which text a task call sends: `name@approved` (the latest approval, the default), `name@v3` (that
// approval), `name@<any git ref>`, or `name@draft` (the working files). Everything but the draft is
// read from git objects at the commit, so editing the working files never changes what an
// application calling an approved version sends.
import path from 'node:path';
import { WorkbenchError } from '../../../shared/errors';
import { listApprovalTags, type ApprovalTag } from '../workspace/approvalTags';
import { GitObjectReader } from '../workspace/gitObjectReader';
import { resolveRef } from '../workspace/gitRefs';
import { promptNames } from '../workspace/promptLineage';
import { assertPromptName, promptFilePaths } from '../workspace/promptLibrary';
import { readPromptFiles } from '../workspace/promptVersions';
import { SHORT_OID_LENGTH } from '../workspace/versionInfo';
import { readTextIfPresent } from '../workspace/workingFile';
import type { Workspace } from '../workspace/workspace';

export const DEFAULT_VERSION = 'approved';
export const DRAFT_VERSION = 'draft';

export interface TaskVersion {
  /** What was asked for: approved, v3, draft, or a git ref. */
  asked: string;
  /** The commit the text was read from; null for the draft. */
  commit: string | null;
  /** The approval tag (`approved/<name>/v3`) the version was chosen by, else the newest one marking that commit; null when none. */
  tag: string | null;
  source: string;
  casesSource: string | null;
}

const APPROVAL = /^v([1-9]\d*)$/;

/** `ticket-triage@v2` → { name, version }; the version defaults to `approved`. */
export function splitTaskSpec(spec: string): { name: string; version: string } {
  const at = spec.indexOf('@');
  if (at === -1) return { name: spec, version: DEFAULT_VERSION };
  const version = spec.slice(at + 1).trim();
  return { name: spec.slice(0, at), version: version === '' ? DEFAULT_VERSION : version };
}

export async function resolveTaskVersion(workspace: Workspace, name: string, version: string = DEFAULT_VERSION): Promise<TaskVersion> {
  assertPromptName(name);
  const asked = version.trim() || DEFAULT_VERSION;
  if (asked === DRAFT_VERSION) return draftVersion(workspace, name);
  const objects = new GitObjectReader(workspace.path);
  const tags = await approvalTags(workspace, name, objects);
  let commit: string;
  let tag: ApprovalTag | undefined;
  if (asked === DEFAULT_VERSION) {
    tag = tags.at(-1);
    if (!tag) {
      throw new WorkbenchError(
        'NOT_FOUND',
        `"${name}" has no approved version yet. Approve one (in the app, or \`workbench commit ${name} -m MESSAGE --run RUN_ID\`), or call its working files with ${name}@draft.`,
      );
    }
    commit = tag.commit;
  } else if (APPROVAL.test(asked)) {
    tag = tags.find((each) => `v${each.version}` === asked);
    if (!tag) {
      const known = tags.map((each) => `v${each.version}`).join(', ') || 'none yet';
      throw new WorkbenchError('NOT_FOUND', `"${name}" has no approval ${asked}. Its approvals: ${known} (see \`workbench history ${name} --approved\`).`);
    }
    commit = tag.commit;
  } else {
    commit = await resolveRef(workspace, asked, objects);
    tag = tags.filter((each) => each.commit === commit).at(-1);
  }
  const files = await readPromptFiles(workspace, name, commit, objects);
  if (files.source === null) {
    throw new WorkbenchError('NOT_FOUND', `"${name}" did not exist at ${commit.slice(0, SHORT_OID_LENGTH)} ("${asked}"). See its versions with \`workbench history ${name}\`.`);
  }
  return { asked, commit, tag: tag?.name ?? null, source: files.source, casesSource: files.casesSource };
}

/** Every approval of the prompt, under the names it had before a rename too, lowest version first. */
async function approvalTags(workspace: Workspace, name: string, objects: GitObjectReader): Promise<ApprovalTag[]> {
  const names = await promptNames(workspace.path, name, objects);
  const all = (await Promise.all(names.map((each) => listApprovalTags(workspace.path, each, objects)))).flat();
  return all.sort((a, b) => a.version - b.version);
}

function draftVersion(workspace: Workspace, name: string): TaskVersion {
  const paths = promptFilePaths(name);
  const source = readTextIfPresent(path.join(workspace.path, paths.prompt));
  if (source === undefined) throw new WorkbenchError('NOT_FOUND', `There is no prompt named "${name}" in ${workspace.promptsDir}.`);
  return { asked: DRAFT_VERSION, commit: null, tag: null, source, casesSource: readTextIfPresent(path.join(workspace.path, paths.cases)) ?? null };
}
