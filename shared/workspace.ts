import { z } from 'zod';

export const WorkspaceInfo = z.object({
  path: z.string(),
  name: z.string(),
  branch: z.string().nullable(),
  head: z.object({ oid: z.string(), message: z.string() }).nullable(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;

/**
 * The core's own process, as its launcher (the desktop app's main process, or `workbench serve`)
 * reports it: it stopped unexpectedly and is being started again, it was started again, or it
 * could not be kept running. The message says what happened, for a person.
 */
export const CoreStatus = z.object({
  state: z.enum(['restarting', 'restarted', 'stopped']),
  message: z.string(),
});
export type CoreStatus = z.infer<typeof CoreStatus>;
