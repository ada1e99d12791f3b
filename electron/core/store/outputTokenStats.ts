// How long a prompt's answers usually are, per model: the run estimate's best guess at output tokens.
import type Database from 'better-sqlite3';

export function meanOutputTokens(db: Database.Database, prompt: string, modelId: string): number | null {
  const row = db
    .prepare(
      `SELECT AVG(s.output_tokens) AS mean FROM samples s JOIN runs r ON r.id = s.run_id
       WHERE r.prompt = ? AND r.deleted_at IS NULL AND s.model = ? AND s.status = 'ok' AND s.output_tokens IS NOT NULL`,
    )
    .get(prompt, modelId) as { mean: number | null } | undefined;
  return row?.mean ?? null;
}
