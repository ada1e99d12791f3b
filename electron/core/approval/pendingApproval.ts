// An approval is two git steps: the commit (the branch moves to it) and its approved/<name>/v<k>
// tag. A crash between them would leave an approved commit without its tag. So before the branch
// moves, the approval writes a note in the workspace's state folder, and removes it once tagged;
// the next open finishes the tag of any note whose owner is gone.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Author } from '../../../shared/settings';
import { writeFileAtomic } from '../workspace/atomicWrite';
import { processAlive } from '../processAlive';
import { resolveHead } from '../workspace/gitRefs';
import { loadGit } from '../workspace/isomorphicGit';
import { gitFs } from '../workspace/gitFs';
import type { Workspace } from '../workspace/workspace';
import { listApprovalTags, tagApproval } from '../workspace/approvalTags';

const FOLDER = 'pending-approvals';
/** A note this old belongs to a process that is gone even if its process id was reused since. */
const ABANDONED_AFTER_MS = 2 * 60_000;

interface PendingNote {
  prompt: string;
  /** The commit the branch is about to move to. */
  commit: string;
  message: string;
  tagger: Author;
  /** The names the prompt had before a rename, whose tags the numbering continues (absent in notes of older versions). */
  formerNames?: string[];
  pid: number;
  host: string;
  at: number;
}

export interface PendingApproval {
  /** Records (again, after a rebuild) the commit about to become the approved version. */
  note(commit: string): void;
  /** The approval finished, or never committed. */
  clear(): void;
}

export function pendingApproval(workspace: Workspace, prompt: string, message: string, tagger: Author, formerNames: string[] = []): PendingApproval {
  const file = path.join(workspace.stateDir, FOLDER, `${randomBytes(6).toString('hex')}.json`);
  return {
    note(commit) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const note: PendingNote = { prompt, commit, message, tagger, formerNames, pid: process.pid, host: os.hostname(), at: Date.now() };
      writeFileAtomic(file, JSON.stringify(note));
    },
    clear() {
      fs.rmSync(file, { force: true });
    },
  };
}

/**
 * Tags the approvals that a process which is gone committed but did not tag. Returns the tags made.
 * Each note is claimed by renaming it first, so two processes opening at once never tag twice.
 */
export async function completePendingApprovals(workspace: Workspace, isAlive: (pid: number) => boolean = processAlive): Promise<string[]> {
  const folder = path.join(workspace.stateDir, FOLDER);
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  const made: string[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    const note = readNote(file);
    if (note && !abandoned(note, isAlive)) continue;
    const claimed = `${file}.${process.pid}.claimed`;
    try {
      fs.renameSync(file, claimed);
    } catch {
      continue;
    }
    try {
      if (note && (await committedWithoutTag(workspace.path, note))) {
        made.push(await tagApproval(workspace.path, note.prompt, note.commit, note.tagger, note.message, note.formerNames ?? []));
      }
    } finally {
      fs.rmSync(claimed, { force: true });
    }
  }
  return made;
}

function abandoned(note: PendingNote, isAlive: (pid: number) => boolean): boolean {
  if (Date.now() - note.at > ABANDONED_AFTER_MS) return true;
  return note.host === os.hostname() && !isAlive(note.pid);
}

/** The branch moved to the commit (it is HEAD or one of its ancestors) and no approval tag marks it. */
async function committedWithoutTag(dir: string, note: PendingNote): Promise<boolean> {
  const head = await resolveHead(dir);
  if (!head) return false;
  const git = await loadGit();
  const onBranch = head === note.commit || (await git.isDescendent({ fs: gitFs, dir, oid: head, ancestor: note.commit, depth: -1 }).catch(() => false));
  if (!onBranch) return false;
  const tags = await listApprovalTags(dir, note.prompt);
  return !tags.some((tag) => tag.commit === note.commit);
}

function readNote(file: string): PendingNote | null {
  try {
    const note = JSON.parse(fs.readFileSync(file, 'utf8')) as PendingNote;
    return typeof note.prompt === 'string' && /^[0-9a-f]{40}$/.test(note.commit) ? note : null;
  } catch {
    return null;
  }
}
