// User settings kept in the workspace database. Each key has its own schema and default,
// so a bad value is refused at the boundary rather than discovered later.
import { z } from 'zod';

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

/** Who commits: asked once, defaulting to the user's global git config when present. */
export const Author = z.object({
  name: z.string().trim().min(1, 'Give a name'),
  email: z.string().trim().email('Give an email address'),
});
export type Author = z.infer<typeof Author>;

export const Settings = z.object({
  theme: Theme.default('system'),
  author: Author.nullable().default(null),
});
export type Settings = z.infer<typeof Settings>;

export const SettingUpdate = z.discriminatedUnion('key', [
  z.object({ key: z.literal('theme'), value: Theme }),
  z.object({ key: z.literal('author'), value: Author }),
]);
export type SettingUpdate = z.infer<typeof SettingUpdate>;

export const defaultSettings: Settings = Settings.parse({});
