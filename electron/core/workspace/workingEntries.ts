// The blob ids a prompt's working files would have in git, to compare the draft with a commit's
// entries without reading the commit's blobs.
import path from 'node:path';
import { loadGit } from './isomorphicGit';
import { promptFilePaths } from './promptLibrary';
import type { BlobEntry, PromptEntries } from './promptTree';
import { readFileIfPresent } from './workingFile';
import type { Workspace } from './workspace';

export async function workingEntries(workspace: Workspace, name: string): Promise<PromptEntries> {
  const git = await loadGit();
  const paths = promptFilePaths(name);
  const entry = async (file: string): Promise<BlobEntry | null> => {
    const content = readFileIfPresent(path.join(workspace.path, file));
    return content === null ? null : { oid: (await git.hashBlob({ object: content })).oid, mode: '100644' };
  };
  return { prompt: await entry(paths.prompt), cases: await entry(paths.cases) };
}
