// Where a prompt that appears in a commit came from: a `.prompt` file of its parent that the commit
// removed, with the same content (what the app's rename and `git mv` commit) or, as git's rename
// detection allows, mostly the same (at least half of the bytes in common), so a rename made
// together with an edit is followed as `git log --follow` follows it.
import { PromptName } from '../../../shared/prompts';
import type { GitObjectReader } from './gitObjectReader';
import { PROMPT_EXTENSION } from './promptLibrary';
import { PROMPTS_FOLDER } from './workspace';

/** git's default: `-M50%`. */
const MIN_SIMILARITY = 0.5;
/** Past this many removed prompts in one commit only exact renames are looked for, as git limits its own search. */
const MAX_INEXACT_CANDIDATES = 100;

/** The prompt names in a commit's prompts/ folder, with their blob ids. */
async function promptBlobs(objects: GitObjectReader, rootTree: string): Promise<Map<string, string>> {
  const root = await objects.readTree(rootTree);
  const folder = root.find((entry) => entry.path === PROMPTS_FOLDER && entry.type === 'tree');
  const blobs = new Map<string, string>();
  if (!folder) return blobs;
  for (const entry of await objects.readTree(folder.oid)) {
    if (entry.type !== 'blob' || !entry.path.endsWith(PROMPT_EXTENSION)) continue;
    const name = entry.path.slice(0, -PROMPT_EXTENSION.length);
    if (PromptName.safeParse(name).success) blobs.set(name, entry.oid);
  }
  return blobs;
}

/**
 * The name the prompt had in the parent, when the commit renamed it there: `blob` is the prompt's
 * file in the commit. null when it was new (no removed prompt is similar enough).
 */
export async function renamedFrom(objects: GitObjectReader, tree: string, parentTree: string, blob: string): Promise<string | null> {
  const mine = await promptBlobs(objects, tree);
  const removed = [...(await promptBlobs(objects, parentTree))].filter(([name]) => !mine.has(name));
  const exact = removed.find(([, oid]) => oid === blob);
  if (exact) return exact[0];
  if (removed.length === 0 || removed.length > MAX_INEXACT_CANDIDATES) return null;
  const text = await objects.readBlob(blob);
  let best: { name: string; score: number } | null = null;
  for (const [name, oid] of removed) {
    const score = similarity(text, await objects.readBlob(oid));
    if (score >= MIN_SIMILARITY && (best === null || score > best.score)) best = { name, score };
  }
  return best?.name ?? null;
}

/**
 * The share of bytes two texts have in common, counted by whole lines (each line as often as it
 * occurs in both), over the larger text: git's measure (bytes copied over the larger size), on lines.
 */
export function similarity(a: Buffer, b: Buffer): number {
  const larger = Math.max(a.length, b.length);
  if (larger === 0) return 1;
  const counts = new Map<string, number>();
  for (const line of lines(a)) counts.set(line, (counts.get(line) ?? 0) + 1);
  let common = 0;
  for (const line of lines(b)) {
    const left = counts.get(line) ?? 0;
    if (left === 0) continue;
    counts.set(line, left - 1);
    common += Buffer.byteLength(line) + 1;
  }
  return Math.min(1, common / larger);
}

function lines(text: Buffer): string[] {
  return text.toString('utf8').split('\n');
}
