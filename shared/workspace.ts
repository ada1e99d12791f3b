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
