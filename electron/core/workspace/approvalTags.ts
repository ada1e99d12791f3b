// The tags that mark approved versions: `approved/<name>/v<k>`, annotated (the tag carries who
// approved, when and the message with the evidence as trailers, as `git show approved/<name>/v1`
// prints it), k counting that prompt's approvals from 1, across its renames: the tags made under
// an older name stay as they are, and the next one under the new name continues their numbering.
import { WorkbenchError } from '../../../shared/errors';
import type { Author } from '../../../shared/settings';
import { gitFs } from './gitFs';
import { GitObjectReader } from './gitObjectReader';
import { compareAndSwapRef } from './gitRefWrite';
import { loadGit } from './isomorphicGit';

export interface ApprovalTag {
  /** The short name, `approved/<name>/v<k>`. */
  name: string;
  version: number;
  /** The commit it marks (annotated tags peeled). */
  commit: string;
  /** The annotated tag's message (null for a lightweight tag). */
  message: string | null;
}

const VERSION = /^v([1-9]\d*)$/;

export function approvalTagPrefix(promptName: string): string {
  return `approved/${promptName}/`;
}

/** Every approval tag of the prompt, lowest version first. */
export async function listApprovalTags(dir: string, promptName: string, objects = new GitObjectReader(dir)): Promise<ApprovalTag[]> {
  const git = await loadGit();
  const prefix = approvalTagPrefix(promptName);
  // Loose and packed tags under refs/tags/approved/<name>/; a longer name sharing the prefix
  // (`summarize-v2`) comes back as a path with a slash and fails the version pattern.
  const names = await git.listRefs({ fs: gitFs, dir, filepath: `refs/tags/${prefix.slice(0, -1)}` });
  const tags: ApprovalTag[] = [];
  for (const entry of names) {
    const match = VERSION.exec(entry);
    if (!match) continue;
    const name = `${prefix}${entry}`;
    const oid = await git.resolveRef({ fs: gitFs, dir, ref: `refs/tags/${name}` });
    const peeled = await peel(objects, oid);
    if (peeled) tags.push({ name, version: Number(match[1]), ...peeled });
  }
  return tags.sort((a, b) => a.version - b.version);
}

/**
 * The commit an annotated tag points at, or the id itself for a lightweight one, with the first
 * tag's message; null for anything else.
 */
async function peel(objects: GitObjectReader, oid: string): Promise<{ commit: string; message: string | null } | null> {
  let current = oid;
  let message: string | null = null;
  for (let hops = 0; hops < 10; hops++) {
    const { type, body } = await objects.readRaw(current);
    if (type === 'commit') return { commit: current, message };
    const text = body.toString('utf8');
    const target = type === 'tag' ? /^object ([0-9a-f]{40})$/m.exec(text)?.[1] : undefined;
    if (!target) return null;
    // The message follows the header's blank line; a signature, if any, is part of it for git too.
    if (message === null) message = tagMessage(text);
    current = target;
  }
  return null;
}

function tagMessage(text: string): string {
  const start = text.indexOf('\n\n');
  return start === -1 ? '' : text.slice(start + 2);
}

/**
 * The next tag: one past the highest version so far, among the tags of the prompt under every
 * name it had. That equals "one more than the number of approvals", and stays unique even after
 * someone deleted an older tag by hand.
 */
export function nextApprovalTag(promptName: string, existing: readonly ApprovalTag[]): string {
  const highest = existing.reduce((max, tag) => Math.max(max, tag.version), 0);
  return `${approvalTagPrefix(promptName)}v${highest + 1}`;
}

/** Refuses names git would not accept as a tag (check-ref-format), before anything is committed. */
export function assertTaggable(promptName: string): void {
  if (promptName.includes('..') || promptName.endsWith('.lock')) {
    throw new WorkbenchError(
      'BAD_INPUT',
      `"${promptName}" cannot be part of a git tag name (it contains ".." or ends in ".lock"). Rename the prompt, then approve it.`,
    );
  }
}

/**
 * Tags the commit with the prompt's next approval tag and returns its name. The tag ref is created
 * under git's ref lock and only if it does not exist yet, so when another process (the app and the
 * command line on one workspace) takes a version at the same moment, the next one is used.
 * `formerNames`: the names the prompt had before a rename, whose tags count for the numbering.
 */
export async function tagApproval(dir: string, promptName: string, commit: string, tagger: Author, message: string, formerNames: readonly string[] = []): Promise<string> {
  const git = await loadGit();
  const now = new Date();
  const signature = { ...tagger, timestamp: Math.floor(now.getTime() / 1000), timezoneOffset: now.getTimezoneOffset() };
  const names = [promptName, ...formerNames.filter((name) => name !== promptName)];
  for (let attempt = 0; attempt < 5; attempt++) {
    const objects = new GitObjectReader(dir);
    const existing = (await Promise.all(names.map((name) => listApprovalTags(dir, name, objects)))).flat();
    const tag = nextApprovalTag(promptName, existing);
    const object = await git.writeTag({ fs: gitFs, dir, tag: { object: commit, type: 'commit', tag, tagger: signature, message } });
    if (await compareAndSwapRef(dir, `refs/tags/${tag}`, object, null)) return tag;
  }
  throw new WorkbenchError('CONFLICT', `Could not find a free approved/${promptName}/v<k> tag for ${commit}. Tag it by hand with \`git tag\`.`);
}
