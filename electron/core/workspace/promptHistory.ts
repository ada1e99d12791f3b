// The versions of one prompt: commits that changed its .prompt or .cases.yaml, newest first, as
// `git log -- prompts/<name>.prompt prompts/<name>.cases.yaml` lists them.
//
// isomorphic-git's `log({ filepath })` follows one path, treats a merge's parents as a plain
// stack and reads objects slowly (see gitObjectReader.ts), which long histories feel. So we walk the
// graph ourselves: each commit is compared with its parents by the two blob ids, every object is
// read once, and the walk stops as soon as `limit` versions are found.
//
// Each version carries its approval, read from the trailers of the message already in hand, and the
// approved/<name>/v<k> tag pointing at it (tags are listed once per call). A tagged approval commit
// counts as a version even when it changed no file: approving an already committed version makes a
// commit of its own for the evidence.
import type { CommitObject } from 'isomorphic-git';
import type { Approval, VersionWithApproval } from '../../../shared/approvals';
import { listApprovalTags } from './approvalTags';
import { parseApproval } from './approvalTrailers';
import { guardGit } from './gitFailure';
import { GitObjectReader } from './gitObjectReader';
import { resolveHead } from './gitRefs';
import { PromptTreeReader, sameEntries } from './promptTree';
import { toVersion } from './versionInfo';
import type { Workspace } from './workspace';

interface Pending {
  oid: string;
  commit: CommitObject;
}

/** `approvedOnly` keeps the approved versions; `limit` then counts those. */
export async function promptHistory(workspace: Workspace, name: string, limit?: number, approvedOnly = false): Promise<VersionWithApproval[]> {
  const dir = workspace.path;
  const objects = new GitObjectReader(dir);
  const head = await resolveHead(dir, objects);
  if (!head) return [];
  return guardGit(dir, async () => {
    const trees = new PromptTreeReader(objects, name);
    const tagByCommit = new Map<string, string>();
    // Ascending versions: when two tags mark one commit, the newer name wins.
    for (const tag of await listApprovalTags(dir, name, objects)) tagByCommit.set(tag.commit, tag.name);

    const versions: VersionWithApproval[] = [];
    const seen = new Set<string>([head]);
    // Newest committer date first, as `git log` orders them; ties keep discovery order.
    const queue: Pending[] = [{ oid: head, commit: await objects.readCommit(head) }];
    while (queue.length > 0 && (limit === undefined || versions.length < limit)) {
      const { oid, commit } = takeNewest(queue);
      const mine = await trees.atTree(commit.tree);
      const parents = await Promise.all(commit.parent.map(async (parent) => ({ oid: parent, commit: await objects.readCommit(parent) })));

      let follow = parents;
      let changed: boolean;
      if (parents.length === 0) {
        changed = mine.prompt !== null || mine.cases !== null;
      } else {
        // History simplification as git does it: follow a parent the files are the same in, if any.
        let same: Pending | undefined;
        for (const parent of parents) {
          if (parent.commit.tree === commit.tree || sameEntries(mine, await trees.atTree(parent.commit.tree))) {
            same = parent;
            break;
          }
        }
        changed = same === undefined;
        if (same) follow = [same];
      }
      if (changed || tagByCommit.has(oid)) {
        const approval = approvalOf(commit.message, tagByCommit.get(oid) ?? null);
        if (approval !== null || !approvedOnly) versions.push({ ...toVersion(oid, commit), approval });
      }
      for (const parent of follow) {
        if (seen.has(parent.oid)) continue;
        seen.add(parent.oid);
        queue.push(parent);
      }
    }
    return versions;
  });
}

function approvalOf(message: string, tag: string | null): Approval | null {
  const evidence = parseApproval(message);
  return evidence === null ? null : { ...evidence, tag };
}

function takeNewest(queue: Pending[]): Pending {
  let best = 0;
  for (let i = 1; i < queue.length; i++) {
    if ((queue[i] as Pending).commit.committer.timestamp > (queue[best] as Pending).commit.committer.timestamp) best = i;
  }
  return queue.splice(best, 1)[0] as Pending;
}
