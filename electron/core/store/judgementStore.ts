// Judge models' answers about outputs (see migration 8), keyed by the judgement's cache key. A key
// is read in batches for a whole run; each write replaces the key's answers with the longer list,
// so a rubric asked more often later keeps the answers it already paid for.
import type Database from 'better-sqlite3';
import { roundUsdOrNull } from '../../../shared/money';

/** One answer of the judge, recorded as a sample's call would be. */
export interface JudgeAnswerRecord {
  /** null: the answer could not be read as a verdict. */
  pass: boolean | null;
  reason: string;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  latencyMs: number;
}

export interface StoredJudgement {
  judge: string;
  votes: JudgeAnswerRecord[];
}

/** Compact: [pass 1|0|null, reason, inputTokens, outputTokens, costUsd, latencyMs]. */
type Row = [1 | 0 | null, string, number | null, number | null, number | null, number];

const BATCH = 500;

export class JudgementStore {
  private readonly upsert: Database.Statement;
  private readonly selects = new Map<number, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.upsert = db.prepare(
      `INSERT OR REPLACE INTO judgements (cache_key, judge, votes_json, calls, input_tokens, output_tokens, cost_usd, latency_ms, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** The stored judgements among `keys`. */
  read(keys: Iterable<string>): Map<string, StoredJudgement> {
    const found = new Map<string, StoredJudgement>();
    const all = [...new Set(keys)];
    for (let start = 0; start < all.length; start += BATCH) {
      const batch = all.slice(start, start + BATCH);
      for (const row of this.select(batch.length).all(...batch) as { key: string; judge: string; json: string }[]) {
        found.set(row.key, { judge: row.judge, votes: fromRows(row.json) });
      }
    }
    return found;
  }

  save(key: string, judgement: StoredJudgement): void {
    const { votes } = judgement;
    const total = (pick: (vote: JudgeAnswerRecord) => number | null) =>
      votes.some((vote) => pick(vote) === null) ? null : votes.reduce((sum, vote) => sum + (pick(vote) ?? 0), 0);
    this.upsert.run(
      key,
      judgement.judge,
      JSON.stringify(votes.map((vote): Row => [vote.pass === null ? null : vote.pass ? 1 : 0, vote.reason, vote.inputTokens, vote.outputTokens, vote.costUsd, vote.latencyMs])),
      votes.length,
      total((vote) => vote.inputTokens),
      total((vote) => vote.outputTokens),
      roundUsdOrNull(total((vote) => vote.costUsd)),
      votes.reduce((sum, vote) => sum + vote.latencyMs, 0),
      new Date().toISOString(),
    );
  }

  private select(size: number): Database.Statement {
    let statement = this.selects.get(size);
    if (!statement) {
      statement = this.db.prepare(`SELECT cache_key AS key, judge, votes_json AS json FROM judgements WHERE cache_key IN (${Array(size).fill('?').join(', ')})`);
      this.selects.set(size, statement);
    }
    return statement;
  }
}

function fromRows(json: string): JudgeAnswerRecord[] {
  return (JSON.parse(json) as Row[]).map(([pass, reason, inputTokens, outputTokens, costUsd, latencyMs]) => ({
    pass: pass === null ? null : pass === 1,
    reason,
    inputTokens,
    outputTokens,
    costUsd,
    latencyMs,
  }));
}
