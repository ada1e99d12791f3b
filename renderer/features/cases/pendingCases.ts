// Cases imported or drafted but not kept yet. They stay out of the cases draft, which saves itself
// as you type, so nothing reaches the file until a person keeps them; kept, they join the draft and
// save as usual. Held per prompt for as long as the window lives, so switching tabs loses nothing.
import { useSyncExternalStore } from 'react';
import type { PromptCase } from '../../../shared/prompts';
import { uniqueCaseName } from './caseModel';

export interface PendingCase {
  id: number;
  entry: PromptCase;
  origin: 'imported' | 'drafted';
  /** Where it does not fit the input schema; empty when it fits. */
  problems: string[];
}

const byPrompt = new Map<string, PendingCase[]>();
const listeners = new Set<() => void>();
const EMPTY: PendingCase[] = [];
let nextId = 1;

function set(prompt: string, rows: PendingCase[]): void {
  if (rows.length === 0) byPrompt.delete(prompt);
  else byPrompt.set(prompt, rows);
  for (const listener of [...listeners]) listener();
}

export const pendingCases = {
  get: (prompt: string): PendingCase[] => byPrompt.get(prompt) ?? EMPTY,
  add(prompt: string, rows: readonly Omit<PendingCase, 'id'>[]): void {
    set(prompt, [...pendingCases.get(prompt), ...rows.map((row) => ({ ...row, id: nextId++ }))]);
  },
  drop(prompt: string, ids: ReadonlySet<number>): void {
    set(prompt, pendingCases.get(prompt).filter((row) => !ids.has(row.id)));
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function usePendingCases(prompt: string): PendingCase[] {
  return useSyncExternalStore(pendingCases.subscribe, () => pendingCases.get(prompt));
}

/** The cases with the kept rows appended, each under a name no other case has. */
export function keepCases(cases: readonly PromptCase[], kept: readonly PendingCase[]): PromptCase[] {
  const next = [...cases];
  for (const row of kept) next.push({ ...row.entry, name: uniqueCaseName(next, row.entry.name.trim() || 'case') });
  return next;
}
