// Settings as JSON values keyed by name; unknown or invalid stored values fall back to defaults.
import type Database from 'better-sqlite3';
import { Settings, type SettingUpdate } from '../../../shared/settings';

export class SettingsStore {
  constructor(private readonly db: Database.Database) {}

  read(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const stored: Record<string, unknown> = {};
    for (const row of rows) stored[row.key] = safeJson(row.value);
    // Parse key by key so one bad value (hand-edited, older app) does not discard the others.
    const settings: Record<string, unknown> = Settings.parse({});
    for (const key of Object.keys(Settings.shape) as (keyof Settings)[]) {
      const parsed = Settings.shape[key].safeParse(stored[key]);
      if (parsed.success && stored[key] !== undefined) settings[key] = parsed.data;
    }
    return Settings.parse(settings);
  }

  write(update: SettingUpdate): Settings {
    this.db
      .prepare(
        `INSERT INTO settings (key, value) VALUES (?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      )
      .run(update.key, JSON.stringify(update.value));
    return this.read();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
