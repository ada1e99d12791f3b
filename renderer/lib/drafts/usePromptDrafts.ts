// One prompt's two editable files, each kept in step with disk by a DraftSync. They live as long as
// the prompt's page, so switching between its tabs keeps unsaved text and a pending conflict.
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { WorkbenchError } from '../../../shared/errors';
import type { PromptCase, PromptDetail } from '../../../shared/prompts';
import { useSaveCases, useSavePrompt } from '../../api/promptMutations';
import { fetchPromptNow } from '../../api/queries';
import { errorMessage } from '../../components/ErrorState';
import { casesEqual, duplicateCaseName } from '../caseList';
import { DraftSync, type DraftSnapshot } from './draftSync';

export const SOURCE_SAVE_DELAY_MS = 600;

export interface PromptDrafts {
  source: DraftSync<string>;
  cases: DraftSync<PromptCase[]>;
}

const isConflict = (error: unknown) => error instanceof WorkbenchError && error.code === 'CONFLICT';

export function usePromptDrafts(prompt: PromptDetail): PromptDrafts {
  const { name } = prompt;
  const queryClient = useQueryClient();
  const saveSource = useSavePrompt(name).mutateAsync;
  const saveCases = useSaveCases(name).mutateAsync;
  const [drafts] = useState<PromptDrafts>(() => ({
    source: new DraftSync<string>({
      initial: { value: prompt.source, hash: prompt.sourceHash },
      equals: (a, b) => a === b,
      delay: SOURCE_SAVE_DELAY_MS,
      save: async (source, expectedHash) => (await saveSource({ source, expectedHash })).sourceHash,
      readDisk: async () => {
        const detail = await fetchPromptNow(queryClient, name);
        return { value: detail.source, hash: detail.sourceHash };
      },
      isConflict,
      describeError: errorMessage,
    }),
    cases: new DraftSync<PromptCase[]>({
      initial: { value: prompt.cases, hash: prompt.casesHash },
      equals: casesEqual,
      delay: SOURCE_SAVE_DELAY_MS,
      save: async (cases, expectedHash) => {
        // The core refuses this too; saying so here keeps the half-typed state off the wire.
        const duplicate = duplicateCaseName(cases);
        if (duplicate !== null) throw new WorkbenchError('BAD_INPUT', `Two cases are named “${duplicate}”; give each case its own name to save.`);
        return (await saveCases({ cases, expectedHash })).casesHash;
      },
      readDisk: async () => {
        const detail = await fetchPromptNow(queryClient, name);
        return { value: detail.cases, hash: detail.casesHash };
      },
      isConflict,
      describeError: errorMessage,
    }),
  }));

  useEffect(() => {
    drafts.source.serverChanged({ value: prompt.source, hash: prompt.sourceHash });
  }, [drafts, prompt.source, prompt.sourceHash]);
  useEffect(() => {
    drafts.cases.serverChanged({ value: prompt.cases, hash: prompt.casesHash });
  }, [drafts, prompt.cases, prompt.casesHash]);
  // Leaving the prompt writes what is still pending (unless it needs a decision first).
  useEffect(
    () => () => {
      drafts.source.flush();
      drafts.cases.flush();
    },
    [drafts],
  );
  return drafts;
}

export function useDraft<T>(draft: DraftSync<T>): DraftSnapshot<T> {
  return useSyncExternalStore(draft.subscribe, draft.getSnapshot);
}

/**
 * Writes both files now, before an action that reads them from disk (commit, rename, restore).
 * Resolves with a reason when that cannot be done without the person deciding something first.
 */
export async function settleDrafts(drafts: PromptDrafts): Promise<string | null> {
  await Promise.all([drafts.source.saveNow(), drafts.cases.saveNow()]);
  for (const draft of [drafts.source, drafts.cases]) {
    const { state, error } = draft.getSnapshot();
    if (state === 'conflict') return 'A file of this prompt changed on disk. Choose which version to keep first.';
    if (state === 'failed') return error ?? 'The latest changes could not be saved.';
  }
  return null;
}

export const PromptDraftsContext = createContext<PromptDrafts | null>(null);

export function usePromptDraftsContext(): PromptDrafts {
  const drafts = useContext(PromptDraftsContext);
  if (!drafts) throw new Error('usePromptDraftsContext needs a PromptDraftsContext provider (the prompt page).');
  return drafts;
}
