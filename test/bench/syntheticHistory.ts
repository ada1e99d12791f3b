// A workspace whose prompt already has a long history, built fast: blobs, trees and commits are
// written directly with isomorphic-git (no working-tree or index work per commit), one minute
// apart, and then the working tree and index are brought in line with the last one.
import fs from 'node:fs';
import path from 'node:path';
import git, { type TreeEntry } from 'isomorphic-git';
import { promptFilePaths } from '../../electron/core/workspace/promptLibrary';
import type { Workspace } from '../../electron/core/workspace/workspace';

const author = { name: 'Bench Author', email: 'bench@example.com' };

/** Adds `count` commits that each change `name`'s .prompt file; returns the last commit id. */
export async function buildPromptHistory(workspace: Workspace, name: string, count: number): Promise<string> {
  const dir = workspace.path;
  const cache = {};
  const file = promptFilePaths(name).prompt;
  const fileName = path.basename(file);
  const original = fs.readFileSync(path.join(dir, file), 'utf8');
  let head = await git.resolveRef({ fs, dir, ref: 'HEAD' });
  const { commit: start } = await git.readCommit({ fs, dir, oid: head, cache });
  const root = (await git.readTree({ fs, dir, oid: start.tree, cache })).tree;
  const folder = root.find((entry) => entry.path === 'prompts') as TreeEntry;
  const inFolder = (await git.readTree({ fs, dir, oid: folder.oid, cache })).tree;
  let timestamp = start.committer.timestamp;
  let content = original;

  for (let i = 1; i <= count; i++) {
    content = `${original}\nRevision ${i}: keep answers under ${100 + i} words.\n`;
    const blob = await git.writeBlob({ fs, dir, blob: Buffer.from(content) });
    const folderTree = await git.writeTree({
      fs,
      dir,
      tree: inFolder.map((entry) => (entry.path === fileName ? { ...entry, oid: blob } : entry)),
    });
    const rootTree = await git.writeTree({
      fs,
      dir,
      tree: root.map((entry) => (entry.path === 'prompts' ? { ...entry, oid: folderTree } : entry)),
    });
    timestamp += 60;
    const person = { ...author, timestamp, timezoneOffset: 0 };
    head = await git.writeCommit({
      fs,
      dir,
      commit: { message: `Revision ${i}\n`, tree: rootTree, parent: [head], author: person, committer: person },
    });
  }
  await git.writeRef({ fs, dir, ref: 'refs/heads/main', value: head, force: true });
  fs.writeFileSync(path.join(dir, file), content);
  await git.add({ fs, dir, filepath: file });
  return head;
}
