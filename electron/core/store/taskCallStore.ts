// Recorded task calls (core/tasks, opt-in): one row per call, written by whichever process made it
// (an application's runtime, `workbench call --record`) while the app may be reading; each write
// is one short statement under WAL. Read back per version for the History tab's "In use" panel.
import type Database from 'better-sqlite3';
import { percentile } from '../../../shared/cellStats';
import { roundUsd } from '../../../shared/money';
import type { VersionUsage } from '../../../shared/taskCalls';
import { sortableId } from './sortableId';

export interface TaskCallRecord {
  prompt: string;
  versionCommit: string | null;
  versionTag: string | null;
  versionAsked: string;
  model: string;
  temperature: number | null;
  ok: boolean;
  error: { code: string; message: string } | null;
  schemaValid: boolean | null;
  attempts: number;
  latencyMs: number;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  /** The prompt's checks on the answer; null when it has none (or no answer came). */
  verdicts: { check: string; passed: boolean | null; reason: string }[] | null;
  /** Who called: `runtime` (prompt-workbench/tasks) or `cli` (workbench call). */
  caller: 'runtime' | 'cli';
}

interface Row {
  version_commit: string | null;
  version_tag: string | null;
  model: string;
  ok: number;
  error_code: string | null;
  schema_valid: number | null;
  latency_ms: number;
  input_tokens: number | null;
  output_tokens: number | null;
  cost_usd: number | null;
  checks_passed: number | null;
  checks_failed: number | null;
  created_at: string;
}

export class TaskCallStore {
  private readonly insert: Database.Statement;
  private readonly byPrompt: Database.Statement;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO task_calls (id, prompt, version_commit, version_tag, version_asked, model, temperature, ok, error_code, error_message, schema_valid,
         attempts, latency_ms, input_tokens, output_tokens, cost_usd, checks_passed, checks_failed, verdicts_json, caller, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byPrompt = db.prepare(
      `SELECT version_commit, version_tag, model, ok, error_code, schema_valid, latency_ms, input_tokens, output_tokens, cost_usd, checks_passed, checks_failed, created_at
       FROM task_calls WHERE prompt = ? ORDER BY created_at`,
    );
  }

  record(call: TaskCallRecord): string {
    const id = sortableId();
    const passed = call.verdicts === null ? null : call.verdicts.filter((verdict) => verdict.passed === true).length;
    const failed = call.verdicts === null ? null : call.verdicts.filter((verdict) => verdict.passed === false).length;
    this.insert.run(
      id,
      call.prompt,
      call.versionCommit,
      call.versionTag,
      call.versionAsked,
      call.model,
      call.temperature,
      call.ok ? 1 : 0,
      call.error?.code ?? null,
      call.error?.message ?? null,
      call.schemaValid === null ? null : call.schemaValid ? 1 : 0,
      call.attempts,
      call.latencyMs,
      call.inputTokens,
      call.outputTokens,
      call.costUsd,
      passed,
      failed,
      call.verdicts === null ? null : JSON.stringify(call.verdicts),
      call.caller,
      new Date().toISOString(),
    );
    return id;
  }

  /** The prompt's calls grouped by the commit they sent, the most recently used version first. */
  usage(prompt: string): VersionUsage[] {
    const groups = new Map<string | null, Row[]>();
    for (const row of this.byPrompt.all(prompt) as Row[]) {
      const list = groups.get(row.version_commit) ?? [];
      list.push(row);
      groups.set(row.version_commit, list);
    }
    return [...groups.entries()].map(([commit, rows]) => summarise(commit, rows)).sort((a, b) => (b.lastCallAt ?? '').localeCompare(a.lastCallAt ?? ''));
  }
}

function summarise(commit: string | null, rows: readonly Row[]): VersionUsage {
  const latencies = rows.map((row) => row.latency_ms).sort((a, b) => a - b);
  const costs = rows.map((row) => row.cost_usd).filter((cost): cost is number => cost !== null);
  const tags = [...new Set(rows.map((row) => row.version_tag).filter((tag): tag is string => tag !== null))].sort(byApprovalDesc);
  const sum = (pick: (row: Row) => number | null) => rows.reduce((total, row) => total + (pick(row) ?? 0), 0);
  return {
    commit,
    tags,
    calls: rows.length,
    ok: rows.filter((row) => row.ok === 1).length,
    schemaFailures: rows.filter((row) => row.schema_valid === 0).length,
    callFailures: rows.filter((row) => row.ok === 0 && row.schema_valid !== 0).length,
    p50LatencyMs: percentile(latencies, 50),
    p95LatencyMs: percentile(latencies, 95),
    costUsd: costs.length > 0 ? roundUsd(costs.reduce((total, cost) => total + cost, 0)) : null,
    inputTokens: sum((row) => row.input_tokens),
    outputTokens: sum((row) => row.output_tokens),
    checksPassed: sum((row) => row.checks_passed),
    checksFailed: sum((row) => row.checks_failed),
    models: [...new Set(rows.map((row) => row.model))],
    lastCallAt: rows.at(-1)?.created_at ?? null,
  };
}

/** `approved/x/v10` before `approved/x/v9`. */
function byApprovalDesc(a: string, b: string): number {
  const version = (tag: string) => Number(/\/v(\d+)$/.exec(tag)?.[1] ?? 0);
  return version(b) - version(a);
}
