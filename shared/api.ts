// The whole surface between the UI and the core. Both transports and both clients derive from it.
import { z } from 'zod';
import { method, type ClientOf, type Contract, type ImplementationOf } from './contract';
import { PromptDetail, PromptName, PromptSummary, RenderRequest, RenderedPrompt } from './prompts';
import {
  CheckPromptRequest,
  CreatePromptRequest,
  DeletePromptRequest,
  DeletedPrompt,
  PromptCheck,
  RenamePromptRequest,
  SaveCasesRequest,
  SavePromptRequest,
  Starter,
} from './promptFiles';
import { Author, SettingUpdate, Settings } from './settings';
import { CommitRequest, DiffRequest, HistoryRequest, PromptAtVersion, PromptDiff, Version, VersionRequest } from './versions';
import { WorkspaceInfo } from './workspace';

const methods = {
  getWorkspace: method(z.object({}), WorkspaceInfo),
  listPrompts: method(z.object({}), z.array(PromptSummary)),
  getPrompt: method(z.object({ name: PromptName }), PromptDetail),
  renderPrompt: method(RenderRequest, RenderedPrompt),
  checkPrompt: method(CheckPromptRequest, PromptCheck),

  savePrompt: method(SavePromptRequest, PromptDetail),
  saveCases: method(SaveCasesRequest, PromptDetail),
  listStarters: method(z.object({}), z.array(Starter)),
  createPrompt: method(CreatePromptRequest, PromptDetail),
  renamePrompt: method(RenamePromptRequest, PromptDetail),
  duplicatePrompt: method(RenamePromptRequest, PromptDetail),
  deletePrompt: method(DeletePromptRequest, DeletedPrompt),

  commitPrompt: method(CommitRequest, Version),
  promptHistory: method(HistoryRequest, z.array(Version)),
  promptAtVersion: method(VersionRequest, PromptAtVersion),
  diffPrompt: method(DiffRequest, PromptDiff),
  restorePrompt: method(VersionRequest, PromptDetail),
  /** The commit author: settings, else the global git config, else null (the UI asks once). */
  getAuthor: method(z.object({}), Author.nullable()),
  getSettings: method(z.object({}), Settings),
  setSetting: method(SettingUpdate, Settings),
};

const events = {
  /** Files under prompts/ changed on disk (by the app, another editor or git). */
  promptsChanged: z.object({ names: z.array(z.string()) }),
  /** The git repository moved (a commit, checkout or pull, by the app or by git): dirty marks and history may differ. */
  repositoryChanged: z.object({}),
  settingsChanged: Settings,
};

export const api = { methods, events } satisfies Contract;
export type Api = typeof api;
export type WorkbenchApi = ImplementationOf<Api>;
export type WorkbenchClient = ClientOf<Api>;
export type MethodName = keyof Api['methods'] & string;
export type EventName = keyof Api['events'] & string;
