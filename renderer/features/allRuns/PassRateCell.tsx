import { useEffect, useRef, useState } from 'react';
import { formatPassRate, percent } from '../../../shared/checks/passRate';
import type { RunSummary } from '../../../shared/runs';
import { useRunPassRate } from '../../api/checkQueries';

/**
 * A run's pass rate under its prompt's checks as they are now. Asked only once the row has been
 * on screen: evaluating checks reads every sample of the run (stored verdicts make it cheap the
 * second time), which a page of a thousand runs must not do up front.
 */
export function PassRateCell({ run, onRate }: { run: RunSummary; onRate(runId: string, rate: number | null): void }) {
  const ref = useRef<HTMLTableCellElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const cell = ref.current;
    if (!cell || seen) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
    });
    observer.observe(cell);
    return () => observer.disconnect();
  }, [seen]);
  const result = useRunPassRate(run, seen);
  const rate = result.data && result.data.checks > 0 ? result.data.overall.rate : null;
  useEffect(() => {
    if (result.data) onRate(run.runId, rate);
  }, [result.data, rate, run.runId, onRate]);

  let content;
  if (result.isError) content = <span className="all-runs__faint" title={result.error.message}>—</span>;
  else if (!result.data) content = <span className="all-runs__faint" aria-label="Pass rate loading">…</span>;
  else if (result.data.checks === 0) content = <span className="all-runs__faint" title="This prompt has no checks">—</span>;
  else if (result.data.overall.rate === null) content = <span className="all-runs__faint" title="No finished samples yet">—</span>;
  else content = <span title={formatPassRate(result.data.overall)}>{percent(result.data.overall.rate)}</span>;
  return (
    <td ref={ref} className="all-runs__number">
      {content}
    </td>
  );
}
