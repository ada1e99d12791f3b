// Where a prompt's two files sit in a commit's tree: root tree → prompts/ → <name>.prompt and
// <name>.cases.yaml. Reads are cached by tree id, so walking a long history reads each tree once.
import type { GitObjectReader } from './gitObjectReader';
import { promptFilePaths } from './promptLibrary';
import { PROMPTS_FOLDER } from './workspace';

export interface BlobEntry {
  oid: string;
  mode: string;
}

export interface PromptEntries {
  prompt: BlobEntry | null;
  cases: BlobEntry | null;
}

export const NO_ENTRIES: PromptEntries = { prompt: null, cases: null };

export function sameEntries(a: PromptEntries, b: PromptEntries): boolean {
  return a.prompt?.oid === b.prompt?.oid && a.cases?.oid === b.cases?.oid;
}

/** The file names of a prompt inside the prompts/ tree. */
export function promptFileNames(name: string): { prompt: string; cases: string } {
  const paths = promptFilePaths(name);
  const strip = (file: string) => file.slice(PROMPTS_FOLDER.length + 1);
  return { prompt: strip(paths.prompt), cases: strip(paths.cases) };
}

export class PromptTreeReader {
  private readonly files: { prompt: string; cases: string };
  /** root tree id → prompts/ tree id (null when the commit has no prompts/ folder) */
  private readonly folders = new Map<string, string | null>();
  /** prompts/ tree id → the prompt's entries */
  private readonly entries = new Map<string, PromptEntries>();

  constructor(
    private readonly objects: GitObjectReader,
    name: string,
  ) {
    this.files = promptFileNames(name);
  }

  async atTree(rootTree: string): Promise<PromptEntries> {
    let folder = this.folders.get(rootTree);
    if (folder === undefined) {
      const root = await this.objects.readTree(rootTree);
      folder = root.find((entry) => entry.path === PROMPTS_FOLDER && entry.type === 'tree')?.oid ?? null;
      this.folders.set(rootTree, folder);
    }
    if (folder === null) return NO_ENTRIES;
    let found = this.entries.get(folder);
    if (!found) {
      const list = await this.objects.readTree(folder);
      const blob = (file: string): BlobEntry | null => {
        const entry = list.find((item) => item.path === file && item.type === 'blob');
        return entry ? { oid: entry.oid, mode: entry.mode } : null;
      };
      found = { prompt: blob(this.files.prompt), cases: blob(this.files.cases) };
      this.entries.set(folder, found);
    }
    return found;
  }

  async atCommit(commitOid: string): Promise<PromptEntries> {
    return this.atTree((await this.objects.readCommit(commitOid)).tree);
  }
}
