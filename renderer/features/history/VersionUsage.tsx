import type { VersionUsage as Usage } from '../../../shared/taskCalls';
import { useTaskUsage } from '../../api/taskQueries';
import { plural } from '../../lib/labels';
import { formatCost, formatDuration } from '../../lib/runFormat';
import { exactTime, shortTime } from '../../lib/relativeTime';
import './versionUsage.css';

interface VersionUsageProps {
  prompt: string;
  /** The version's commit; null for the draft. */
  commit: string | null;
  /** Whether `@approved` calls this version now: then an empty panel says how calls get here. */
  current: boolean;
}

/**
 * "In use": what applications and `workbench call --record` did with this version, from the calls
 * they recorded in the workspace database. Nothing leaves the machine; recording is opt-in.
 */
export function VersionUsage({ prompt, commit, current }: VersionUsageProps) {
  const usage = useTaskUsage(prompt);
  const mine = usage.data?.versions.find((entry) => entry.commit === commit);
  if (!mine) {
    if (!current || usage.isPending) return null;
    return (
      <section className="version-usage version-usage--empty" aria-label="In use">
        <h3 className="version-usage__title">In use</h3>
        <p className="version-usage__hint">
          No recorded calls yet. Calls made with <code>record: true</code> (prompt-workbench/tasks) or <code>workbench call {prompt} --record</code> show here.
        </p>
      </section>
    );
  }
  return <UsageFigures usage={mine} />;
}

function UsageFigures({ usage }: { usage: Usage }) {
  const checks = usage.checksPassed + usage.checksFailed;
  return (
    <section className="version-usage" aria-label="In use">
      <header className="version-usage__header">
        <h3 className="version-usage__title">In use</h3>
        <span className="version-usage__meta">
          {usage.tags.length > 0 && <>as {usage.tags.map((tag) => tag.split('/').at(-1)).join(', ')} · </>}
          {usage.models.join(', ')}
          {usage.lastCallAt && (
            <>
              {' · last call '}
              <time dateTime={usage.lastCallAt} title={exactTime(usage.lastCallAt)}>
                {shortTime(usage.lastCallAt)}
              </time>
            </>
          )}
        </span>
      </header>
      <dl className="version-usage__figures">
        <Figure label="Calls" value={usage.calls.toLocaleString()} sub={usage.ok === usage.calls ? 'all ok' : `${usage.ok.toLocaleString()} ok`} />
        <Figure label="p50 latency" value={usage.p50LatencyMs === null ? '—' : formatDuration(usage.p50LatencyMs)} />
        <Figure label="p95" value={usage.p95LatencyMs === null ? '—' : formatDuration(usage.p95LatencyMs)} />
        <Figure label="Cost" value={formatCost(usage.costUsd)} sub={`${(usage.inputTokens + usage.outputTokens).toLocaleString()} tokens`} />
        <Figure
          label="Schema failures"
          value={usage.schemaFailures.toLocaleString()}
          sub={usage.callFailures > 0 ? plural(usage.callFailures, 'failed call') : undefined}
          tone={usage.schemaFailures > 0 ? 'bad' : undefined}
        />
        {checks > 0 && <Figure label="Checks" value={`${usage.checksPassed}/${checks}`} sub="verdicts passed" tone={usage.checksFailed > 0 ? 'bad' : undefined} />}
      </dl>
    </section>
  );
}

function Figure({ label, value, sub, tone }: { label: string; value: string; sub?: string | undefined; tone?: 'bad' | undefined }) {
  return (
    <div className={`version-usage__figure${tone === 'bad' ? ' version-usage__figure--bad' : ''}`}>
      <dt>{label}</dt>
      <dd>
        <strong>{value}</strong>
        {sub && <span className="version-usage__sub">{sub}</span>}
      </dd>
    </div>
  );
}
