// One prompt followed back through the commit graph, as `git log --follow -- prompts/<name>.prompt`
// follows it: the commits that changed its .prompt or .cases.yaml, newest first, and across renames
// (past the commit that renamed it, the walk goes on under the name it had before).
//
// isomorphic-git's `log({ filepath })` follows one path, treats a merge's parents as a plain
// stack and reads objects slowly (see gitObjectReader.ts), which long histories feel. So we walk the
// graph ourselves: each commit is compared with its parents by the two blob ids, every object is
// read once, and a caller stops the walk as soon as it has what it needs.
import type { CommitObject } from 'isomorphic-git';
import { GitObjectReader } from './gitObjectReader';
import { resolveHead } from './gitRefs';
import { PromptTreeReader, sameEntries, type PromptEntries } from './promptTree';
import { renamedFrom } from './renameDetection';

export interface PromptStep {
  oid: string;
  commit: CommitObject;
  /** The prompt's name in this commit. */
  name: string;
  entries: PromptEntries;
  /** The commit changed the prompt's files (or renamed them): it is one of its versions. */
  changed: boolean;
  /** The name the prompt had before this commit, when the commit renamed it. */
  renamedFrom?: string;
}

interface Pending {
  oid: string;
  commit: CommitObject;
  name: string;
}

/** Every commit on the prompt's simplified history from `head`, newest committer date first. */
export async function* walkPrompt(objects: GitObjectReader, head: string, name: string): AsyncGenerator<PromptStep> {
  const trees = new Map<string, PromptTreeReader>();
  const treesOf = (each: string) => {
    let reader = trees.get(each);
    if (!reader) trees.set(each, (reader = new PromptTreeReader(objects, each)));
    return reader;
  };
  const seen = new Set<string>([head]);
  const queue: Pending[] = [{ oid: head, commit: await objects.readCommit(head), name }];
  while (queue.length > 0) {
    const { oid, commit, name: current } = takeNewest(queue);
    const reader = treesOf(current);
    const mine = await reader.atTree(commit.tree);
    const parents = await Promise.all(commit.parent.map(async (parent) => ({ oid: parent, commit: await objects.readCommit(parent), name: current })));

    let follow = parents;
    let changed: boolean;
    if (parents.length === 0) {
      changed = mine.prompt !== null || mine.cases !== null;
    } else {
      // History simplification as git does it: follow a parent the files are the same in, if any.
      let same: Pending | undefined;
      for (const parent of parents) {
        if (parent.commit.tree === commit.tree || sameEntries(mine, await reader.atTree(parent.commit.tree))) {
          same = parent;
          break;
        }
      }
      changed = same === undefined;
      if (same) follow = [same];
      else if (mine.prompt !== null) {
        // The prompt appears here: in a parent that did not have it, it may have had another name.
        for (const parent of parents) {
          if ((await reader.atTree(parent.commit.tree)).prompt !== null) continue;
          parent.name = (await renamedFrom(objects, commit.tree, parent.commit.tree, mine.prompt.oid)) ?? current;
        }
      }
    }
    const before = follow.find((parent) => parent.name !== current)?.name;
    yield { oid, commit, name: current, entries: mine, changed, ...(before === undefined ? {} : { renamedFrom: before }) };
    for (const parent of follow) {
      if (seen.has(parent.oid)) continue;
      seen.add(parent.oid);
      queue.push(parent);
    }
  }
}

/** Every name the prompt had, today's first, then each older one as the walk met it. */
export async function promptNames(dir: string, name: string, objects = new GitObjectReader(dir)): Promise<string[]> {
  const names = [name];
  const head = await resolveHead(dir, objects);
  if (!head) return names;
  for await (const step of walkPrompt(objects, head, name)) if (!names.includes(step.name)) names.push(step.name);
  return names;
}

/**
 * The prompt's name at a commit (resolved to a full id): today's name when the prompt has files
 * under it there, else the name the walk from HEAD met it under, else the first older name it has
 * files under (the commit is off the prompt's simplified history, on a merged branch).
 */
export async function promptNameAt(dir: string, name: string, oid: string, objects = new GitObjectReader(dir)): Promise<string> {
  const present = async (each: string) => {
    const entries = await new PromptTreeReader(objects, each).atCommit(oid);
    return entries.prompt !== null || entries.cases !== null;
  };
  if (await present(name)) return name;
  const head = await resolveHead(dir, objects);
  if (!head) return name;
  const names: string[] = [];
  for await (const step of walkPrompt(objects, head, name)) {
    if (step.oid === oid) return step.name;
    if (!names.includes(step.name)) names.push(step.name);
  }
  for (const each of names) if (each !== name && (await present(each))) return each;
  return name;
}

function takeNewest(queue: Pending[]): Pending {
  let best = 0;
  for (let i = 1; i < queue.length; i++) {
    if ((queue[i] as Pending).commit.committer.timestamp > (queue[best] as Pending).commit.committer.timestamp) best = i;
  }
  return queue.splice(best, 1)[0] as Pending;
}
