// Turns what a person types for a version (a full or short commit id, HEAD, HEAD~2, main^, a tag)
// into a full commit id, as `git rev-parse` would.
import { WorkbenchError } from '../../../shared/errors';
import { assertRepository, guardGit, isNotFound } from './gitFailure';
import { gitFs } from './gitFs';
import { GitObjectReader } from './gitObjectReader';
import { loadGit } from './isomorphicGit';

const FULL_OID = /^[0-9a-f]{40}$/i;
const SHORT_OID = /^[0-9a-f]{4,39}$/i;
/** A name followed by any number of `~n`, `~`, `^n`, `^` steps back through the parents. */
const WITH_STEPS = /^(.*?)((?:[~^]\d*)*)$/;

/** The commit HEAD points to, or null in a repository with no commits yet. */
export async function resolveHead(dir: string, objects = new GitObjectReader(dir)): Promise<string | null> {
  const git = await loadGit();
  assertRepository(dir);
  return guardGit(dir, async () => {
    let oid: string;
    try {
      oid = await git.resolveRef({ fs: gitFs, dir, ref: 'HEAD' });
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    return peelToCommit(dir, objects, oid, 'HEAD', false);
  });
}

export async function resolveRef(workspace: { readonly path: string }, ref: string, objects = new GitObjectReader(workspace.path)): Promise<string> {
  const dir = workspace.path;
  assertRepository(dir);
  const [, base = '', steps = ''] = WITH_STEPS.exec(ref.trim()) ?? [];
  // Ref names are looked up as files under .git; refuse what git's check-ref-format refuses.
  if (!base || base.includes('..') || /^[/.-]|\/\.|[/.]$|\.lock$/.test(base)) throw notFound(dir, ref);
  return guardGit(dir, async () => {
    let oid = await peelToCommit(dir, objects, await resolveName(dir, base, ref), ref, FULL_OID.test(base));
    for (const [, op, digits] of steps.matchAll(/([~^])(\d*)/g)) {
      const count = digits === '' ? 1 : Number(digits);
      if (op === '~') {
        for (let i = 0; i < count; i++) oid = await parentOf(dir, objects, oid, 1, ref);
      } else if (count > 0) {
        oid = await parentOf(dir, objects, oid, count, ref);
      }
    }
    return oid;
  });
}

async function resolveName(dir: string, name: string, ref: string): Promise<string> {
  const git = await loadGit();
  if (FULL_OID.test(name)) return name.toLowerCase();
  try {
    // HEAD, branches, tags and full ref names, loose or packed.
    return await git.resolveRef({ fs: gitFs, dir, ref: name });
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  if (!SHORT_OID.test(name)) throw notFound(dir, ref);
  try {
    return await git.expandOid({ fs: gitFs, dir, oid: name.toLowerCase() });
  } catch (error) {
    if (isNotFound(error)) throw notFound(dir, ref);
    if ((error as { code?: string }).code === 'AmbiguousError') {
      throw new WorkbenchError('BAD_INPUT', `"${name}" is the start of several object ids in ${dir}. Give more characters of the commit id.`);
    }
    throw error;
  }
}

/** Follows annotated tags to the commit they name; anything else that is not a commit is refused. */
async function peelToCommit(dir: string, objects: GitObjectReader, oid: string, ref: string, typedOid: boolean): Promise<string> {
  for (let hops = 0; hops < 10; hops++) {
    let type: string;
    let body: Buffer;
    try {
      ({ type, body } = await objects.readRaw(oid));
    } catch (error) {
      // A typed id that names nothing is a mistake; a branch pointing at a missing object is damage.
      if (isNotFound(error) && typedOid) throw notFound(dir, ref);
      throw error;
    }
    if (type === 'commit') return oid;
    const target = type === 'tag' ? /^object ([0-9a-f]{40})$/m.exec(body.toString('utf8'))?.[1] : undefined;
    if (!target) break;
    oid = target;
  }
  throw new WorkbenchError('NOT_FOUND', `"${ref}" in ${dir} is not a commit. Use a commit id from \`workbench history <name>\`, or HEAD~n.`);
}

async function parentOf(dir: string, objects: GitObjectReader, oid: string, index: number, ref: string): Promise<string> {
  const parent = (await objects.readCommit(oid)).parent[index - 1];
  if (!parent) {
    throw new WorkbenchError(
      'NOT_FOUND',
      `"${ref}" goes back further than the history in ${dir}. Use a commit id from \`workbench history <name>\`, or a smaller HEAD~n.`,
    );
  }
  return parent;
}

function notFound(dir: string, ref: string): WorkbenchError {
  return new WorkbenchError('NOT_FOUND', `No commit "${ref}" in ${dir}. Use a commit id from \`workbench history <name>\`, or HEAD~n.`);
}
