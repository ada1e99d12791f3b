// User settings kept in the workspace database. Each key has its own schema and default,
// so a bad value is refused at the boundary rather than discovered later.
import { z } from 'zod';

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

export const Settings = z.object({
  theme: Theme.default('system'),
});
export type Settings = z.infer<typeof Settings>;

export const SettingUpdate = z.discriminatedUnion('key', [
  z.object({ key: z.literal('theme'), value: Theme }),
]);
export type SettingUpdate = z.infer<typeof SettingUpdate>;

export const defaultSettings: Settings = Settings.parse({});
