// The prompt list. The sidebar asks for it after every save and every change on disk, and during a
// run the core's event loop has little time to spare. Parsing each prompt's YAML and template on
// every call was most of the list's work, and git's status over prompts/ (isomorphic-git's
// statusMatrix) takes a dozen asynchronous steps, each waiting its turn behind a run's callbacks.
// So a listing reads every file (a few small synchronous reads: an edit by any program is seen at
// once) and reuses what it can: a prompt is parsed again only when its text changed, and git's
// status is asked again only when a file's text or HEAD moved. Both results are functions of
// exactly those inputs (the status compares the working tree with HEAD), so nothing goes stale.
import path from 'node:path';
import type { PromptSummary } from '../../../shared/prompts';
import { headTarget, readRef } from './gitRefWrite';
import { changedFiles, isDirty, parsePrompt, promptNames, readPromptFiles, unopenedSummary, type PromptFiles } from './promptLibrary';
import type { Workspace } from './workspace';

type Listed = Omit<PromptSummary, 'dirty'>;

interface Memory {
  parsed: Map<string, { files: PromptFiles; summary: Listed }>;
  status: { head: string; files: Map<string, PromptFiles | null>; changed: Set<string> | null } | null;
}

const memories = new WeakMap<Workspace, Memory>();

/** Every .prompt in prompts/; a file that cannot be opened is listed with its problem, not left out. */
export async function listPrompts(workspace: Workspace): Promise<PromptSummary[]> {
  let memory = memories.get(workspace);
  if (!memory) memories.set(workspace, (memory = { parsed: new Map(), status: null }));
  const names = promptNames(workspace);
  const read = new Map<string, PromptFiles | Error>(names.map((name) => [name, readOrFailure(workspace, name)]));
  const changed = await changedPrompts(workspace, memory, read);
  const { parsed } = memory;
  // Prompts deleted or renamed are forgotten.
  for (const name of parsed.keys()) if (!read.has(name)) parsed.delete(name);
  return names.map((name) => {
    const files = read.get(name);
    if (files instanceof Error || files === undefined) {
      parsed.delete(name);
      return unopenedSummary(name, files);
    }
    return { ...summaryOf(name, files, parsed), dirty: isDirty(name, changed) };
  });
}

function readOrFailure(workspace: Workspace, name: string): PromptFiles | Error {
  try {
    return readPromptFiles(workspace, name);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function summaryOf(name: string, files: PromptFiles, parsed: Memory['parsed']): Listed {
  const last = parsed.get(name);
  if (last && sameText(last.files, files)) return last.summary;
  const { description, model, caseCount, problems } = parsePrompt(name, files);
  const summary = { name, description, model, caseCount, problems };
  parsed.set(name, { files, summary });
  return summary;
}

/** git's status of prompts/, asked again only when HEAD or a prompt's text differs from the last time. */
async function changedPrompts(workspace: Workspace, memory: Memory, read: Map<string, PromptFiles | Error>): Promise<Set<string> | null> {
  const head = headState(workspace);
  const files = new Map([...read].map(([name, files]) => [name, files instanceof Error ? null : files]));
  const last = memory.status;
  if (head !== null && last !== null && last.head === head && sameFiles(last.files, files)) return last.changed;
  const changed = await changedFiles(workspace);
  memory.status = head === null ? null : { head, files, changed };
  return changed;
}

/** Where HEAD points and the commit there, read synchronously; null when it cannot be read (git's status then says why). */
function headState(workspace: Workspace): string | null {
  try {
    const target = headTarget(workspace.path);
    return `${target} ${readRef(path.join(workspace.path, '.git'), target) ?? 'none'}`;
  } catch {
    return null;
  }
}

function sameFiles(a: Map<string, PromptFiles | null>, b: Map<string, PromptFiles | null>): boolean {
  if (a.size !== b.size) return false;
  for (const [name, files] of b) {
    const other = a.get(name);
    if (other === undefined || (other === null) !== (files === null)) return false;
    if (other && files && !sameText(other, files)) return false;
  }
  return true;
}

function sameText(a: PromptFiles, b: PromptFiles): boolean {
  return a.source === b.source && a.casesSource === b.casesSource && a.casesProblem?.message === b.casesProblem?.message;
}
